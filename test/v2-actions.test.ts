import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { SkilljarV2Api } from '../credentials/SkilljarV2Api.credentials';
import { runNode, type RunNodeResult } from './harness/run-node';
import { runWithBothApis } from './harness/run-v2';
import { credentialsFor, useTestSandbox, v2CredentialsFor } from './harness/sandbox';

/**
 * API v2 actions as a user meets them, through n8n-core against the sandbox: bulk writes from
 * items, tokens, scopes, pages, and the destructive switch.
 */

let sandbox: Sandbox;
useTestSandbox((started) => (sandbox = started), 'all');

const v2 = () => v2CredentialsFor(sandbox);

const run = (
	type: string,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<RunNodeResult> => runWithBothApis(sandbox, type, parameters, items, continueOnFail);

const enrollParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'enrollment',
	operation: 'enrollManyV2',
	publishedCourseId: DEMO.publishedCourseIds[3],
	email: '={{ $json.email }}',
	...extra,
});

const v2Requests = () => sandbox.requests.filter((request) => request.path.startsWith('/v2/'));

describe('bulk writes from items', () => {
	test('1,000 emails are enrolled in 11 requests (10 batches + 1 token), each item paired; one refused entry stays on its item', async () => {
		const emails = Array.from({ length: 1000 }, (_unused, index) => ({
			email: `learner${index}@example.org`,
		}));
		// The same email twice in one request: Skilljar enrolls the first and refuses the second.
		emails[510] = { email: emails[505].email };
		const result = await run('skilljarDomain', enrollParameters(), emails, true);
		expect(result.error).toBeUndefined();
		expect(v2Requests()).toHaveLength(11);
		expect(v2Requests().filter((request) => request.template === '/v2/enrollments/')).toHaveLength(10);
		expect(result.items).toHaveLength(1000);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			if (index === 510) {
				expect(item.json).toMatchObject({ httpCode: '207', code: 'duplicate_in_batch' });
			} else {
				expect(item.json.id).toEqual(expect.any(String));
				expect(item.json.error).toBeUndefined();
			}
		});
	});

	test('with Continue On Fail, an entry Skilljar refuses (207) is an error item on its own input item', async () => {
		const items = [
			{ email: 'first@example.org' },
			{ email: 'first@example.org' }, // a repeat in one request: duplicate_in_batch
			{ email: 'third@example.org' },
		];
		const result = await run('skilljarDomain', enrollParameters(), items, true);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.error).toBeUndefined();
		expect(result.items[1].json).toMatchObject({
			httpCode: '207',
			status: 'failed',
			code: 'duplicate_in_batch',
		});
		expect(result.items[2].json.error).toBeUndefined();
	});

	test('without Continue On Fail the node fails naming the first failed item', async () => {
		const items = [{ email: 'a@example.org' }, { email: 'b@example.org' }, { email: 'b@example.org' }];
		const result = await run('skilljarDomain', enrollParameters(), items);
		expect(result.error?.message).toMatch(/^Item 3: Skilljar refused this item: duplicate_in_batch/);
	});

	test('Batch Size splits the items; items for different courses travel apart; a bad email fails before anything is sent', async () => {
		const items = Array.from({ length: 5 }, (_unused, index) => ({ email: `u${index}@example.org` }));
		await run('skilljarDomain', enrollParameters({ requestOptions: { batchSize: 2 } }), items);
		expect(v2Requests().filter((request) => request.template === '/v2/enrollments/')).toHaveLength(3);

		sandbox.clearRequests();
		const courses = [DEMO.publishedCourseIds[3], DEMO.publishedCourseIds[3], DEMO.publishedCourseIds[0]];
		const mixed = await run(
			'skilljarDomain',
			enrollParameters({ publishedCourseId: '={{ $json.course }}' }),
			courses.map((course, index) => ({ course, email: `mixed${index}@example.org` })),
			true,
		);
		expect(mixed.items).toHaveLength(3);
		const sent = v2Requests().filter((request) => request.template === '/v2/enrollments/');
		expect(sent.map((request) => (request.body as IDataObject).published_course_id)).toEqual([
			DEMO.publishedCourseIds[3],
			DEMO.publishedCourseIds[0],
		]);

		sandbox.clearRequests();
		const bad = await run('skilljarUser', { resource: 'user', operation: 'createManyV2', email: '={{ $json.email }}' }, [
			{ email: 'fine@example.org' },
			{ email: 'not-an-email' },
		]);
		expect(bad.error?.message).toMatch(/Email must be an email address/);
		expect(v2Requests().filter((request) => request.template === '/v2/students/')).toEqual([]);
	});

	test('a bulk create is not sent again after a 503; an idempotent membership add is', async () => {
		sandbox.faults.add({ method: 'POST', path: '/v2/students/', fault: { kind: 'status', status: 503 } });
		const create = await run('skilljarUser', {
			resource: 'user',
			operation: 'createManyV2',
			email: 'once@example.org',
		});
		expect(create.error?.httpCode).toBe('503');
		expect(v2Requests().filter((request) => request.path === '/v2/students/')).toHaveLength(1);

		sandbox.clearRequests();
		const path = '/v2/groups/{id}/relationships/students/';
		sandbox.faults.add({
			method: 'POST',
			path: `/v2/groups/${DEMO.groupIds[0]}/relationships/students/`,
			fault: { kind: 'status', status: 503 },
		});
		const add = await run('skilljarGroup', {
			resource: 'groupUser',
			operation: 'addManyV2',
			groupId: DEMO.groupIds[0],
			studentId: DEMO.userIds[1],
		});
		expect(add.error).toBeUndefined();
		expect(v2Requests().filter((request) => request.path === path.replace('{id}', DEMO.groupIds[0]))).toHaveLength(2);
	});
});

describe('the v2 token', () => {
	test('one token serves a whole run; after Skilljar expires it, a 401 fetches one new token and the request goes through', async () => {
		const first = await run('skilljarUser', { resource: 'user', operation: 'getAllV2', limit: 2 });
		expect(first.error).toBeUndefined();
		expect(first.credentialsHelper.preAuthentications).toBe(1);
		const tokensBefore = sandbox.v2Tokens.issued;

		sandbox.expireV2Tokens();
		sandbox.clearRequests();
		const helper = first.credentialsHelper;
		const stored = helper.storedData('skilljarV2Api');
		const second = await runNode({
			type: 'skilljarUser',
			typeVersion: 1.1,
			parameters: { resource: 'user', operation: 'getV2', studentId: DEMO.userId },
			credentials: credentialsFor(sandbox),
			credentialsV2: { ...v2(), accessToken: String(stored?.accessToken ?? '') },
		});
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.id).toBe(DEMO.userId);
		expect(sandbox.v2Tokens.issued).toBe(tokensBefore + 1);
		// The refused request, the token, the request again: n8n-core does not repeat it by itself.
		expect(v2Requests().map((request) => request.status)).toEqual([401, 200, 200]);
	});

	test('the client secret and tokens appear in no output and no error', async () => {
		const ok = await run('skilljarUser', { resource: 'user', operation: 'getAllV2', limit: 1 });
		const token = String(ok.credentialsHelper.storedData('skilljarV2Api')?.accessToken ?? '');
		expect(token).not.toBe('');
		const failed = await runNode({
			type: 'skilljarUser',
			typeVersion: 1.1,
			parameters: { resource: 'user', operation: 'getAllV2', limit: 1 },
			credentials: credentialsFor(sandbox),
			credentialsV2: { ...v2(), clientSecret: 'wrong-secret-value' },
		});
		expect(failed.error?.message).toMatch(/refused the client ID or secret/);
		const seen = JSON.stringify([ok.items, ok.error, failed.items, failed.error]);
		for (const secret of [sandbox.v2ClientSecret, 'wrong-secret-value', token]) {
			expect(seen).not.toContain(secret);
		}
	});

	test('a missing scope fails naming the scopes that would allow the call', async () => {
		sandbox.v2Tokens.grantScopes(['students:read']);
		const result = await run('skilljarCourse', { resource: 'certificate', operation: 'getAllV2' });
		expect(result.error?.httpCode).toBe('403');
		expect(result.error?.message).toMatch(/lacks the scope for this \(certificates:read\)/);
	});
});

describe('reads', () => {
	test('a list follows links.next page by page up to the limit, records flat with included ones folded in', async () => {
		const result = await run('skilljarDomain', {
			resource: 'enrollment',
			operation: 'getAllV2',
			limit: 3,
			filters: { include: 'student' },
			// The full record: Simplify (on by default) would keep only its columns.
			simplify: false,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		const [first] = result.items;
		expect(first.json).toMatchObject({ id: expect.any(String), student_id: expect.any(String) });
		expect(first.json.student).toMatchObject({ id: first.json.student_id });
		const lists = v2Requests().filter((request) => request.template === '/v2/enrollments/');
		expect(lists.map((request) => request.query['page[size]'])).toEqual(['3']);

		sandbox.clearRequests();
		const all = await run('skilljarUser', {
			resource: 'user',
			operation: 'getAllV2',
			returnAll: true,
		});
		const pages = v2Requests().filter((request) => request.template === '/v2/students/');
		expect(all.items.length).toBe(new Set(all.items.map((item) => item.json.id)).size);
		expect(pages[0].query['page[size]']).toBe('100');
		expect(all.items.length).toBeGreaterThan(0);
	});
});

describe('safety', () => {
	test('anonymize sends nothing unless Confirm Permanent Erasure is on, and then the header', async () => {
		const off = await run('skilljarUser', {
			resource: 'user',
			operation: 'anonymizeV2',
			studentId: DEMO.userId,
			confirmDestructive: false,
		});
		expect(off.error?.message).toMatch(/Confirm Permanent Erasure is off, so nothing was sent/);
		expect(v2Requests().filter((request) => request.method === 'POST' && request.path.includes('anonymize'))).toEqual([]);

		const on = await run('skilljarUser', {
			resource: 'user',
			operation: 'anonymizeV2',
			studentId: DEMO.userId,
			confirmDestructive: true,
		});
		expect(on.error).toBeUndefined();
		expect(on.items[0].json).toEqual({ success: true });
	});
});

describe('the Skilljar V2 API credential test', () => {
	const testCredential = async (clientSecret = sandbox.v2ClientSecret) =>
		await runNode({
			type: 'harness.credentialTestV2',
			parameters: {},
			credentials: credentialsFor(sandbox),
			credentialsV2: { ...v2(), clientSecret },
		});

	test('gets a token, then reads one student', async () => {
		const result = await testCredential();
		expect(result.error).toBeUndefined();
		expect(v2Requests().map((request) => [request.method, request.template, request.status])).toEqual([
			['POST', '/v2/auth/token', 200],
			['GET', '/v2/students/', 200],
		]);
		expect(v2Requests()[1].query['page[size]']).toBe('1');
	});

	test('a wrong secret fails at the token step, without the secret in the message', async () => {
		const result = await testCredential('not-the-secret');
		expect(result.error?.message).toMatch(/refused the client ID or secret/);
		expect(JSON.stringify(result.error)).not.toContain('not-the-secret');
	});

	test('a client without students:read gets 403, which the test names as that missing scope', async () => {
		sandbox.v2Tokens.grantScopes(['courses:read']);
		const result = await testCredential();
		expect(result.error?.httpCode).toBe('403');
		const rule = new SkilljarV2Api().test.rules?.find(
			(candidate) => candidate.type === 'responseCode' && candidate.properties.value === 403,
		);
		expect(rule?.properties.message).toMatch(/lacks the scope students:read/);
	});
});

describe('v1 transport rules hold for v2', () => {
	test('a next link off the Base URL, or off the list, is refused before anything is sent to it', async () => {
		sandbox.faults.add({
			method: 'GET',
			path: '/v2/students/',
			fault: { kind: 'rewrite', set: { links: { next: 'https://elsewhere.example/v2/students/?page%5Bcursor%5D=x' } } },
		});
		const off = await run('skilljarUser', { resource: 'user', operation: 'getAllV2', returnAll: true });
		expect(off.error?.message).toMatch(/Refused to follow a next-page link to https:\/\/elsewhere\.example/);

		sandbox.faults.add({
			method: 'GET',
			path: '/v2/students/',
			fault: { kind: 'rewrite', set: { links: { next: '{origin}/v2/courses/' } } },
		});
		const elsewhere = await run('skilljarUser', { resource: 'user', operation: 'getAllV2', returnAll: true });
		expect(elsewhere.error?.message).toMatch(/it leaves the list \/v2\/students\//);
		expect(v2Requests().filter((request) => request.path === '/v2/courses/')).toEqual([]);
	});

	test('a 429 is waited out as Retry-After says, and a bulk write then goes once', async () => {
		sandbox.faults.add({
			method: 'POST',
			path: '/v2/students/',
			fault: { kind: 'status', status: 429, retryAfter: 1 },
		});
		const result = await run('skilljarUser', {
			resource: 'user',
			operation: 'createManyV2',
			email: 'patient@example.org',
		});
		expect(result.error).toBeUndefined();
		expect(
			v2Requests()
				.filter((request) => request.path === '/v2/students/')
				.map((request) => request.status),
		).toEqual([429, 200]);
	});
});
