import type { IDataObject } from 'n8n-workflow';

/*
 * Where a poll resumes. Each poll asks Skilljar for the records whose time (enrolled, completed,
 * issued) is at or after `since` minus OVERLAP_MS, and emits those it has not emitted before, in
 * time order. `since` only moves forward, to the newest time emitted; `emitted` remembers the
 * records of the overlap, so a record read twice is emitted once. The overlap catches a record
 * that becomes visible a little after a newer one was already read.
 *
 * The state lives in the node's workflow static data, which n8n (1.x and 2.x) saves at activation
 * and when a poll emits, not after a poll that emits nothing: so the state must change only with
 * an emitted record, or at the first poll. A restart or an hour without polls resumes from
 * `since`, with no gap.
 */

/** How far before `since` each poll reads again. */
export const OVERLAP_MS = 2 * 60 * 1000;

/**
 * How far before the start records still count: Skilljar's clock and n8n's differ a little, and
 * a record stamped a moment before the activation (or truncated to the second) is not "old".
 */
export const START_SLACK_MS = 5 * 1000;

export interface PollState extends IDataObject {
	/** ISO time: records at or after it (minus the overlap) are read. */
	since: string;
	/** Emitted records of the overlap: `id@time` → time in epoch ms. */
	emitted: Record<string, number>;
	/**
	 * ISO time where the trigger started (the activation, or the backfill's start): nothing
	 * before it is emitted, so the first polls' overlap does not reach into the past.
	 */
	floor?: string;
}

export function isPollState(value: unknown): value is PollState {
	if (typeof value !== 'object' || value === null) return false;
	const state = value as IDataObject;
	return (
		typeof state.since === 'string' &&
		Number.isFinite(Date.parse(state.since)) &&
		typeof state.emitted === 'object' &&
		state.emitted !== null
	);
}

/** The first state: from now, or `backfillHours` back. */
export function firstState(nowMs: number, backfillHours: number): PollState {
	const start = nowMs - backfillHours * 3600 * 1000;
	return {
		since: new Date(start).toISOString(),
		emitted: {},
		floor: new Date(start - START_SLACK_MS).toISOString(),
	};
}

function floorMs(state: PollState): number {
	const floor = typeof state.floor === 'string' ? Date.parse(state.floor) : Number.NaN;
	return Number.isFinite(floor) ? floor : Number.NEGATIVE_INFINITY;
}

/** The time filter's value for the next poll (with a timezone, as Skilljar requires). */
export function readFrom(state: PollState): string {
	return new Date(Math.max(Date.parse(state.since) - OVERLAP_MS, floorMs(state))).toISOString();
}

interface Timed {
	record: IDataObject;
	key: string;
	at: number;
	raw: string;
}

/**
 * The records to emit (not emitted before, oldest first; ties by the time as sent, then id) and
 * the state after emitting them. A record without a readable time is skipped (the filter that
 * found it needs that time, so it cannot be one of the records asked for), and so is one from
 * before the trigger started.
 */
export function takeNew(
	state: PollState,
	records: IDataObject[],
	timeField: string,
): { fresh: IDataObject[]; state: PollState } {
	const timed: Timed[] = [];
	const keys = new Set<string>();
	const floor = floorMs(state);
	for (const record of records) {
		const raw = typeof record[timeField] === 'string' ? (record[timeField] as string) : '';
		const at = Date.parse(raw);
		if (!Number.isFinite(at) || at < floor) continue;
		const key = `${String(record.id)}@${raw}`;
		if (key in state.emitted || keys.has(key)) continue;
		keys.add(key);
		timed.push({ record, key, at, raw });
	}
	timed.sort((a, b) => a.at - b.at || compare(a.raw, b.raw) || compare(String(a.record.id), String(b.record.id)));

	let sinceMs = Date.parse(state.since);
	let since = state.since;
	const emitted: Record<string, number> = { ...state.emitted };
	for (const entry of timed) {
		emitted[entry.key] = entry.at;
		if (entry.at > sinceMs) {
			sinceMs = entry.at;
			since = new Date(entry.at).toISOString();
		}
	}
	const oldest = sinceMs - OVERLAP_MS;
	for (const [key, at] of Object.entries(emitted)) if (at < oldest) delete emitted[key];
	const next: PollState = { since, emitted };
	if (state.floor !== undefined) next.floor = state.floor;
	return { fresh: timed.map((entry) => entry.record), state: next };
}

function compare(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
