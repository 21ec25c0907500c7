import type { NetworkFailureKind } from './networkErrors';
import {
	MAX_THROTTLED_TRIES,
	MAX_TRIES,
	RETRYABLE_STATUSES,
	backoffMs,
	parseRetryAfter,
	throttleDefaultMs,
} from './retryPolicy';
import { isUnderBase, parseUrl } from './urls';

/**
 * What the request loop (request.ts) does with one outcome, one question each: follow a
 * redirect? wait out a throttle? try again? accept the answer? Pure: they read the outcome and
 * the attempt so far and return a decision; the loop waits, sends and throws.
 */

/** Redirect hops followed for one request (each re-checked against the Base URL). */
export const MAX_REDIRECTS = 3;

/** Failures of the network that may go away on a second try. */
const TRANSIENT_FAILURES = new Set<NetworkFailureKind>(['timeout', 'reset', 'refused']);

export type NetworkDecision = { retry: true } | { retry: false; why: string };

/**
 * After a network failure (no HTTP answer): try again only when it may go away and the request
 * may be repeated. A refused connection never carried the request, so even a plain POST may.
 */
export function afterNetworkFailure(
	kind: NetworkFailureKind,
	repeatable: boolean,
	tries: number,
): NetworkDecision {
	const transient = TRANSIENT_FAILURES.has(kind);
	const mayRepeat = repeatable || kind === 'refused';
	if (transient && mayRepeat && tries + 1 < MAX_TRIES) return { retry: true };
	if (!transient)
		return { retry: false, why: 'Not retried: this will not go away by trying again.' };
	if (mayRepeat) return { retry: false, why: `Tried ${tries + 1} times.` };
	return {
		retry: false,
		why: 'Not retried: Skilljar may have processed this POST, and sending it again could create a duplicate.',
	};
}

export type RedirectDecision =
	| { follow: URL; /** 303: fetch the result with GET and no body. */ asGet: boolean }
	| { refuse: 'no-target' | 'too-many' }
	| { refuse: 'off-base'; target: URL };

/** Whether an answer is a redirect (304 is not: it answers a conditional request). */
export function isRedirect(statusCode: number): boolean {
	return statusCode >= 300 && statusCode < 400 && statusCode !== 304;
}

/**
 * Where a redirect may be followed: only under the credential's Base URL (the key goes along),
 * at most MAX_REDIRECTS times. 301/302/307/308 keep method and body (a body dropped silently would
 * turn a write into a read that looks like success); 303 asks for the result with GET.
 */
export function redirectDecision(
	statusCode: number,
	location: unknown,
	currentUrl: string,
	baseUrl: string,
	redirectsSoFar: number,
): RedirectDecision {
	const target = typeof location === 'string' ? parseUrl(location, currentUrl) : undefined;
	if (!target) return { refuse: 'no-target' };
	if (!isUnderBase(target, baseUrl)) return { refuse: 'off-base', target };
	if (redirectsSoFar + 1 > MAX_REDIRECTS) return { refuse: 'too-many' };
	return { follow: target, asGet: statusCode === 303 };
}

/**
 * After the n-th 429 in a row: wait until Skilljar's `Retry-After` (or a doubling default), unless
 * that passes the request's Max Wait deadline or too many 429s came in a row.
 */
export function throttleDecision(
	throttledCount: number,
	retryAfter: unknown,
	now: number,
	waitDeadline: number,
): { until: number; giveUp: boolean } {
	const wait = parseRetryAfter(retryAfter, now) ?? throttleDefaultMs(throttledCount);
	const until = now + wait;
	return { until, giveUp: until > waitDeadline || throttledCount > MAX_THROTTLED_TRIES };
}

/**
 * How long to wait before trying a 502/503/504 again, or undefined when it is not tried again
 * (not such a status, a request that may not be repeated, or no tries left). A `Retry-After`
 * within Max Wait is honoured; otherwise the usual backoff.
 */
export function retryWaitMs(
	statusCode: number,
	repeatable: boolean,
	tries: number,
	retryAfter: unknown,
	now: number,
	maxWaitMs: number,
	random: () => number = Math.random,
): number | undefined {
	if (!RETRYABLE_STATUSES.has(statusCode) || !repeatable || tries + 1 >= MAX_TRIES) {
		return undefined;
	}
	const asked = parseRetryAfter(retryAfter, now);
	return asked !== undefined && asked <= maxWaitMs ? asked : backoffMs(tries + 1, random);
}

/** Only a 2xx answer becomes output; every other status is an error. */
export function isSuccess(statusCode: number): boolean {
	return statusCode >= 200 && statusCode < 300;
}

/** How a final error status says whether it was tried again. */
export function retryNote(statusCode: number, repeatable: boolean, tries: number): string {
	if (!RETRYABLE_STATUSES.has(statusCode)) return '';
	return repeatable
		? ` after ${tries + 1} tries`
		: '; not retried: Skilljar may have processed this POST, and sending it again could create a duplicate';
}

/**
 * Whether a 401 is answered by renewing the token and sending once more: only for a credential
 * whose token expires (API v2), and only once per request (a second 401 is the answer).
 */
export function renewsToken(statusCode: number, expiringToken: boolean, renewed: boolean): boolean {
	return statusCode === 401 && expiringToken && !renewed;
}
