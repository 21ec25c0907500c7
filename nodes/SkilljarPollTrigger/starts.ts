import type { PollState } from './cursor';
import { TriggerMemory } from './memory';

/*
 * Where each trigger started, remembered in this n8n process until n8n has saved a state of its
 * own. Normally n8n saves the state the activation's poll writes, and this memory is never read.
 * With n8n 2.x's durable poll cursors (opt-in) the activation's poll is a test run whose state is
 * dropped unless it emits: the first scheduled poll would then find no state and start from its
 * own moment, skipping what happened since the activation. It starts from the activation instead.
 * What this cannot cover: n8n restarting between the activation and the first scheduled poll.
 */

/** Starts are kept a week at most (a trigger deactivated before its first scheduled poll). */
const starts = new TriggerMemory<PollState>(7 * 24 * 3600 * 1000);

/** The remembered start of `key`, else `make()`'s, remembered from now on. Copies either way. */
export function startOf(key: string, make: () => PollState, now = Date.now()): PollState {
	let state = starts.get(key, now);
	if (!state) {
		state = make();
		starts.set(key, state, now);
	}
	return structuredClone(state);
}

/** n8n holds a saved state for `key`: its start need not be remembered any longer. */
export function forgetStart(key: string): void {
	starts.delete(key);
}
