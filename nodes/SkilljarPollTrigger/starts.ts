import type { PollState } from './cursor';

/*
 * Where each trigger started, remembered in this n8n process until n8n has saved a state of its
 * own. Normally n8n saves the state the activation's poll writes, and this memory is never read.
 * With n8n 2.x's durable poll cursors (opt-in) the activation's poll is a test run whose state is
 * dropped unless it emits: the first scheduled poll would then find no state and start from its
 * own moment, skipping what happened since the activation. It starts from the activation instead.
 * What this cannot cover: n8n restarting between the activation and the first scheduled poll.
 */

/** Starts older than this are dropped (a trigger deactivated before its first scheduled poll). */
const KEEP_MS = 7 * 24 * 3600 * 1000;

/** At most this many triggers are remembered; the oldest go first. */
const MAX_STARTS = 1000;

const starts = new Map<string, { state: PollState; at: number }>();

/** The remembered start of `key`, else `make()`'s, remembered from now on. Copies either way. */
export function startOf(key: string, make: () => PollState, now = Date.now()): PollState {
	for (const [old, entry] of starts) if (now - entry.at > KEEP_MS) starts.delete(old);
	let entry = starts.get(key);
	if (!entry) {
		entry = { state: make(), at: now };
		starts.set(key, entry);
		if (starts.size > MAX_STARTS) starts.delete(starts.keys().next().value as string);
	}
	return structuredClone(entry.state);
}

/** n8n holds a saved state for `key`: its start need not be remembered any longer. */
export function forgetStart(key: string): void {
	starts.delete(key);
}
