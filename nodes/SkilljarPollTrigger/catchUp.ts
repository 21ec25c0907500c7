import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { readFrom, type PollState } from './cursor';
import type { Feed } from './feeds';
import { TriggerMemory } from './memory';
import { readFeed } from './read';

/*
 * Reading what is new within the time n8n gives one poll. n8n 2.x tells a poll how long it may
 * take (`getPollBudgetMs`); its scheduler (opt-in) abandons a poll after 45 s by default, so a
 * backlog that takes longer to read (after an outage, or a long Backfill) would be read again at
 * every poll and never emitted. API v2 does not document the order of a filtered list, so a read
 * cut short cannot be emitted: a page not read yet may hold an older record. What can be emitted
 * is a time window read to its end. So when the backlog does not fit, the poll reads windows
 * [from, from + span] instead: a try that runs out of time is dropped and the span shrinks to a
 * quarter or less (less when the records seen so far say a quarter still holds most of them);
 * after a window read whole the next is twice as wide, while time is left. What the windows hold
 * is emitted, oldest first, and the next poll goes on from the newest, with the last width that
 * fitted (kept in the process, since a poll that emits nothing saves nothing). n8n 1.x gives no
 * budget: there a poll reads the whole backlog in one go, as it always did.
 */

/** The share of the poll's time spent reading; the rest is for handing the items over. */
const READ_SHARE = 0.6;

/** The share of the reading time the first try (everything up to now) may take. */
const FIRST_TRY_SHARE = 1 / 3;

/** A try cut short leaves the next at most this share of its span, and of the records seen in it. */
const WINDOW_SHARE = 1 / 4;

/** How long this poll may take, when n8n says (2.x); undefined otherwise. */
export function pollBudgetMs(context: IPollFunctions): number | undefined {
	const ask = (context as Partial<{ getPollBudgetMs: () => number }>).getPollBudgetMs;
	if (typeof ask !== 'function') return undefined;
	const ms = Number(ask.call(context));
	return Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

/**
 * The time of a seen record after `after` (and before `before`) such that about `share` of the
 * seen records there are at or before it; undefined when none is seen there.
 */
export function seenQuantile(
	seen: number[],
	after: number,
	before: number,
	share = WINDOW_SHARE,
): number | undefined {
	const inside = seen.filter((time) => time > after && time < before).sort((a, b) => a - b);
	if (!inside.length) return undefined;
	return inside[Math.max(0, Math.ceil(inside.length * share) - 1)];
}

/**
 * The span of the next try after one over `span` (undefined: up to now) starting at `after` was
 * cut short: a quarter of it, or less where the records seen say a quarter still holds most of
 * them. Never below a millisecond, so the window always moves on.
 */
export function narrowedSpan(
	span: number | undefined,
	after: number,
	now: number,
	seen: number[],
): number {
	const tried = span ?? Math.max(now - after, 1);
	const byTime = tried * WINDOW_SHARE;
	const bySeen = seenQuantile(seen, after, after + tried);
	return Math.max(1, Math.min(byTime, bySeen === undefined ? byTime : bySeen - after));
}

function timesOf(records: IDataObject[], timeField: string): number[] {
	const times: number[] = [];
	for (const record of records) {
		const time = Date.parse(String(record[timeField] ?? ''));
		if (Number.isFinite(time)) times.push(time);
	}
	return times;
}

/** What a catch-up learned, kept for the next poll of the same trigger. */
interface Learned {
	/** The window width to try first. */
	span: number;
	/** The position the catch-up was at (`state.since`) when this was learned. */
	since: string;
	/** Up to here everything after that position was read whole and held nothing new. */
	readTo?: string;
}

/**
 * What each trigger's catch-up learned. A poll that emits nothing saves no state, so what it
 * learned about the backlog is kept here: the next poll goes on narrowing where it stopped, and
 * past the stretch it found empty, instead of starting over (a dense backlog served newest first
 * would otherwise never come). Dropped once a poll has read up to now again.
 */
const learned = new TriggerMemory<Learned>(24 * 3600 * 1000);

/**
 * The records to hand to `takeNew`: everything since the state's position when it can be read in
 * time (or when n8n sets no time), else the windows read whole in the time there was. `key`
 * names the trigger (workflow, node, event) for what this process remembers of its catch-up.
 */
export async function readNew(
	context: IPollFunctions,
	feed: Feed,
	state: PollState,
	key: string,
): Promise<IDataObject[]> {
	const from = readFrom(state);
	const budget = pollBudgetMs(context);
	if (budget === undefined) return (await readFeed(context, feed, { from })).items;

	const started = Date.now();
	const deadline = started + budget * READ_SHARE;
	const sinceMs = Date.parse(state.since);
	const read: IDataObject[] = [];
	const seen: number[] = [];
	let fresh = false;
	const known = learned.get(key);
	/** The window's width after `max(start, since)`; undefined: up to now. */
	let span = known?.span;
	// While catching up, windows start at the position (the overlap before it was emitted already,
	// and after a bulk enrollment it alone holds more than a poll can read), or past what the last
	// poll found empty if nothing was emitted since.
	let start = known === undefined ? from : state.since;
	if (known?.since === state.since && known.readTo !== undefined) start = known.readTo;
	let stopAt = started + budget * READ_SHARE * (span === undefined ? FIRST_TRY_SHARE : 1 / 2);
	const remember = (width: number) =>
		learned.set(key, { span: width, since: state.since, ...(fresh ? {} : { readTo: start }) });
	for (;;) {
		const after = Math.max(Date.parse(start), sinceMs);
		const end = span === undefined || after + span >= Date.now() ? undefined : after + span;
		const until = end === undefined ? undefined : new Date(end).toISOString();
		const got = await readFeed(context, feed, { from: start, until, stopAt });
		const times = timesOf(got.items, feed.timeField);
		if (got.complete) {
			read.push(...got.items);
			fresh ||= times.some((time) => time > sinceMs);
			if (span === undefined || until === undefined) {
				learned.delete(key);
				return read;
			}
			// This width fitted: the next poll starts from it, and this one tries twice as wide.
			start = until;
			remember(span);
			span *= 2;
		} else {
			// Nothing more fits after windows that hold something new: hand those over.
			if (fresh) return read;
			seen.push(...times);
			start = new Date(Math.max(Date.parse(start), sinceMs)).toISOString();
			span = narrowedSpan(end === undefined ? undefined : end - after, after, Date.now(), seen);
			remember(span);
		}
		if (Date.now() >= deadline) return read;
		// With something new in hand a try cut short ends the poll, so it may take all the time
		// left; without, half, to leave room for a narrower one.
		stopAt = fresh ? deadline : Date.now() + (deadline - Date.now()) / 2;
	}
}
