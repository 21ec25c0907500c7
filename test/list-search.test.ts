import type { INodeListSearchResult, INodeParameters } from 'n8n-workflow';

import { listSearch } from '../nodes/shared/listSearch';
import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { SandboxCredentialsHelper } from './harness/credentials';
import { searchAsEditor } from './harness/list-search';
import { credentialsFor, startTestSandbox } from './harness/sandbox';

/** Runs a "From list" search on a node of version 1, as the editor does. */
async function search(
	sandbox: Sandbox,
	method: keyof typeof listSearch,
	parameters: INodeParameters,
	filter?: string,
	token?: string,
	nodeType = 'skilljarDomain',
): Promise<INodeListSearchResult> {
	return await searchAsEditor({
		nodeType,
		typeVersion: 1,
		method: String(method),
		parameters,
		credentials: new SandboxCredentialsHelper(credentialsFor(sandbox)),
		filter,
		paginationToken: token,
	});
}

describe('"From list" pickers', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	test('domains are listed by name and filtered by what the user types', async () => {
		const all = await search(sandbox, 'searchDomains', {});
		expect(all.results.map((entry) => entry.value)).toEqual([
			DEMO.domainName,
			DEMO.partnerDomainName,
		]);
		const filtered = await search(sandbox, 'searchDomains', {}, 'PARTNER');
		expect(filtered.results).toEqual([
			{ name: DEMO.partnerDomainName, value: DEMO.partnerDomainName },
		]);
	});

	test('published courses of the chosen domain show their course title', async () => {
		const result = await search(sandbox, 'searchPublishedCourses', {
			resource: 'enrollment',
			operation: 'create',
			domainName: { __rl: true, mode: 'list', value: DEMO.domainName },
		});
		expect(result.results.map((entry) => entry.value)).toEqual([...DEMO.publishedCourseIds]);
		expect(result.results[0].name).not.toBe(DEMO.publishedCourseIds[0]);
	});

	test("a user's published courses are picked from that user's own list (a bare array)", async () => {
		const result = await search(
			sandbox,
			'searchUserPublishedCourses',
			{
				resource: 'courseProgress',
				operation: 'update',
				userId: { __rl: true, mode: 'id', value: DEMO.userId },
			},
			undefined,
			undefined,
			'skilljarUser',
		);
		expect(result.results.length).toBeGreaterThan(0);
		expect(result.results.map((entry) => entry.value)).toContain(DEMO.publishedCourseId);
		expect(result.results[0].name).not.toBe(result.results[0].value);
		expect(result.paginationToken).toBeUndefined();
	});

	test('a picker asks for the field it depends on first', async () => {
		const parameters = {
			resource: 'courseProgress',
			operation: 'update',
			userId: { __rl: true, mode: 'list', value: '' },
		};
		await expect(
			search(
				sandbox,
				'searchUserPublishedCourses',
				parameters,
				undefined,
				undefined,
				'skilljarUser',
			),
		).rejects.toThrow('Choose a User first');
	});

	test('users page on with the cursor Skilljar returns', async () => {
		sandbox.insertMany(
			'/v1/users',
			Array.from({ length: 150 }, (_, index) => ({
				id: `lst${String(index).padStart(10, '0')}`,
				email: `list${index}@example.com`,
				first_name: 'List',
				last_name: `${index}`,
			})),
		);
		sandbox.clearRequests();
		const first = await search(sandbox, 'searchUsers', {});
		expect(first.results).toHaveLength(100);
		expect(first.results[0].name).toMatch(/<.+@example\.com>$/);
		expect(first.paginationToken).toBeTruthy();
		const second = await search(
			sandbox,
			'searchUsers',
			{},
			undefined,
			first.paginationToken as string,
		);
		expect(second.results.length).toBe(sandbox.list('/v1/users').length - 100);
		expect(second.paginationToken).toBeUndefined();
	});
});
