import net from 'node:net';

import type { IDataObject } from 'n8n-workflow';

import type { FaultRule } from '../sandbox/faults';
import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import {
	errorText,
	FaultMatrix,
	runScenario,
	startStrayListener,
	transportOptions,
	type Outcome,
	type ScenarioOptions,
	type StrayListener,
} from './harness/faults';
import { startTestSandbox } from './harness/sandbox';

/**
 * The fault matrix: every scenario runs a node through n8n-core against the sandbox with a
 * fault switched on and checks what a user would notice: items in vs items out, writes the
 * sandbox received, whether the key reached a foreign host, and the time it cost. The measured
 * matrix is written to test-output/fault-matrix.md.
 */

const domainName = DEMO.domainName;
const domainUsersPath = `/v1/domains/${domainName}/users`;
const enrollmentsPath = `/v1/domains/${domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;
const enrollmentTemplate =
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}';
/** Domain users after the suite's setup: three full pages of 1000. */
const LIST_TOTAL = 3000;
const REDIRECT_CODES = [301, 302, 303, 307, 308] as const;

const matrix = new FaultMatrix();
let sandbox: Sandbox;
let stray: StrayListener;

beforeAll(async () => {
	sandbox = await startTestSandbox();
	stray = await startStrayListener();
	const existing = sandbox.list(domainUsersPath).length;
	sandbox.insertMany(
		domainUsersPath,
		Array.from({ length: LIST_TOTAL - existing }, (_, index) => ({
			user: {
				id: `flt${String(index).padStart(10, '0')}`,
				email: `fault${index}@example.com`,
				first_name: 'Fault',
				last_name: String(index),
			},
			active: true,
		})),
	);
});

afterAll(async () => {
	matrix.write();
	await stray.close();
	await sandbox.close();
});

type Run = Omit<ScenarioOptions, 'sandbox'>;

const scenario = (run: Run) => runScenario({ sandbox, stray, ...run });

const getEnrollment = (extra: IDataObject = {}): Run => ({
	type: 'skilljarDomain',
	parameters: {
		resource: 'enrollment',
		operation: 'get',
		domainName,
		publishedCourseId: DEMO.publishedCourseId,
		enrollmentId: DEMO.enrollmentIds[0],
		...extra,
	},
	continueOnFail: true,
});

const createGroup = (name: string, extra: IDataObject = {}): Run => ({
	type: 'skilljarGroup',
	parameters: { resource: 'group', operation: 'create', name, ...extra },
	continueOnFail: true,
});

const createEnrollment = (userId: string, enrolledAt?: string): Run => ({
	type: 'skilljarDomain',
	parameters: {
		resource: 'enrollment',
		operation: 'create',
		domainName,
		publishedCourseId: DEMO.publishedCourseId,
		userId,
		...(enrolledAt ? { additionalFields: { enrolledAt } } : {}),
	},
	continueOnFail: true,
});

const listDomainUsers: Run = {
	type: 'skilljarDomain',
	parameters: { resource: 'domainUser', operation: 'getAll', domainName, returnAll: true },
	continueOnFail: true,
};

const listUsers: Run = {
	type: 'skilljarUser',
	parameters: { resource: 'user', operation: 'getAll', returnAll: true },
	continueOnFail: true,
};

const groupsNamed = (name: string) => sandbox.list('/v1/groups').filter((g) => g.name === name);
const enrollmentsOf = (userId: string) =>
	sandbox.list(enrollmentsPath).filter((e) => (e.user as IDataObject | undefined)?.id === userId);
const uniqueUserIds = (items: IDataObject[]) =>
	new Set(items.map((item) => (item.user as IDataObject | undefined)?.id)).size;
const gets = (outcome: Outcome) => outcome.requests.filter((r) => r.method === 'GET').length;

const fault = (rule: Partial<FaultRule> & Pick<FaultRule, 'fault'>): FaultRule => ({
	path: enrollmentTemplate,
	method: 'GET',
	...rule,
});
/** The answer of a list request (page `query`, or every page) with its `next` link replaced. */
const nextLinkTo = (next: string, path: string, query?: Record<string, string>): FaultRule => ({
	method: 'GET',
	path,
	...(query ? { query } : {}),
	fault: { kind: 'rewrite', set: { next } },
});
const onPage = (
	page: number,
	faultSpec: FaultRule['fault'],
	path = domainUsersPath,
): FaultRule => ({
	method: 'GET',
	path,
	query: { page: String(page) },
	fault: faultSpec,
});

/** A node that succeeded with exactly the one seeded enrollment. */
function expectEnrollment(outcome: Outcome): void {
	expect(outcome.errors).toEqual([]);
	expect(outcome.ok).toHaveLength(1);
	expect(outcome.ok[0].id).toBe(DEMO.enrollmentIds[0]);
}

/** The whole list came back: every record once, nothing else. */
function expectFullList(outcome: Outcome): void {
	expect(outcome.errors).toEqual([]);
	expect(outcome.ok).toHaveLength(LIST_TOTAL);
	expect(uniqueUserIds(outcome.ok)).toBe(LIST_TOTAL);
}

/** One input item, one error item, nothing that looks like success. */
function expectOneError(outcome: Outcome): void {
	expect(outcome.ok).toEqual([]);
	expect(outcome.errors).toHaveLength(1);
}

/** Sending to the foreign origin was refused: one error naming it, no request and no key there. */
function expectRefusedForeign(outcome: Outcome): void {
	expectOneError(outcome);
	expect(errorText(outcome)).toContain(stray.origin);
	expect(outcome.strayRequests).toBe(0);
	expect(outcome.keyAtStray).toBe(false);
}

describe('redirects never take the key to another origin', () => {
	test.each(REDIRECT_CODES)('GET answered %i to a foreign origin', async (status) => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [
				fault({ fault: { kind: 'redirect', status, location: `${stray.origin}/v1/enrollments` } }),
			],
		});
		const row = matrix.row(
			`GET → ${status} to foreign origin`,
			'error naming the origin, 0 requests there',
			outcome,
		);
		expectRefusedForeign(outcome);
		row.passed = true;
	});

	test.each(REDIRECT_CODES)('create POST answered %i to a foreign origin', async (status) => {
		const name = `Redirected group ${status}`;
		const outcome = await scenario({
			...createGroup(name),
			faults: [
				{
					method: 'POST',
					path: '/v1/groups',
					fault: { kind: 'redirect', status, location: `${stray.origin}/v1/groups` },
				},
			],
		});
		const row = matrix.row(
			`POST → ${status} to foreign origin`,
			'error naming the origin, body and key stay home',
			outcome,
		);
		expectRefusedForeign(outcome);
		expect(outcome.posts).toBe(1);
		expect(groupsNamed(name)).toHaveLength(0);
		row.passed = true;
	});

	test('a same-origin page answering a redirect to a foreign origin', async () => {
		const outcome = await scenario({
			...listDomainUsers,
			faults: [
				onPage(2, {
					kind: 'redirect',
					status: 302,
					location: `${stray.origin}${domainUsersPath}?page=2&page_size=1000`,
				}),
			],
		});
		const row = matrix.row(
			'Return All, page 2 → 302 to foreign origin',
			'error, 0 requests there',
			outcome,
		);
		expectRefusedForeign(outcome);
		row.passed = true;
	});

	test('GET redirected within the same origin: followed correctly or refused, never foreign', async () => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [
				fault({
					fault: {
						kind: 'redirect',
						status: 302,
						location: `${enrollmentsPath}/${DEMO.enrollmentIds[0]}`,
					},
				}),
			],
		});
		const row = matrix.row('GET → 302 same origin', 'followed (same record) or error', outcome);
		expect(outcome.ok.length + outcome.errors.length).toBe(1);
		if (outcome.ok.length) expectEnrollment(outcome);
		expect(outcome.strayRequests).toBe(0);
		expect(gets(outcome)).toBeLessThanOrEqual(2);
		row.passed = true;
	});

	test('create POST redirected 307 within the same origin creates at most once', async () => {
		const name = 'Same-origin redirected group';
		const outcome = await scenario({
			...createGroup(name),
			faults: [
				{
					method: 'POST',
					path: '/v1/groups',
					fault: { kind: 'redirect', status: 307, location: '/v1/groups' },
				},
			],
		});
		const row = matrix.row(
			'POST → 307 same origin',
			'created once (followed) or error, never twice',
			outcome,
		);
		expect(outcome.ok.length + outcome.errors.length).toBe(1);
		expect(groupsNamed(name)).toHaveLength(outcome.ok.length);
		if (outcome.ok.length) expect(outcome.ok[0].name).toBe(name);
		row.passed = true;
	});
});

describe('a throttled or failed read costs time, not data', () => {
	test('429 with Retry-After: 1 on a single GET waits about a second, then succeeds', async () => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ fault: { kind: 'status', status: 429, retryAfter: 1 } })],
		});
		const row = matrix.row('GET → 429 Retry-After 1', 'ok after ≥1 s', outcome);
		expectEnrollment(outcome);
		expect(gets(outcome)).toBe(2);
		expect(outcome.ms).toBeGreaterThanOrEqual(950);
		expect(outcome.ms).toBeLessThan(4000);
		row.passed = true;
	});

	test('429 with Retry-After as an HTTP date on a single GET', async () => {
		const retryAt = new Date(Date.now() + 2000).toUTCString();
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ fault: { kind: 'status', status: 429, retryAfter: retryAt } })],
		});
		const row = matrix.row('GET → 429 Retry-After HTTP date (+2 s)', 'ok after the date', outcome);
		expectEnrollment(outcome);
		expect(gets(outcome)).toBe(2);
		// HTTP dates have whole seconds: the date is 1–2 s ahead when the run starts.
		expect(outcome.ms).toBeGreaterThanOrEqual(900);
		expect(outcome.ms).toBeLessThan(5000);
		row.passed = true;
	});

	test('429 asking for longer than Max Wait fails soon and says when to retry', async () => {
		const outcome = await scenario({
			...getEnrollment(transportOptions({ maxWaitSeconds: 2 })),
			faults: [
				fault({ times: Infinity, fault: { kind: 'status', status: 429, retryAfter: 3600 } }),
			],
		});
		const row = matrix.row(
			'GET → 429 Retry-After 3600, Max Wait 2 s',
			'error saying when to retry, ≤ Max Wait',
			outcome,
		);
		expectOneError(outcome);
		expect(outcome.errors[0].httpCode).toBe('429');
		expect(errorText(outcome)).toMatch(/retry|try again/i);
		expect(outcome.ms).toBeLessThan(4000);
		row.passed = true;
	});

	test.each([502, 503, 504])('one %i on a single GET is retried', async (status) => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ fault: { kind: 'status', status } })],
		});
		const row = matrix.row(`GET → ${status} once`, 'ok after a retry', outcome);
		expectEnrollment(outcome);
		expect(gets(outcome)).toBe(2);
		expect(outcome.ms).toBeLessThan(4000);
		row.passed = true;
	});

	test('a dropped connection on a single GET is retried', async () => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ fault: { kind: 'drop' } })],
		});
		const row = matrix.row('GET → connection reset once', 'ok after a retry', outcome);
		expectEnrollment(outcome);
		expect(gets(outcome)).toBe(2);
		expect(outcome.ms).toBeLessThan(4000);
		row.passed = true;
	});

	test('a GET that keeps failing with 503 gives up after 3 tries with an error item carrying httpCode', async () => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ times: Infinity, fault: { kind: 'status', status: 503 } })],
		});
		const row = matrix.row(
			'GET → 503 every time',
			'error item (httpCode 503) after 3 tries',
			outcome,
		);
		expectOneError(outcome);
		expect(outcome.errors[0].httpCode).toBe('503');
		expect(gets(outcome)).toBe(3);
		expect(outcome.ms).toBeLessThan(10000);
		row.passed = true;
	});

	test.each([
		['429 Retry-After 1', { kind: 'status', status: 429, retryAfter: 1 }],
		['503', { kind: 'status', status: 503 }],
		['connection reset', { kind: 'drop' }],
	] as const)('%s on page 2 of Return All: every item once', async (label, spec) => {
		const outcome = await scenario({ ...listDomainUsers, faults: [onPage(2, spec)] });
		const row = matrix.row(
			`Return All (3 pages), page 2 → ${label}`,
			`${LIST_TOTAL} items, no duplicates`,
			outcome,
		);
		expectFullList(outcome);
		expect(gets(outcome)).toBe(4);
		expect(outcome.ms).toBeLessThan(6000);
		if (spec.kind === 'status' && spec.status === 429) {
			expect(outcome.ms).toBeGreaterThanOrEqual(950);
		}
		row.passed = true;
	});

	test('a sandbox enforcing 5 requests / 2 s: 12 reads all succeed, in input order', async () => {
		const ids = [...DEMO.enrollmentIds, DEMO.enrollmentIds[0], DEMO.enrollmentIds[1]];
		const outcome = await scenario({
			...getEnrollment({ enrollmentId: '={{ $json.id }}' }),
			items: ids.map((id) => ({ id })),
			beforeRun: (s) => s.faults.setRateLimits([{ requests: 5, windowSeconds: 2 }]),
		});
		const row = matrix.row(
			'12 GET items, sandbox limit 5 / 2 s',
			'all ok, in order, none lost',
			outcome,
		);
		expect(outcome.requests.filter((r) => r.fault === 'rate-limit').length).toBeGreaterThan(0);
		expect(outcome.errors).toEqual([]);
		expect(outcome.ok.map((item) => item.id)).toEqual(ids);
		expect(outcome.result.items.map((item) => item.pairedItem)).toEqual(
			ids.map((_, item) => ({ item })),
		);
		expect(outcome.ms).toBeLessThan(12000);
		row.passed = true;
	});
});

describe('hangs end at the Timeout option', () => {
	test('a GET that hangs once is retried after the timeout', async () => {
		const outcome = await scenario({
			...getEnrollment(transportOptions({ timeoutSeconds: 1 })),
			faults: [fault({ fault: { kind: 'hang' } })],
			boundMs: 8000,
		});
		const row = matrix.row('GET hangs once, Timeout 1 s', 'ok after ≥1 s', outcome);
		expect(outcome.cutAtBound).toBe(false);
		expectEnrollment(outcome);
		expect(outcome.ms).toBeGreaterThanOrEqual(950);
		expect(outcome.ms).toBeLessThan(5000);
		row.passed = true;
	});

	test('a GET that always hangs fails with an error naming the endpoint', async () => {
		const outcome = await scenario({
			...getEnrollment(transportOptions({ timeoutSeconds: 1 })),
			faults: [fault({ times: Infinity, fault: { kind: 'hang' } })],
			boundMs: 12000,
		});
		const row = matrix.row(
			'GET always hangs, Timeout 1 s',
			'error naming the endpoint, ≤ 3 tries',
			outcome,
		);
		expect(outcome.cutAtBound).toBe(false);
		expectOneError(outcome);
		expect(errorText(outcome)).toContain(`/enrollments/${DEMO.enrollmentIds[0]}`);
		expect(gets(outcome)).toBeLessThanOrEqual(3);
		expect(outcome.ms).toBeLessThan(10000);
		row.passed = true;
	});

	test('a create POST that hangs fails once at the timeout, not retried', async () => {
		const name = 'Hung group';
		const outcome = await scenario({
			...createGroup(name, transportOptions({ timeoutSeconds: 1 })),
			faults: [{ method: 'POST', path: '/v1/groups', fault: { kind: 'hang' } }],
			boundMs: 8000,
		});
		const row = matrix.row(
			'create POST hangs, Timeout 1 s',
			'error naming the endpoint, 1 POST',
			outcome,
		);
		expect(outcome.cutAtBound).toBe(false);
		expectOneError(outcome);
		expect(errorText(outcome)).toContain('/v1/groups');
		expect(outcome.posts).toBe(1);
		expect(outcome.ms).toBeLessThan(4000);
		row.passed = true;
	});
});

describe('writes are never sent twice unless Skilljar documents them as idempotent', () => {
	test('429 Retry-After: 1 on a create is retried (a throttled request was not processed)', async () => {
		const name = 'Throttled group';
		const outcome = await scenario({
			...createGroup(name),
			faults: [
				{
					method: 'POST',
					path: '/v1/groups',
					fault: { kind: 'status', status: 429, retryAfter: 1 },
				},
			],
		});
		const row = matrix.row(
			'create POST → 429 Retry-After 1',
			'created once after ≥1 s, 2 POSTs',
			outcome,
		);
		expect(outcome.errors).toEqual([]);
		expect(outcome.ok).toHaveLength(1);
		expect(outcome.posts).toBe(2);
		expect(groupsNamed(name)).toHaveLength(1);
		expect(outcome.ms).toBeGreaterThanOrEqual(950);
		row.passed = true;
	});

	test.each([
		['503', { kind: 'status', status: 503 }, 0],
		['connection reset before processing', { kind: 'drop' }, 0],
		['connection reset after processing', { kind: 'drop', afterHandling: true }, 1],
	] as const)('a create answered with %s fails once, not retried', async (label, spec, created) => {
		const name = `Group with ${label}`;
		const outcome = await scenario({
			...createGroup(name),
			faults: [{ method: 'POST', path: '/v1/groups', fault: spec }],
		});
		const row = matrix.row(`create POST → ${label}`, `error, 1 POST, ${created} created`, outcome);
		expectOneError(outcome);
		expect(outcome.posts).toBe(1);
		expect(groupsNamed(name)).toHaveLength(created);
		if (spec.kind === 'status') expect(outcome.errors[0].httpCode).toBe('503');
		row.passed = true;
	});

	test('a create POST whose connection is refused is sent again once the host answers: created once', async () => {
		const name = 'Group after a refused connection';
		const port = await freePort();
		// Nothing listens on the port for the first 300 ms; then it forwards to the sandbox. The
		// transport's backoff (≥250 ms, then ≥500 ms) reaches it by the third try at the latest.
		let forwarder: net.Server | undefined;
		const opening = new Promise<void>((resolve) => {
			setTimeout(() => {
				forwarder = net.createServer((client) => {
					const upstream = net.connect(Number(new URL(sandbox.url).port), '127.0.0.1');
					client.pipe(upstream).pipe(client);
					const close = () => (client.destroy(), upstream.destroy());
					client.on('error', close);
					upstream.on('error', close);
				});
				forwarder.listen(port, '127.0.0.1', () => resolve());
			}, 300);
		});
		try {
			const outcome = await scenario({
				...createGroup(name),
				credentials: { apiKey: sandbox.apiKey, baseUrl: `http://127.0.0.1:${port}` },
			});
			const row = matrix.row(
				'create POST → connection refused, then up',
				'created once, 1 POST',
				outcome,
			);
			expect(outcome.errors).toEqual([]);
			expect(outcome.ok).toHaveLength(1);
			expect(outcome.posts).toBe(1);
			expect(groupsNamed(name)).toHaveLength(1);
			row.passed = true;
		} finally {
			await opening;
			await new Promise((resolve) => forwarder?.close(resolve));
		}
	});

	test('a create POST whose connection stays refused fails after 3 tries, naming the host', async () => {
		const port = await freePort();
		const outcome = await scenario({
			...createGroup('Group never sent'),
			credentials: { apiKey: sandbox.apiKey, baseUrl: `http://127.0.0.1:${port}` },
		});
		const row = matrix.row(
			'create POST → connection always refused',
			'error after 3 tries',
			outcome,
		);
		expectOneError(outcome);
		expect(outcome.errors[0].error).toBe(
			`Could not reach 127.0.0.1:${port}: the connection was refused`,
		);
		expect(outcome.errors[0].description).toBe('Tried 3 times.');
		expect(outcome.posts).toBe(0);
		row.passed = true;
	});

	test('503 on an update (PATCH) is retried', async () => {
		const outcome = await scenario({
			type: 'skilljarGroup',
			parameters: {
				resource: 'group',
				operation: 'update',
				groupId: DEMO.groupIds[1],
				updateFields: { name: 'Renamed after a 503' },
			},
			continueOnFail: true,
			faults: [
				{ method: 'PATCH', path: '/v1/groups/{group_id}', fault: { kind: 'status', status: 503 } },
			],
		});
		const row = matrix.row('update PATCH → 503 once', 'ok after a retry', outcome);
		expect(outcome.errors).toEqual([]);
		expect(outcome.ok[0]?.name).toBe('Renamed after a 503');
		expect(outcome.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2);
		row.passed = true;
	});

	test.each([
		['503', { kind: 'status', status: 503 }, DEMO.userIds[15]],
		['connection reset after processing', { kind: 'drop', afterHandling: true }, DEMO.userIds[16]],
	] as const)(
		'an enrollment create with enrolled_at (idempotent) is retried after %s, enrolled once',
		async (label, spec, userId) => {
			const outcome = await scenario({
				...createEnrollment(userId, '2026-02-01T10:00:00Z'),
				faults: [{ method: 'POST', path: enrollmentsPath, fault: spec }],
			});
			const row = matrix.row(
				`enrollment create (enrolled_at) → ${label}`,
				'ok, 2 POSTs, 1 enrollment',
				outcome,
			);
			expect(outcome.errors).toEqual([]);
			expect(outcome.ok).toHaveLength(1);
			expect(outcome.posts).toBe(2);
			expect(enrollmentsOf(userId)).toHaveLength(1);
			expect(outcome.ok[0].id).toBe(enrollmentsOf(userId)[0].id);
			row.passed = true;
		},
	);

	test('an enrollment create without enrolled_at whose answer is lost is not duplicated', async () => {
		const userId = DEMO.userIds[17];
		const outcome = await scenario({
			...createEnrollment(userId),
			faults: [
				{ method: 'POST', path: enrollmentsPath, fault: { kind: 'drop', afterHandling: true } },
			],
		});
		const row = matrix.row(
			'enrollment create (no enrolled_at) → reset after processing',
			'exactly 1 enrollment',
			outcome,
		);
		expect(outcome.ok.length + outcome.errors.length).toBe(1);
		expect(enrollmentsOf(userId)).toHaveLength(1);
		if (outcome.ok.length) expect(outcome.ok[0].id).toBe(enrollmentsOf(userId)[0].id);
		else expect(outcome.posts).toBe(1);
		row.passed = true;
	});

	test('adding an email to a domain (idempotent) is retried after a 503', async () => {
		// The partner domain, so the 3000-user list of the other scenarios stays as it is.
		const email = 'retried.member@example.com';
		const partnerUsersPath = `/v1/domains/${DEMO.partnerDomainName}/users`;
		const outcome = await scenario({
			type: 'skilljarDomain',
			parameters: {
				resource: 'domainUser',
				operation: 'create',
				domainName: DEMO.partnerDomainName,
				userEmail: email,
			},
			continueOnFail: true,
			faults: [{ method: 'POST', path: partnerUsersPath, fault: { kind: 'status', status: 503 } }],
		});
		const row = matrix.row('domain user create → 503 once', 'ok, 2 POSTs, 1 member', outcome);
		expect(outcome.errors).toEqual([]);
		expect(outcome.posts).toBe(2);
		expect(
			sandbox.list(partnerUsersPath).filter((m) => (m.user as IDataObject).email === email),
		).toHaveLength(1);
		row.passed = true;
	});
});

describe('broken 2xx answers are errors, never success', () => {
	test.each([
		['malformed JSON', '{"id": "enr'],
		['an empty body', ''],
		['null', 'null'],
	])('a GET answered 200 with %s', async (label, text) => {
		const outcome = await scenario({
			...getEnrollment(),
			faults: [fault({ fault: { kind: 'body', status: 200, text } })],
		});
		const row = matrix.row(`GET → 200 with ${label}`, 'error item', outcome);
		expectOneError(outcome);
		row.passed = true;
	});

	test.each([
		['an empty body', ''],
		['null', 'null'],
		['malformed JSON', '{"id": "grp'],
	])('a create answered 201 with %s', async (label, text) => {
		const name = `Group answered with ${label}`;
		const outcome = await scenario({
			...createGroup(name),
			faults: [{ method: 'POST', path: '/v1/groups', fault: { kind: 'body', text } }],
		});
		const row = matrix.row(`create POST → 201 with ${label}`, 'error item, 1 POST', outcome);
		expectOneError(outcome);
		expect(outcome.posts).toBe(1);
		expect(groupsNamed(name)).toHaveLength(1);
		row.passed = true;
	});

	test('a list page answered 200 with malformed JSON', async () => {
		const outcome = await scenario({
			...listDomainUsers,
			faults: [onPage(2, { kind: 'body', status: 200, text: '{"count": 3000, "results": [' })],
		});
		const row = matrix.row(
			'Return All, page 2 → malformed JSON',
			'error item, no partial list',
			outcome,
		);
		expectOneError(outcome);
		row.passed = true;
	});

	test('a DELETE answered 204 with no body is a success (documented empty answer)', async () => {
		const pool = sandbox.insert('/v1/promo-code-pools', { name: 'Pool to delete' });
		const outcome = await scenario({
			type: 'skilljarPromoCodePool',
			parameters: {
				resource: 'promoCodePool',
				operation: 'delete',
				promoCodePoolId: String(pool.id),
			},
			continueOnFail: true,
		});
		const row = matrix.row('DELETE → 204 empty (control)', 'ok', outcome);
		expect(outcome.errors).toEqual([]);
		expect(outcome.ok).toHaveLength(1);
		expect(sandbox.list('/v1/promo-code-pools').some((p) => p.id === pool.id)).toBe(false);
		row.passed = true;
	});
});

describe('short lists and stray next links', () => {
	test.each([
		['page 2 empty', onPage(2, { kind: 'rewrite', set: { results: [] } })],
		['page 3 empty', onPage(3, { kind: 'rewrite', set: { results: [] } })],
		['count says 3500', onPage(1, { kind: 'rewrite', set: { count: 3500 } })],
	])('Return All where %s is an error saying expected vs received', async (label, rule) => {
		// Page 1 carries no `page` parameter; match it by its page_size instead.
		const fixed = label.startsWith('count') ? { ...rule, query: { page_size: '1000' } } : rule;
		const outcome = await scenario({ ...listDomainUsers, faults: [fixed] });
		const row = matrix.row(
			`Return All, ${label}`,
			'error naming expected and received counts',
			outcome,
		);
		expectOneError(outcome);
		expect(errorText(outcome)).toMatch(/3,?[05]00/);
		row.passed = true;
	});

	test('Return All where page 2 says next: null early: all items or an error, never a short success', async () => {
		const outcome = await scenario({
			...listDomainUsers,
			faults: [onPage(2, { kind: 'rewrite', set: { next: null } })],
		});
		const row = matrix.row(
			'Return All, page 2 next: null early',
			`${LIST_TOTAL} items or error`,
			outcome,
		);
		if (outcome.ok.length) expectFullList(outcome);
		else {
			expectOneError(outcome);
			expect(errorText(outcome)).toMatch(/3,?000/);
		}
		row.passed = true;
	});

	test('a cursor list whose next link points at another path is refused', async () => {
		const outcome = await scenario({
			...listUsers,
			faults: [nextLinkTo('{origin}/v1/groups?page=2', '/v1/users')],
		});
		const row = matrix.row(
			'Return All /v1/users, next → /v1/groups',
			'error, /v1/groups never called',
			outcome,
		);
		expectOneError(outcome);
		expect(outcome.requests.some((r) => r.path === '/v1/groups')).toBe(false);
		row.passed = true;
	});

	test('a page-number list whose next link points at another path never merges that path', async () => {
		const outcome = await scenario({
			...listDomainUsers,
			faults: [nextLinkTo('{origin}/v1/groups?page=2', domainUsersPath, { page_size: '1000' })],
		});
		const row = matrix.row(
			'Return All domain users, next → /v1/groups',
			`error or exactly ${LIST_TOTAL}, /v1/groups never called`,
			outcome,
		);
		expect(outcome.requests.some((r) => r.path === '/v1/groups')).toBe(false);
		if (outcome.ok.length) expectFullList(outcome);
		else expectOneError(outcome);
		row.passed = true;
	});

	test('a next link to a foreign host is refused and the key stays home', async () => {
		const outcome = await scenario({
			...listUsers,
			faults: [nextLinkTo(`${stray.origin}/v1/users?cursor=abc`, '/v1/users')],
		});
		const row = matrix.row(
			'Return All /v1/users, next → foreign host',
			'error, 0 requests there',
			outcome,
		);
		expectOneError(outcome);
		expect(outcome.strayRequests).toBe(0);
		expect(outcome.keyAtStray).toBe(false);
		row.passed = true;
	});
});

describe('credential Base URL variants', () => {
	const listCourses: Run = {
		type: 'skilljarCourse',
		parameters: { resource: 'course', operation: 'getAll', returnAll: false, limit: 3 },
		continueOnFail: true,
	};

	test.each(['/', '/v1', '/v1/'])(
		'Base URL ending in %j is normalised or refused before sending',
		async (suffix) => {
			const outcome = await scenario({
				...listCourses,
				credentials: { apiKey: sandbox.apiKey, baseUrl: `${sandbox.url}${suffix}` },
			});
			const row = matrix.row(
				`Base URL + "${suffix}"`,
				'courses listed (normalised) or a credential error',
				outcome,
			);
			expect(outcome.requests.some((r) => r.path.startsWith('/v1/v1'))).toBe(false);
			if (outcome.ok.length) {
				expect(outcome.ok).toHaveLength(3);
				expect(outcome.requests.map((r) => r.path)).toEqual(['/v1/courses']);
			} else {
				expectOneError(outcome);
				expect(errorText(outcome)).toMatch(/Base URL/);
				expect(outcome.requests).toHaveLength(0);
			}
			row.passed = true;
		},
	);

	test.each([
		['a query', (url: string) => `${url}?region=eu`],
		['a fragment', (url: string) => `${url}#api`],
		['user-info', (url: string) => url.replace('http://', 'http://admin:hunter2@')],
	])('Base URL with %s is refused before sending', async (label, variant) => {
		const outcome = await scenario({
			...listCourses,
			credentials: { apiKey: sandbox.apiKey, baseUrl: variant(sandbox.url) },
		});
		const row = matrix.row(`Base URL with ${label}`, 'credential error, 0 requests', outcome);
		expectOneError(outcome);
		expect(errorText(outcome)).toMatch(/Base URL/);
		expect(errorText(outcome)).not.toContain('hunter2');
		expect(outcome.requests).toHaveLength(0);
		row.passed = true;
	});
});

describe('Continue On Fail', () => {
	test('error items carry httpCode and description, paired to their input', async () => {
		const ids = [DEMO.enrollmentIds[0], 'doesnotexist1', DEMO.enrollmentIds[1]];
		const outcome = await scenario({
			...getEnrollment({ enrollmentId: '={{ $json.id }}' }),
			items: ids.map((id) => ({ id })),
		});
		const row = matrix.row(
			'3 GET items, middle one 404',
			'3 items out, error item with httpCode 404',
			outcome,
		);
		const json = outcome.result.items.map((item) => item.json);
		expect(outcome.result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(json[0].id).toBe(ids[0]);
		expect(json[2].id).toBe(ids[2]);
		expect(json[1].error).toBe('Skilljar found no such record or endpoint: Not found.');
		expect(json[1].httpCode).toBe('404');
		expect(typeof json[1].description).toBe('string');
		expect(JSON.stringify(outcome.result.run.data)).not.toContain(sandbox.apiKey);
		row.passed = true;
	});
});

/** A port nothing listens on right now (bound once by the OS, then released). */
async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as net.AddressInfo;
	await new Promise((resolve) => server.close(resolve));
	return port;
}
