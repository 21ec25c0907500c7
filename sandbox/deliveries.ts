// The sandbox's delivery log, for tests and `npm start` users (not part of Skilljar's API):
// GET /_sandbox/deliveries lists every delivery with its event and whether the receiver started
// an execution; POST /_sandbox/deliveries/{id}/replay sends one again, as Skilljar's retry of a
// delivery it thinks failed would ({"copies": n} sends n at the same moment).

import type { Reply } from './handlers';
import { isRecord, type Store } from './store';
import { DELIVERY_LOG, replay } from './webhooks';

export const REPLAY_PATTERN = /^\/_sandbox\/deliveries\/([^/]+)\/replay$/;

/** A replay sends at most this many copies at once (a bounded load). */
export const MAX_COPIES = 10;

export function isDeliveriesPath(pathname: string): boolean {
	return pathname === DELIVERY_LOG || REPLAY_PATTERN.test(pathname);
}

export async function deliveriesEndpoint(
	store: Store,
	method: string,
	pathname: string,
	body: unknown,
): Promise<Reply> {
	const replayMatch = REPLAY_PATTERN.exec(pathname);
	const allowed = replayMatch ? 'POST' : 'GET';
	if (method !== allowed) {
		return { status: 405, body: { detail: `Method "${method}" not allowed.` } };
	}
	if (!replayMatch) return { status: 200, body: { results: store.list(DELIVERY_LOG) } };

	const requested = isRecord(body) && body.copies !== undefined ? Number(body.copies) : 1;
	if (!Number.isInteger(requested) || requested < 1 || requested > MAX_COPIES) {
		return { status: 400, body: { copies: [`Must be a whole number from 1 to ${MAX_COPIES}.`] } };
	}
	const deliveries = await replay(store, decodeURIComponent(replayMatch[1]), requested);
	if (!deliveries) return { status: 404, body: { detail: 'Not found.' } };
	return { status: 200, body: { deliveries } };
}
