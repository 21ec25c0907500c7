/**
 * When a failed request is sent again, and after how long. Pure: the transport asks, then waits.
 *
 * - 429: Skilljar did not process the request, so any method is retried after `Retry-After`.
 * - 502/503/504, dropped connections and timeouts: the request may have been processed, so only
 *   methods that are safe to repeat are retried (GET, PUT, PATCH, DELETE, and a POST Skilljar
 *   documents as idempotent).
 * - A refused connection: nothing was sent, so any method is retried (the transport decides).
 */

/** Tries in all for a transient failure (the first try included). */
export const MAX_TRIES = 3;

/** Waits on 429 when `Retry-After` is missing: 1 s, doubled per further 429. */
export const DEFAULT_THROTTLE_WAIT_MS = 1000;

/** Backoff before the second try of a transient failure; doubled for each later try. */
export const BACKOFF_BASE_MS = 500;

/** 429s answered in a row before giving up, whatever Max Wait says (keeps a loop bounded). */
export const MAX_THROTTLED_TRIES = 20;

export const RETRYABLE_STATUSES = new Set([502, 503, 504]);

const REPEATABLE_METHODS = new Set(['GET', 'PUT', 'PATCH', 'DELETE']);

export function isRepeatable(method: string, idempotentPost: boolean): boolean {
	return (
		REPEATABLE_METHODS.has(method.toUpperCase()) ||
		(method.toUpperCase() === 'POST' && idempotentPost)
	);
}

/**
 * `Retry-After` in milliseconds: either delta-seconds or an HTTP date. Undefined when absent or
 * unreadable (the caller then uses its own default).
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	const text = Array.isArray(value) ? String(value[0] ?? '') : String(value ?? '');
	const trimmed = text.trim();
	if (!trimmed) return undefined;
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Exponential backoff with "full jitter" around the nominal delay (50–100 %), so parallel items
 * that failed together do not all come back at the same instant.
 */
export function backoffMs(retryNumber: number, random: () => number = Math.random): number {
	const nominal = BACKOFF_BASE_MS * 2 ** Math.max(0, retryNumber - 1);
	return Math.round(nominal * (0.5 + random() / 2));
}

/** Wait after the n-th 429 in a row when Skilljar gave no `Retry-After`. */
export function throttleDefaultMs(throttledCount: number): number {
	return DEFAULT_THROTTLE_WAIT_MS * 2 ** Math.max(0, Math.min(throttledCount - 1, 6));
}
