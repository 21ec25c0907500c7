import http from 'node:http';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { closeServer, listenOnLoopback } from './harness/loopback';
import { runNode } from './harness/run-node';
import { credentialsFor, startTestSandbox } from './harness/sandbox';

/**
 * The transport's own behaviour under faults, through real n8n-core against the sandbox's fault
 * switches (the full scenario matrix is test/fault-matrix.test.ts).
 */

const domainUsersPath = `/v1/domains/${DEMO.domainName}/users`;
const enrollmentsPath = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;

interface Stray {
	url: string;
	hits: Array<{ method: string; authorization?: string }>;
	close(): Promise<void>;
}

async function startStray(): Promise<Stray> {
	const hits: Stray['hits'] = [];
	const server = http.createServer((req, res) => {
		hits.push({ method: req.method ?? '', authorization: req.headers.authorization });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{"stolen": true, "results": [], "count": 0}');
	});
	return { url: await listenOnLoopback(server), hits, close: () => closeServer(server) };
}

describe('transport under faults (real n8n-core, sandbox over HTTP)', () => {
	let sandbox: Sandbox;
	let stray: Stray;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		stray = await startStray();
		sandbox.insertMany(
			domainUsersPath,
			Array.from({ length: 2600 }, (_, i) => ({
				user: { id: `bulk${String(i).padStart(8, '0')}`, email: `bulk${i}@example.com` },
			})),
		);
	});
	afterAll(async () => {
		await sandbox.close();
		await stray.close();
	});
	beforeEach(() => {
		sandbox.clearRequests();
		sandbox.faults.clear();
		stray.hits.length = 0;
	});

	const run = async (
		type: string,
		parameters: INodeParameters,
		options: { items?: IDataObject[]; continueOnFail?: boolean; baseUrl?: string } = {},
	) =>
		await runNode({
			type,
			parameters,
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: { ...credentialsFor(sandbox), baseUrl: options.baseUrl ?? sandbox.url },
		});
	const listCourses = { resource: 'course', operation: 'getAll', returnAll: true };
	const createCourse = {
		resource: 'course',
		operation: 'create',
		title: 'Fault course',
		shortDescription: 'x',
		enforceSequentialNavigation: false,
	};
	const listDomainUsers = {
		resource: 'domainUser',
		operation: 'getAll',
		domainName: DEMO.domainName,
		returnAll: true,
	};
	const posts = (path: string) =>
		sandbox.requests.filter((request) => request.method === 'POST' && request.path === path);

	describe('redirects never carry the key away', () => {
		test.each([301, 302, 303, 307, 308] as const)(
			'a %i to another origin fails naming it, and nothing reaches it',
			async (status) => {
				sandbox.faults.add({
					method: 'GET',
					path: '/v1/courses',
					fault: { kind: 'redirect', status, location: `${stray.url}/v1/courses` },
				});
				const result = await run('skilljarCourse', listCourses);
				expect(result.error?.message).toBe(
					`Refused to follow a redirect to ${stray.url}: it is not the credential's Base URL`,
				);
				expect(stray.hits).toHaveLength(0);
			},
		);

		test('a POST answered 307 to another origin is not re-sent there', async () => {
			sandbox.faults.add({
				method: 'POST',
				path: '/v1/courses',
				fault: { kind: 'redirect', status: 307, location: `${stray.url}/v1/courses` },
			});
			const result = await run('skilljarCourse', createCourse);
			expect(result.error?.message).toMatch(
				/Refused to follow a redirect to http:\/\/127\.0\.0\.1/,
			);
			expect(stray.hits).toHaveLength(0);
			expect(posts('/v1/courses')).toHaveLength(1);
		});

		test('a redirect that stays under the Base URL is followed', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: '/v1/courses',
				query: { moved: '1' },
				fault: { kind: 'redirect', status: 302, location: '/v1/courses' },
			});
			const result = await run('skilljarCourse', {
				...listCourses,
				returnAll: false,
				limit: 2,
				// an unknown query parameter routes the first request into the redirect rule
				filters: {},
			});
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
		});

		test('a next link to another path of the same origin is refused', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: '/v1/courses',
				fault: { kind: 'rewrite', set: { next: '{origin}/v1/users?page=2', count: 99 } },
			});
			const result = await run('skilljarCourse', listCourses);
			expect(result.error?.message).toBe(
				'Refused to follow a next-page link to /v1/users: it leaves the list /v1/courses',
			);
			expect(sandbox.requests.map((request) => request.path)).toEqual(['/v1/courses']);
		});
	});

	describe('retries cost time, not data, and never duplicate a write', () => {
		test('a 429 with Retry-After: 1 on page 2 of a list waits and returns every item', async () => {
			const total = sandbox.list(domainUsersPath).length;
			sandbox.faults.add({
				method: 'GET',
				path: domainUsersPath,
				query: { page: '2' },
				fault: { kind: 'status', status: 429, retryAfter: 1 },
			});
			const started = Date.now();
			const result = await run('skilljarDomain', listDomainUsers);
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(total);
			expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
			expect(sandbox.requests.filter((request) => request.status === 429)).toHaveLength(1);
		});

		test.each([
			['a 503', { kind: 'status', status: 503 }],
			['a dropped connection', { kind: 'drop' }],
			['a 504', { kind: 'status', status: 504 }],
		] as const)('%s on a GET is retried', async (_name, fault) => {
			sandbox.faults.add({ method: 'GET', path: '/v1/courses', fault });
			const result = await run('skilljarCourse', listCourses);
			expect(result.error).toBeUndefined();
			expect(result.items.length).toBeGreaterThan(0);
			expect(sandbox.requests.filter((request) => request.path === '/v1/courses')).toHaveLength(2);
		});

		test('a 503 on a plain POST is not resent: one POST, one clear error', async () => {
			sandbox.faults.add({
				method: 'POST',
				path: '/v1/courses',
				fault: { kind: 'status', status: 503 },
			});
			const result = await run('skilljarCourse', createCourse);
			expect(result.error?.httpCode).toBe('503');
			expect(result.error?.description).toMatch(
				/not retried: Skilljar may have processed this POST/,
			);
			expect(posts('/v1/courses')).toHaveLength(1);
		});

		test('a connection dropped after an enrollment was created is resent with the same enrolled_at: one enrollment', async () => {
			const before = sandbox.list(enrollmentsPath).length;
			sandbox.faults.add({
				method: 'POST',
				path: enrollmentsPath,
				fault: { kind: 'drop', afterHandling: true },
			});
			const result = await run('skilljarDomain', {
				resource: 'enrollment',
				operation: 'create',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				userId: DEMO.userIds[20],
			});
			expect(result.error).toBeUndefined();
			const sent = posts(enrollmentsPath);
			expect(sent).toHaveLength(2);
			expect((sent[0].body as IDataObject).enrolled_at).toBe(
				(sent[1].body as IDataObject).enrolled_at,
			);
			expect(sandbox.list(enrollmentsPath).length).toBe(before + 1);
		});

		test('a GET that hangs times out after the Timeout option, is tried 3 times and names the endpoint', async () => {
			sandbox.faults.add({ method: 'GET', path: '/v1/courses', times: 3, fault: { kind: 'hang' } });
			const started = Date.now();
			const result = await run('skilljarCourse', {
				...listCourses,
				requestOptions: { timeout: 1 },
			});
			const elapsed = Date.now() - started;
			expect(result.error?.message).toMatch(
				/^GET \/v1\/courses got no answer from 127\.0\.0\.1:\d+ within 1 s$/,
			);
			expect(result.error?.description).toBe('Tried 3 times.');
			expect(sandbox.requests).toHaveLength(3);
			expect(elapsed).toBeGreaterThanOrEqual(3000);
			expect(elapsed).toBeLessThan(8000);
		});

		test('a POST that hangs is not resent', async () => {
			sandbox.faults.add({ method: 'POST', path: '/v1/courses', fault: { kind: 'hang' } });
			const result = await run('skilljarCourse', {
				...createCourse,
				requestOptions: { timeout: 1 },
			});
			expect(result.error?.message).toMatch(/^POST \/v1\/courses got no answer/);
			expect(posts('/v1/courses')).toHaveLength(1);
		});

		test('a Retry-After beyond Max Wait fails at once, saying when to try again', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: '/v1/courses',
				fault: { kind: 'status', status: 429, retryAfter: 120 },
			});
			const started = Date.now();
			const result = await run('skilljarCourse', {
				...listCourses,
				requestOptions: { maxWait: 10 },
			});
			expect(result.error?.message).toMatch(
				/^Skilljar rate limit reached; try again after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
			);
			expect(result.error?.httpCode).toBe('429');
			expect(Date.now() - started).toBeLessThan(3000);
		});
	});

	describe('broken answers are errors, never successes', () => {
		test.each([
			['malformed JSON', '{"id": "x'],
			['an empty body', ''],
			['null', 'null'],
		])('%s on a create', async (_name, text) => {
			sandbox.faults.add({ method: 'POST', path: '/v1/courses', fault: { kind: 'body', text } });
			const result = await run('skilljarCourse', createCourse);
			expect(result.error?.message).toMatch(
				/^Skilljar answered with (something that is not valid JSON|an empty body where a record was expected)$/,
			);
		});

		test('a later page that comes back empty while count promised more is an error', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: domainUsersPath,
				query: { page: '2' },
				fault: { kind: 'rewrite', set: { results: [], next: null } },
			});
			const total = sandbox.list(domainUsersPath).length;
			const result = await run('skilljarDomain', listDomainUsers);
			expect(result.error?.message).toBe(
				`Page 2 of the list held 0 items where 1000 were expected (${total} in all); the list is incomplete`,
			);
		});

		test('a list that ends early (next: null with count promising more) is an error', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: domainUsersPath,
				fault: { kind: 'rewrite', set: { next: null } },
			});
			const total = sandbox.list(domainUsersPath).length;
			const result = await run('skilljarDomain', listDomainUsers);
			expect(result.error?.message).toBe(
				`Skilljar promised ${total} items but the list ended after 1000; the list is incomplete`,
			);
		});
	});

	describe('engine: Base URL, strict values, Continue On Fail, masking, parallel items', () => {
		test('a Base URL ending in /v1/ is used as the API root', async () => {
			const result = await run(
				'skilljarCourse',
				{ ...listCourses, returnAll: false, limit: 1 },
				{ baseUrl: `${sandbox.url}/v1/` },
			);
			expect(result.error).toBeUndefined();
			expect(sandbox.requests.map((request) => request.path)).toEqual(['/v1/courses']);
		});

		test('an unknown host reads as a sentence, without retries', async () => {
			const result = await run('skilljarCourse', listCourses, {
				baseUrl: 'http://nosuchhost.invalid',
			});
			expect(result.error?.message).toBe('Could not reach nosuchhost.invalid: no such host');
			expect(result.error?.description).toBe('Not retried: this will not go away by trying again.');
		});

		test('a Base URL with a query is refused before any request', async () => {
			const result = await run('skilljarCourse', listCourses, { baseUrl: `${sandbox.url}/?x=1` });
			expect(result.error?.message).toMatch(
				/^The Skilljar credential's Base URL must not contain a query/,
			);
			expect(sandbox.requests).toHaveLength(0);
		});

		test('Return All given as the string "false" is false; Limit "0x10" is refused', async () => {
			const limited = await run('skilljarDomain', {
				...listDomainUsers,
				returnAll: '={{ "false" }}',
				limit: 3,
			});
			expect(limited.items).toHaveLength(3);
			const bad = await run('skilljarDomain', {
				...listDomainUsers,
				returnAll: false,
				limit: '={{ "0x10" }}',
			});
			expect(bad.error?.message).toBe('Limit must be a whole number, got "0x10"');
		});

		test('Continue On Fail: one item per input, in order, the error item with httpCode and description', async () => {
			const result = await run(
				'skilljarCourse',
				{
					resource: 'course',
					operation: 'update',
					courseId: '={{$json.id}}',
					updateFields: { title: 'T' },
				},
				{
					items: [{ id: DEMO.courseIds[0] }, { id: 'nosuchcourse1' }, { id: DEMO.courseIds[2] }],
					continueOnFail: true,
				},
			);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[1].json).toEqual({
				error: expect.stringMatching(/^Skilljar found no such record/),
				httpCode: '404',
				description: 'PATCH /v1/courses/nosuchcourse1 answered HTTP 404',
			});
			expect(result.items[0].json.id).toBe(DEMO.courseIds[0]);
			expect(result.items[2].json.id).toBe(DEMO.courseIds[2]);
			expect(JSON.stringify(result.items)).not.toContain(sandbox.apiKey);
		});

		test('webhook passwords and header values Skilljar echoes are masked in the output', async () => {
			const result = await run('skilljarWebhook', {
				resource: 'webhook',
				operation: 'create',
				targetUrl: 'https://example.com/hook',
				additionalFields: {
					basicAuthPassword: 'very-secret-pass',
					additionalHeaders: '{"X-Token": "header-secret"}',
				},
			});
			expect(result.error).toBeUndefined();
			const output = JSON.stringify(result.items);
			expect(output).not.toMatch(/very-secret-pass|header-secret/);
			expect(result.items[0].json.basic_auth_password).toBe('••••');
			expect(result.items[0].json.additional_headers).toEqual({ 'X-Token': '••••' });
		});

		test('in parallel, the first failing item in input order fails the node and no later item starts', async () => {
			const items = DEMO.enrollmentIds.map((id, index) => ({
				id: index === 3 || index === 4 ? `missing${index}` : id,
			}));
			const result = await run(
				'skilljarDomain',
				{
					resource: 'enrollment',
					operation: 'get',
					domainName: DEMO.domainName,
					publishedCourseId: DEMO.publishedCourseId,
					enrollmentId: '={{$json.id}}',
					requestOptions: { parallelItems: 2 },
				},
				{ items },
			);
			expect(result.error?.httpCode).toBe('404');
			expect(result.error?.description).toMatch(/\/enrollments\/missing3 answered HTTP 404$/);
			// Items 0–4 at most (two in flight when item 3 fails); never all ten.
			expect(sandbox.requests.length).toBeLessThanOrEqual(6);
		});

		test('items run in parallel (5 by default) with outputs in input order; 1 restores strict sequence', async () => {
			sandbox.faults.latencyMs = 150;
			const items = DEMO.enrollmentIds.map((id) => ({ id }));
			const parameters = {
				resource: 'enrollment',
				operation: 'get',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				enrollmentId: '={{$json.id}}',
			};
			sandbox.clearRequests();
			const parallel = await run('skilljarDomain', parameters, { items });
			const parallelPeak = sandbox.peakInFlight;
			sandbox.clearRequests();
			const sequential = await run(
				'skilljarDomain',
				{ ...parameters, requestOptions: { parallelItems: 1 } },
				{ items },
			);
			const sequentialPeak = sandbox.peakInFlight;
			for (const result of [parallel, sequential]) {
				expect(result.error).toBeUndefined();
				expect(result.items.map((item) => item.json.id)).toEqual(items.map((item) => item.id));
				expect(result.items.map((item) => item.pairedItem)).toEqual(
					items.map((_, item) => ({ item })),
				);
			}
			// Counted where the requests arrive (each held 150 ms), not timed: five at once by
			// default, one at a time with Parallel Items 1.
			expect(parallelPeak).toBe(5);
			expect(sequentialPeak).toBe(1);
		});

		test('a credential keeps at most 20 requests open at once: 50 items in parallel queue for them, and every item gets its record', async () => {
			sandbox.faults.latencyMs = 150;
			const items = Array.from({ length: 50 }, (_, index) => ({ id: DEMO.userIds[index % 25] }));
			const result = await run(
				'skilljarUser',
				{
					resource: 'user',
					operation: 'get',
					userId: '={{$json.id}}',
					requestOptions: { parallelItems: 50 },
				},
				{ items },
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => (item.json.user as IDataObject).id)).toEqual(
				items.map((item) => item.id),
			);
			expect(result.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
			// Counted where the requests arrive, each held 150 ms: the 50 items ask at once, 20 are
			// let through, and the others go as places free up (none is dropped or sent twice).
			expect(sandbox.peakInFlight).toBe(20);
			expect(sandbox.requests.filter((request) => request.method === 'GET')).toHaveLength(50);
		});
	});
});
