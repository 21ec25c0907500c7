import {
	MAX_REDIRECTS,
	afterNetworkFailure,
	isRedirect,
	isSuccess,
	redirectDecision,
	retryNote,
	retryWaitMs,
	throttleDecision,
} from '../nodes/shared/http/decisions';
import { MAX_THROTTLED_TRIES, MAX_TRIES } from '../nodes/shared/http/retryPolicy';

/** The request loop's decisions, one question each (the loop itself runs in fault-matrix.test.ts). */
describe('request decisions', () => {
	const BASE = 'https://api.skilljar.com';
	const HERE = `${BASE}/v1/courses`;

	test('a redirect under the Base URL is followed, keeping the method unless it is a 303', () => {
		const kept = redirectDecision(307, '/v1/courses?page=2', HERE, BASE, 0);
		expect(kept).toEqual({ follow: new URL(`${BASE}/v1/courses?page=2`), asGet: false });
		expect(redirectDecision(303, `${BASE}/v1/jobs/1`, HERE, BASE, 0)).toMatchObject({
			asGet: true,
		});
	});

	test('a redirect off the Base URL, without a target or one too many is refused', () => {
		expect(redirectDecision(302, 'https://evil.example.com/x', HERE, BASE, 0)).toEqual({
			refuse: 'off-base',
			target: new URL('https://evil.example.com/x'),
		});
		expect(redirectDecision(302, undefined, HERE, BASE, 0)).toEqual({ refuse: 'no-target' });
		expect(redirectDecision(302, '/v1/courses', HERE, BASE, MAX_REDIRECTS)).toEqual({
			refuse: 'too-many',
		});
		expect([301, 302, 303, 307, 308].every(isRedirect)).toBe(true);
		expect(isRedirect(304)).toBe(false);
	});

	test('a 429 waits for Retry-After, and gives up past Max Wait or after too many in a row', () => {
		const now = 1_000_000;
		expect(throttleDecision(1, '2', now, now + 60_000)).toEqual({
			until: now + 2000,
			giveUp: false,
		});
		// Without Retry-After the default doubles per 429 in a row.
		expect(throttleDecision(3, undefined, now, now + 60_000).until).toBe(now + 4000);
		expect(throttleDecision(1, '120', now, now + 60_000).giveUp).toBe(true);
		expect(throttleDecision(MAX_THROTTLED_TRIES + 1, '0', now, now + 60_000).giveUp).toBe(true);
	});

	test('502/503/504 are tried again only when the request may be repeated and tries are left', () => {
		const half = () => 0.5;
		expect(retryWaitMs(503, true, 0, undefined, 0, 300_000, half)).toBe(375);
		expect(retryWaitMs(503, true, 0, '3', 0, 300_000)).toBe(3000);
		// A Retry-After longer than Max Wait falls back to the backoff.
		expect(retryWaitMs(503, true, 1, '600', 0, 300_000, half)).toBe(750);
		expect(retryWaitMs(503, false, 0, undefined, 0, 300_000)).toBeUndefined();
		expect(retryWaitMs(503, true, MAX_TRIES - 1, undefined, 0, 300_000)).toBeUndefined();
		expect(retryWaitMs(500, true, 0, undefined, 0, 300_000)).toBeUndefined();
		expect(retryNote(503, true, 2)).toBe(' after 3 tries');
		expect(retryNote(503, false, 0)).toMatch(/not retried: .* duplicate/);
		expect(retryNote(400, true, 0)).toBe('');
	});

	test('network failures: transient ones are retried when the request may be repeated', () => {
		expect(afterNetworkFailure('timeout', true, 0)).toEqual({ retry: true });
		// Nothing was sent on a refused connection, so even a plain POST may try again.
		expect(afterNetworkFailure('refused', false, 0)).toEqual({ retry: true });
		expect(afterNetworkFailure('reset', false, 0)).toMatchObject({
			retry: false,
			why: expect.stringMatching(/duplicate/),
		});
		expect(afterNetworkFailure('dns', true, 0)).toMatchObject({
			why: expect.stringMatching(/will not go away/),
		});
		expect(afterNetworkFailure('timeout', true, MAX_TRIES - 1)).toEqual({
			retry: false,
			why: `Tried ${MAX_TRIES} times.`,
		});
	});

	test('only a 2xx answer is accepted', () => {
		expect([200, 201, 204].every(isSuccess)).toBe(true);
		expect([199, 301, 404, 500].some(isSuccess)).toBe(false);
	});
});
