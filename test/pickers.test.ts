import {
	NodeHelpers,
	type IDataObject,
	type INodeListSearchResult,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { SandboxCredentialsHelper } from './harness/credentials';
import { searchAsEditor } from './harness/list-search';
import { ACTION_NODES, PACKAGE } from './harness/node-types';
import { runNode } from './harness/run-node';
import { credentialsFor, useTestSandbox } from './harness/sandbox';
import { shownInVersion } from './harness/versions';

/**
 * Record pickers on body, query and path fields: what the editor of each node
 * version shows, what the list searches offer, and what each mode sends, through n8n-core against
 * the sandbox.
 */

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const enrollmentsPath = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;

/** The parameter `name` of an action as a node of `version` shows it. */
function parameterOf(
	nodeType: string,
	resource: string,
	operation: string,
	name: string,
	version: number,
): INodeProperties | undefined {
	const node = ACTION_NODES.find((candidate) => candidate.description.name === nodeType);
	for (const property of node?.description.properties ?? []) {
		const show = property.displayOptions?.show;
		if (!show?.resource?.includes(resource) || !show.operation?.includes(operation)) continue;
		if (!shownInVersion(property, version)) continue;
		if (property.name === name) return property;
		const inner = ((property.options ?? []) as INodeProperties[]).find(
			(option) => option.name === name,
		);
		if (property.type === 'collection' && inner) return inner;
	}
	return undefined;
}

describe('record pickers', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started));

	/** Runs a "From list" search the way the editor does, on a node of version 1.1. */
	async function search(
		method: string,
		parameters: INodeParameters,
		filter?: string,
	): Promise<INodeListSearchResult> {
		return await searchAsEditor({
			nodeType: 'skilljarDomain',
			typeVersion: 1.1,
			method,
			parameters,
			credentials: new SandboxCredentialsHelper(credentialsFor(sandbox)),
			filter,
		});
	}

	const enroll = (userId: unknown, typeVersion: number, extra: INodeParameters = {}) =>
		runNode({
			type: 'skilljarDomain',
			typeVersion,
			parameters: {
				resource: 'enrollment',
				operation: 'create',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				userId: userId as INodeParameters[string],
				...extra,
			},
			credentials: credentialsFor(sandbox),
		});

	describe('in the editor', () => {
		test('Course Enrollment › Create asks for a "User" picker in 1.1 and keeps the text field "User ID" in 1', () => {
			const current = parameterOf('skilljarDomain', 'enrollment', 'create', 'userId', 1.1);
			expect(current?.type).toBe('resourceLocator');
			expect(current?.displayName).toBe('User');
			expect(current?.modes?.map((mode) => mode.displayName)).toEqual(['From List', 'By ID']);
			expect(current?.modes?.[0].typeOptions?.searchListMethod).toBe('searchUsers');

			const released = parameterOf('skilljarDomain', 'enrollment', 'create', 'userId', 1);
			expect(released?.type).toBe('string');
			expect(released?.displayName).toBe('User ID');
		});

		test.each([
			['skilljarGroup', 'groupUser', 'add', 'userId', 'User', 'searchUsers'],
			['skilljarDomain', 'pathEnrollment', 'create', 'userId', 'User', 'searchUsers'],
			['skilljarDomain', 'publishedCourseTag', 'add', 'tagId', 'Tag', 'searchTags'],
			['skilljarCourse', 'courseLabel', 'add', 'labelId', 'Label', 'searchLabels'],
			['skilljarDomain', 'publishedCourse', 'create', 'courseId', 'Course', 'searchCourses'],
			['skilljarPromoCodePool', 'promoCodePoolOffer', 'add', 'offerId', 'Offer', 'searchOffers'],
			[
				'skilljarDomain',
				'publishedCourseVisibility',
				'create',
				'studentGroupId',
				'Group',
				'searchGroups',
			],
		])(
			'%s %s › %s: %s is a "%s" picker listing %s',
			(node, resource, operation, name, label, method) => {
				const property = parameterOf(node, resource, operation, name, 1.1);
				expect(property?.type).toBe('resourceLocator');
				expect(property?.displayName).toBe(label);
				expect(property?.modes?.[0].typeOptions?.searchListMethod).toBe(method);
				expect(parameterOf(node, resource, operation, name, 1)?.type).toBe('string');
			},
		);

		test('an existing picker is relabelled in both versions: "Domain", typed "By Name", and By URL from 1.1', () => {
			const released = parameterOf('skilljarDomain', 'enrollment', 'create', 'domainName', 1);
			expect(released?.displayName).toBe('Domain');
			expect(released?.modes?.map((mode) => [mode.name, mode.displayName])).toEqual([
				['list', 'From List'],
				['id', 'By Name'],
			]);
			const current = parameterOf('skilljarDomain', 'enrollment', 'create', 'domainName', 1.1);
			expect(current?.modes?.map((mode) => [mode.name, mode.displayName])).toEqual([
				['list', 'From List'],
				['id', 'By Name'],
				['url', 'By URL'],
			]);
			const published = parameterOf(
				'skilljarDomain',
				'enrollment',
				'create',
				'publishedCourseId',
				1,
			);
			expect(published?.displayName).toBe('Published Course');
		});

		test('optional fields and filters get pickers inside their collection from 1.1', () => {
			const category = parameterOf('skilljarGroup', 'group', 'create', 'groupCategoryId', 1.1);
			expect(category?.type).toBe('resourceLocator');
			expect(category?.displayName).toBe('Group Category');
			expect(parameterOf('skilljarGroup', 'group', 'create', 'groupCategoryId', 1)?.type).toBe(
				'string',
			);
			const pool = parameterOf('skilljarPromoCode', 'promoCode', 'getAll', 'promoCodePoolId', 1.1);
			expect(pool?.type).toBe('resourceLocator');
		});
	});

	describe('From list', () => {
		test('the body user picker lists users by name and e-mail, and finds one by what is typed', async () => {
			const all = await search('searchUsers', { resource: 'enrollment', operation: 'create' });
			expect(all.results.length).toBeGreaterThanOrEqual(25);
			const first = all.results.find((entry) => entry.value === DEMO.userId);
			expect(first?.name).toBe(`Ada Lovelace <${DEMO.userEmail}>`);
			const found = await search('searchUsers', {}, 'LOVELACE1@');
			expect(found.results).toEqual([
				{ name: `Ada Lovelace <${DEMO.userEmail}>`, value: DEMO.userId },
			]);
		});

		test.each([
			['searchOffers', DEMO.offerIds[0], /^Published Course · 49\.00 USD · /],
			['searchPaths', DEMO.pathId, /\w/],
			['searchPlans', DEMO.planId, /\w/],
			['searchQuizzes', DEMO.quizIds[0], /\w/],
			['searchAssets', DEMO.assetIds[0], /\w/],
			['searchAccessCodePools', DEMO.accessCodePoolId, /\w/],
			['searchSignupFields', DEMO.signupFieldIds[0], /\w/],
			['searchCatalogPages', undefined, /\w/],
		])('%s offers named records', async (method, id, name) => {
			const result = await search(method, {
				resource: 'enrollment',
				operation: 'create',
				domainName: rl('list', DEMO.domainName),
			});
			expect(result.results.length).toBeGreaterThan(0);
			const entry = id
				? result.results.find((candidate) => candidate.value === id)
				: result.results[0];
			expect(entry?.name).toMatch(name);
			expect(entry?.name).not.toBe(entry?.value);
		});
	});

	describe('running a node of version 1.1', () => {
		test('a user picked from the list is sent as user.id', async () => {
			const result = await enroll(rl('list', DEMO.userIds[20]), 1.1);
			expect(result.error).toBeUndefined();
			const post = sandbox.requests.find((request) => request.method === 'POST');
			expect(post?.path).toBe(enrollmentsPath);
			expect((post?.body as IDataObject).user).toEqual({ id: DEMO.userIds[20] });
			expect((result.items[0].json.user as IDataObject).id).toBe(DEMO.userIds[20]);
		});

		test('By URL takes the domain from any training-site URL', async () => {
			const result = await enroll(rl('id', DEMO.userIds[21]), 1.1, {
				domainName: rl('url', `https://${DEMO.domainName.toUpperCase()}/getting-started?x=1#top`),
			});
			expect(result.error).toBeUndefined();
			expect(sandbox.requests.map((request) => request.path)).toContain(enrollmentsPath);
		});

		test.each([
			[
				'domainName',
				'url',
				'academy.example.com/getting-started',
				'Domain must be a URL of the training site',
				'Not a training-site URL',
			],
			[
				'domainName',
				'url',
				'ftp://academy.example.com/',
				'Domain must be a URL of the training site',
				'Not a training-site URL',
			],
			[
				'domainName',
				'id',
				'https://academy.example.com/',
				'Domain must be a domain name such as learn.example.com',
				'Not a domain name',
			],
			[
				'userId',
				'id',
				'USR 1',
				'User must be a Skilljar ID (lowercase letters and digits), got "USR 1"',
				'Not a Skilljar ID',
			],
			[
				'publishedCourseId',
				'id',
				'pcs_1',
				'Published Course must be a Skilljar ID',
				'Not a Skilljar ID',
			],
		])(
			'%s %s "%s" is refused before any request: typed, n8n shows the field\'s issue; from an expression, the node names the field',
			async (name, mode, value, runtimeMessage, editorMessage) => {
				// n8n itself refuses to run a workflow whose typed value fails the mode's check.
				await expect(
					enroll(rl('id', DEMO.userIds[22]), 1.1, { [name]: rl(mode, value) }),
				).rejects.toThrow(/^The workflow has issues/);
				const skilljar = ACTION_NODES.find((type) => type.description.name === 'skilljarDomain');
				const issues = NodeHelpers.getNodeParametersIssues(
					skilljar?.description.properties ?? [],
					{
						id: 'n',
						name: 'Skilljar',
						type: `${PACKAGE}.skilljarDomain`,
						typeVersion: 1.1,
						position: [0, 0],
						parameters: {
							resource: 'enrollment',
							operation: 'create',
							domainName: rl('list', DEMO.domainName),
							publishedCourseId: rl('list', DEMO.publishedCourseId),
							userId: rl('list', DEMO.userId),
							[name]: rl(mode, value),
						},
					},
					skilljar?.description ?? null,
				);
				expect(issues?.parameters?.[name]?.[0]).toContain(editorMessage);

				const computed = await enroll(rl('id', DEMO.userIds[22]), 1.1, {
					[name]: rl(mode, `={{ ${JSON.stringify(value)} }}`),
				});
				expect(computed.error?.message).toContain(runtimeMessage);
				expect(sandbox.requests).toHaveLength(0);
			},
		);

		test('n8n-core hands a plain string in a picker field through unchanged, and it is checked like an ID', async () => {
			const result = await enroll(DEMO.userIds[18], 1.1, { domainName: DEMO.domainName });
			expect(result.error).toBeUndefined();
			const post = sandbox.requests.find((request) => request.method === 'POST');
			expect((post?.body as IDataObject).user).toEqual({ id: DEMO.userIds[18] });
			sandbox.clearRequests();
			const bad = await enroll('Not An ID', 1.1);
			expect(bad.error?.message).toBe(
				'User must be a Skilljar ID (lowercase letters and digits), got "Not An ID"',
			);
			expect(sandbox.requests).toHaveLength(0);
		});

		test('a picked value is checked whatever its mode', async () => {
			const result = await enroll(rl('list', '../users'), 1.1);
			expect(result.error?.message).toBe(
				'User must be a Skilljar ID (lowercase letters and digits), got "../users"',
			);
			expect(sandbox.requests).toHaveLength(0);
		});

		test('an ID from an expression is checked too', async () => {
			const result = await enroll(rl('id', '={{ "not an id" }}'), 1.1);
			expect(result.error?.message).toBe(
				'User must be a Skilljar ID (lowercase letters and digits), got "not an id"',
			);
			expect(sandbox.requests).toHaveLength(0);
		});

		test('with Continue On Fail each item yields one paired item: bad IDs fail, good ones enroll', async () => {
			const result = await runNode({
				type: 'skilljarDomain',
				typeVersion: 1.1,
				parameters: {
					resource: 'enrollment',
					operation: 'create',
					domainName: rl('list', DEMO.domainName),
					publishedCourseId: rl('list', DEMO.publishedCourseId),
					userId: rl('id', '={{ $json.user }}'),
				},
				items: [{ user: DEMO.userIds[23] }, { user: 'Bad ID' }, { user: DEMO.userIds[24] }],
				continueOnFail: true,
				credentials: credentialsFor(sandbox),
			});
			expect(result.items).toHaveLength(3);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect((result.items[0].json.user as IDataObject).id).toBe(DEMO.userIds[23]);
			expect(result.items[1].json.error).toContain('User must be a Skilljar ID');
			expect((result.items[2].json.user as IDataObject).id).toBe(DEMO.userIds[24]);
			expect(sandbox.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
		});

		test('an optional picker in a collection is sent by its wire name', async () => {
			const result = await runNode({
				type: 'skilljarPromoCode',
				typeVersion: 1.1,
				parameters: {
					resource: 'promoCode',
					operation: 'getAll',
					returnAll: true,
					filters: { promoCodePoolId: rl('list', DEMO.promoCodePoolId) },
				},
				credentials: credentialsFor(sandbox),
			});
			expect(result.error).toBeUndefined();
			expect(sandbox.requests[0].query.promo_code_pool_id).toBe(DEMO.promoCodePoolId);
			expect(result.items.length).toBeGreaterThan(0);
		});
	});

	describe('running a node of version 1 (workflows saved with 0.1.0)', () => {
		test('a plain text user ID still enrolls the user', async () => {
			const result = await enroll(DEMO.userIds[19], 1);
			expect(result.error).toBeUndefined();
			const post = sandbox.requests.find((request) => request.method === 'POST');
			expect((post?.body as IDataObject).user).toEqual({ id: DEMO.userIds[19] });
		});

		test('values are sent as before, unchecked: Skilljar answers for a malformed ID', async () => {
			const result = await enroll('NOT-AN-ID', 1);
			expect(result.error?.httpCode).toBe('400');
			expect(sandbox.requests).toHaveLength(1);
		});
	});
});
