import { sleep } from 'n8n-workflow';

import { factsOf } from '../nodes/shared/catalog';
import { acceptsEmptyAnswer, answerProblem, expectedPageSize } from '../nodes/shared/http/answers';
import { normaliseBaseUrl } from '../nodes/shared/http/baseUrl';
import { withIdempotency } from '../nodes/shared/http/idempotency';
import { RateLimiter, limiterFor, readLimit } from '../nodes/shared/http/limiter';
import { classifyNetworkFailure, describeNetworkFailure } from '../nodes/shared/http/networkErrors';
import { DEFAULT_SETTINGS } from '../nodes/shared/http/request';
import {
	MAX_TRIES,
	backoffMs,
	isRepeatable,
	parseRetryAfter,
	throttleDefaultMs,
} from '../nodes/shared/http/retryPolicy';
import { isSameList, isUnderBase } from '../nodes/shared/http/urls';
import { runPool } from '../nodes/shared/pool';
import { DEFAULT_PARALLEL_ITEMS, requestOptionsProperty } from '../nodes/shared/requestOptions';
import { MASK, maskSecrets } from '../nodes/shared/sanitize';
import { strictBoolean, strictInteger } from '../nodes/shared/strictValues';
import type { SkilljarOperation } from '../nodes/shared/types';

describe('credential Base URL', () => {
	test.each([
		['https://api.skilljar.com', 'https://api.skilljar.com'],
		['https://api.skilljar.com/', 'https://api.skilljar.com'],
		['  https://api.skilljar.com/v1/ ', 'https://api.skilljar.com'],
		['https://api.skilljar.com/V1', 'https://api.skilljar.com'],
		['http://127.0.0.1:4010//', 'http://127.0.0.1:4010'],
		['https://proxy.example.com/skilljar/v1', 'https://proxy.example.com/skilljar'],
	])('%s is used as %s', (raw, expected) => {
		expect(normaliseBaseUrl(raw)).toBe(expected);
	});

	test.each([
		['', /is empty/],
		['api.skilljar.com', /not a valid URL/],
		['ftp://api.skilljar.com', /https:\/\/ or http:\/\//],
		['https://user:secret@api.skilljar.com', /user name or password/],
		['https://api.skilljar.com/?x=1', /query/],
		['https://api.skilljar.com/?', /query/],
		['https://api.skilljar.com/#top', /fragment/],
	])('%j is refused with a message about the credential', (raw, message) => {
		expect(() => normaliseBaseUrl(raw)).toThrow(message);
		expect(() => normaliseBaseUrl(raw)).toThrow(/^The Skilljar credential's Base URL/);
	});
});

describe('where requests may go', () => {
	const base = 'https://proxy.example.com/skilljar';
	test.each([
		['https://proxy.example.com/skilljar/v1/courses', true],
		['https://proxy.example.com/skilljar', true],
		['https://proxy.example.com/skilljarx/v1', false],
		['https://proxy.example.com/other/v1', false],
		['http://proxy.example.com/skilljar/v1', false],
		['https://proxy.example.com:8443/skilljar/v1', false],
		['https://evil.example.com/skilljar/v1', false],
	])('%s under the base: %s', (url, expected) => {
		expect(isUnderBase(new URL(url), base)).toBe(expected);
	});

	test('a next link must stay on the list path', () => {
		const first = new URL('https://api.skilljar.com/v1/courses?page_size=1000');
		expect(isSameList(new URL('https://api.skilljar.com/v1/courses?page=2'), first)).toBe(true);
		expect(isSameList(new URL('https://api.skilljar.com/v1/users?page=2'), first)).toBe(false);
		expect(isSameList(new URL('https://evil.example.com/v1/courses?page=2'), first)).toBe(false);
	});
});

describe('retry policy', () => {
	const now = Date.parse('2026-11-29T03:00:00Z');
	test.each([
		['1', 1000],
		['0', 0],
		['2.5', 2500],
		['Sun, 29 Nov 2026 03:00:30 GMT', 30_000],
		['Sun, 29 Nov 2026 02:59:00 GMT', 0],
		['', undefined],
		['soon', undefined],
		[undefined, undefined],
	])('Retry-After %j waits %j ms', (value, expected) => {
		expect(parseRetryAfter(value, now)).toBe(expected);
	});

	test('backoff doubles per retry with jitter between 50 % and 100 % of the nominal delay', () => {
		expect(backoffMs(1, () => 0)).toBe(250);
		expect(backoffMs(1, () => 1)).toBe(500);
		expect(backoffMs(2, () => 1)).toBe(1000);
		expect(backoffMs(3, () => 0.5)).toBe(1500);
		expect(throttleDefaultMs(1)).toBe(1000);
		expect(throttleDefaultMs(3)).toBe(4000);
		expect(MAX_TRIES).toBe(3);
	});

	test('only methods that are safe to repeat, or documented idempotent POSTs, are resent', () => {
		expect(['GET', 'PUT', 'PATCH', 'DELETE'].map((method) => isRepeatable(method, false))).toEqual([
			true,
			true,
			true,
			true,
		]);
		expect(isRepeatable('POST', false)).toBe(false);
		expect(isRepeatable('POST', true)).toBe(true);
	});
});

describe('rate limiter', () => {
	test('holds a per-minute budget in a sliding window and says how long to wait', () => {
		let now = 1_000_000;
		const limiter = new RateLimiter({ perMinute: 3, perHour: 0 }, () => now);
		expect(limiter.tryTake()).toBe(0);
		now += 10_000;
		expect([limiter.tryTake(), limiter.tryTake()]).toEqual([0, 0]);
		const wait = limiter.tryTake();
		// The oldest start (10 s ago) leaves the window 50 s from now (plus a small margin).
		expect(wait).toBeGreaterThanOrEqual(50_000);
		expect(wait).toBeLessThan(51_000);
		now += wait;
		expect(limiter.tryTake()).toBe(0);
		expect(limiter.tryTake()).toBeGreaterThanOrEqual(10_000);
	});

	test('the hour budget applies too, and 0 switches a window off', () => {
		let now = 0;
		const limiter = new RateLimiter({ perMinute: 0, perHour: 2 }, () => now);
		expect([limiter.tryTake(), limiter.tryTake()]).toEqual([0, 0]);
		now += 61_000;
		expect(limiter.tryTake()).toBeGreaterThan(3_000_000);
		limiter.limits = { perMinute: 0, perHour: 0 };
		expect(limiter.tryTake()).toBe(0);
	});

	test('a 429 pause stops everyone until it ends', () => {
		let now = 0;
		const limiter = new RateLimiter({ perMinute: 600, perHour: 5000 }, () => now);
		limiter.pauseUntil(2_000);
		expect(limiter.tryTake()).toBe(2_000);
		now = 2_000;
		expect(limiter.tryTake()).toBe(0);
	});

	test('at most its in-flight number of requests hold a place; the rest get theirs in the order they asked', async () => {
		const limiter = new RateLimiter({ perMinute: 0, perHour: 0 }, Date.now, 2);
		const first = await limiter.enter();
		const second = await limiter.enter();
		const order: string[] = [];
		const third = limiter.enter().then((release) => (order.push('third'), release));
		const fourth = limiter.enter().then((release) => (order.push('fourth'), release));
		await new Promise((resolve) => setImmediate(resolve));
		expect(order).toEqual([]);
		first();
		first(); // a second release of the same place frees nothing more
		await new Promise((resolve) => setImmediate(resolve));
		expect(order).toEqual(['third']);
		second();
		(await third)();
		(await fourth)();
		// All places are free again: two can enter at once without waiting.
		const again = await Promise.race([
			Promise.all([limiter.enter(), limiter.enter()]).then(() => 'entered'),
			new Promise((resolve) => setTimeout(() => resolve('waited'), 50)),
		]);
		expect(again).toBe('entered');
	});

	test('one limiter per Base URL and key; the key itself is not what identifies it', () => {
		const limits = { perMinute: 1, perHour: 0 };
		const a = limiterFor('https://a.example.com', 'key-1', limits);
		expect(limiterFor('https://a.example.com', 'key-1', limits)).toBe(a);
		expect(limiterFor('https://a.example.com', 'key-2', limits)).not.toBe(a);
		expect(limiterFor('https://b.example.com', 'key-1', limits)).not.toBe(a);
		expect(readLimit('', 600)).toBe(600);
		expect(readLimit(0, 600)).toBe(0);
		expect(readLimit(-1, 600)).toBe(600);
	});
});

describe('answer checks', () => {
	const answerOf = (id: string) => {
		const facts = factsOf(id);
		return answerProblem.bind(null, acceptsEmptyAnswer(facts.method, facts.response.kind));
	};

	test.each([
		['courses_create', '', /empty body/],
		['courses_create', null, /empty body/],
		['courses_retrieve', '{"id": "abc"', /not valid JSON/],
		['courses_retrieve', '<html>', /HTML page/],
		['courses_retrieve', 42, /bare value/],
	])('%s answering %j is an error', (id, body, problem) => {
		expect(answerOf(id)(body)).toMatch(problem);
	});

	test.each([
		['courses_destroy', ''],
		['ping_retrieve', ''],
		['web_packages_lessons_update', undefined],
		['courses_retrieve', { id: 'abc' }],
		['users_published_courses_list', []],
	])('%s answering %j is fine', (id, body) => {
		expect(answerOf(id)(body)).toBeUndefined();
	});

	test('expected page sizes follow count', () => {
		expect([1, 2, 3, 4].map((page) => expectedPageSize(2500, 1000, page))).toEqual([
			1000, 1000, 500, 0,
		]);
	});
});

describe('masking secrets in outputs', () => {
	test('webhook passwords and header values are masked wherever they appear; the input is not changed', () => {
		const webhook = {
			id: 'w1',
			basic_auth_username: 'n8n',
			basic_auth_password: 'hunter2',
			additional_headers: { 'X-Secret': 'abc', 'X-Other': 'def' },
			nested: [{ basic_auth_password: 'p2' }],
		};
		const masked = maskSecrets(webhook);
		expect(masked).toEqual({
			id: 'w1',
			basic_auth_username: 'n8n',
			basic_auth_password: MASK,
			additional_headers: { 'X-Secret': MASK, 'X-Other': MASK },
			nested: [{ basic_auth_password: MASK }],
		});
		expect(JSON.stringify(masked)).not.toMatch(/hunter2|abc|def|p2/);
		expect(webhook.basic_auth_password).toBe('hunter2');
	});

	test('records without secrets come back as the same object (no copy)', () => {
		const course = { id: 'c1', title: 'Intro', tags: [{ id: 't' }] };
		expect(maskSecrets(course)).toBe(course);
		expect(maskSecrets({ basic_auth_password: null })).toEqual({ basic_auth_password: null });
	});
});

describe('strict node values', () => {
	test.each([
		[true, true],
		[false, false],
		['false', false],
		[' TRUE ', true],
		['yes', /must be true or false/],
		[1, /must be true or false/],
	])('boolean %j → %j', (value, expected) => {
		const result = strictBoolean(value);
		if (expected instanceof RegExp) expect(result).toMatch(expected);
		else expect(result).toBe(expected);
	});

	test.each([
		[5, 5],
		['10', 10],
		['0x10', /whole number/],
		[[5], /whole number, got a list/],
		[2.5, /whole number/],
		['', /whole number/],
		[0, /at least 1/],
	])('integer %j → %j', (value, expected) => {
		const result = strictInteger(value, 1);
		if (expected instanceof RegExp) expect(result).toMatch(expected);
		else expect(result).toBe(expected);
	});
});

describe('network failures', () => {
	test('the socket error code is found under n8n-core’s wrapper and becomes a sentence', () => {
		const wrapped = { message: 'x', cause: { code: 'ENOTFOUND' } };
		const failure = classifyNetworkFailure(wrapped);
		expect(failure).toEqual({ kind: 'dns', code: 'ENOTFOUND' });
		expect(describeNetworkFailure(failure!, 'api.example.com', 'GET /v1/ping', 60_000)).toBe(
			'Could not reach api.example.com: no such host',
		);
		const tls = classifyNetworkFailure({ cause: { code: 'ERR_TLS_CERT_ALTNAME_INVALID' } });
		expect(describeNetworkFailure(tls!, 'api.example.com', 'GET /v1/ping', 60_000)).toBe(
			'The certificate of api.example.com does not match its name',
		);
		const selfSigned = classifyNetworkFailure({ messages: ['self-signed certificate'] });
		expect(describeNetworkFailure(selfSigned!, 'h.example', 'GET /v1/ping', 1000)).toBe(
			'The certificate of h.example is self-signed and not trusted',
		);
		const timeout = classifyNetworkFailure(new Error('timeout of 1000ms exceeded'));
		expect(describeNetworkFailure(timeout!, '127.0.0.1:1', 'GET /v1/courses', 1000)).toBe(
			'GET /v1/courses got no answer from 127.0.0.1:1 within 1 s',
		);
		expect(classifyNetworkFailure(new Error('something else'))).toBeUndefined();
	});
});

describe('parallel runs', () => {
	test('runPool keeps at most N in flight and starts indexes in order', async () => {
		let inFlight = 0;
		let peak = 0;
		const started: number[] = [];
		await runPool(10, 3, async (index) => {
			started.push(index);
			inFlight++;
			peak = Math.max(peak, inFlight);
			await sleep(1);
			inFlight--;
		});
		expect(peak).toBe(3);
		expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
	});

	test('after a failure no new index starts, and the lowest failed index is reported', async () => {
		const started: number[] = [];
		let startedWhenFailed = -1;
		const run = runPool(20, 4, async (index) => {
			started.push(index);
			await sleep(1);
			if (index === 2 || index === 1) {
				if (startedWhenFailed < 0) startedWhenFailed = started.length;
				throw new Error(`item ${index}`);
			}
		});
		await expect(run).rejects.toThrow('item 1');
		expect(started.length).toBe(startedWhenFailed);
		expect(started.length).toBeLessThan(8);
	});
});

describe('node Options and idempotent POSTs', () => {
	test('the Options defaults are the transport defaults', () => {
		const byName = Object.fromEntries(
			(requestOptionsProperty.options ?? []).map((option) => [
				option.name,
				(option as { default: unknown }).default,
			]),
		);
		expect(byName).toEqual({
			timeout: DEFAULT_SETTINGS.timeoutMs / 1000,
			maxWait: DEFAULT_SETTINGS.maxWaitMs / 1000,
			parallelItems: DEFAULT_PARALLEL_ITEMS,
		});
	});

	const enrollmentCreate = {
		method: 'POST',
		path: '/v1/x',
		idempotentPost: 'enrolled_at',
	} as unknown as SkilljarOperation;

	test('an enrollment create without enrolled_at gets one now, so a resend is identical', () => {
		const before = Date.now();
		const request = withIdempotency(enrollmentCreate, {
			method: 'POST',
			path: '/v1/x',
			body: { user: { id: 'u1' } },
		});
		expect(request.idempotentPost).toBe(true);
		const enrolledAt = Date.parse(String((request.body as { enrolled_at: string }).enrolled_at));
		expect(enrolledAt).toBeGreaterThanOrEqual(before - 1);
		expect(enrolledAt).toBeLessThanOrEqual(Date.now());
		const given = withIdempotency(enrollmentCreate, {
			method: 'POST',
			path: '/v1/x',
			body: { enrolled_at: '2026-01-01T00:00:00Z' },
		});
		expect((given.body as { enrolled_at: string }).enrolled_at).toBe('2026-01-01T00:00:00Z');
	});

	test('other POSTs stay non-repeatable', () => {
		const plain = { method: 'POST', path: '/v1/courses' } as unknown as SkilljarOperation;
		expect(
			withIdempotency(plain, { method: 'POST', path: '/v1/courses', body: {} }).idempotentPost,
		).toBeUndefined();
	});
});
