import { createServer, type Server } from 'node:http';

import type {
	IDataObject,
	INodeListSearchResult,
	INodeParameters,
	INodeProperties,
} from 'n8n-workflow';

import { DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { SandboxCredentialsHelper } from './harness/credentials';
import { closeServer, listenOnLoopback } from './harness/loopback';
import { searchAsEditor } from './harness/list-search';
import { ACTION_NODES } from './harness/node-types';
import type { RunNodeResult } from './harness/run-node';
import { runWithBothApis } from './harness/run-v2';
import { credentialsFor, useTestSandbox, v2CredentialsFor } from './harness/sandbox';

/**
 * API v2 pickers on filters and bulk entries, as a user meets them: what the editor shows, what
 * "From list" offers page by page (with the v2 credential, only under its Base URL, with a clear
 * message when the client lacks the scope), and what a picked or typed ID sends, all through
 * n8n-core against the sandbox.
 */

let sandbox: Sandbox;
useTestSandbox((started) => (sandbox = started), 'all');

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const v2Requests = () => sandbox.requests.filter((request) => request.path.startsWith('/v2/'));

/** The editor's credential store: a token fetched by one search is kept for the next. */
let credentials: SandboxCredentialsHelper;
beforeEach(() => {
	credentials = new SandboxCredentialsHelper(credentialsFor(sandbox), undefined, {
		...v2CredentialsFor(sandbox),
	});
});

/** Runs a "From list" search on a node of version 1.1 holding the v2 credential. */
const search = (
	nodeType: string,
	method: string,
	parameters: INodeParameters,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> =>
	searchAsEditor({
		nodeType,
		typeVersion: 1.1,
		method,
		parameters,
		credentials,
		api: 'v2',
		filter,
		paginationToken,
	});

const run = (
	type: string,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
): Promise<RunNodeResult> => runWithBothApis(sandbox, type, parameters, items);

/** The parameter (or the option of a collection) `path` an action shows, e.g. `filters.courseId`. */
function parameterOf(
	nodeType: string,
	resource: string,
	operation: string,
	path: string,
): INodeProperties | undefined {
	const [first, inner] = path.split('.');
	const node = ACTION_NODES.find((candidate) => candidate.description.name === nodeType);
	const property = node?.description.properties.find((candidate) => {
		const show = candidate.displayOptions?.show;
		return (
			candidate.name === first &&
			show?.resource?.includes(resource) &&
			show.operation?.includes(operation)
		);
	});
	if (!inner) return property;
	return ((property?.options ?? []) as INodeProperties[]).find((option) => option.name === inner);
}

/** Per v2 list search, the label its pickers carry and where they are (`node resource operation field`). */
const PICKERS: Record<string, [string, string[]]> = {
	searchV2Student: [
		'Student',
		[
			'skilljarDomain enrollment getAllV2 filters.studentId',
			'skilljarDomain userSignupField getAllV2 filters.studentId',
			'skilljarCourse courseAnalytics getRatingsV2 filters.studentId',
			'skilljarGroup groupUser addManyV2 studentId',
			'skilljarDomain userSignupField createManyV2 studentId',
			'skilljarUser user updateManyV2 updateFields.studentId',
		],
	],
	searchV2Course: [
		'Course',
		[
			'skilljarDomain enrollment getAllV2 filters.courseId',
			'skilljarDomain publishedCourse getAllV2 filters.course',
			'skilljarCourse certificate getAllV2 filters.courseId',
			'skilljarLesson lesson getAllV2 filters.courseId',
			'skilljarDomain publishedCourse createManyV2 courseId',
			'skilljarLesson lesson createManyV2 courseId',
			'skilljarCourse course getV2 courseId',
		],
	],
	searchV2Domain: [
		'Domain',
		[
			'skilljarDomain publishedCourse getAllV2 filters.domain',
			'skilljarDomain publishedCourse createManyV2 domainId',
		],
	],
	searchV2PublishedCourse: [
		'Published Course',
		[
			'skilljarGroup groupCourseVisibility getAllV2 filters.publishedCourseId',
			'skilljarDomain enrollment enrollManyV2 publishedCourseId',
		],
	],
	searchV2Group: ['Group', ['skilljarGroup group updateManyV2 groupId']],
	searchV2Quiz: [
		'Quiz',
		[
			'skilljarQuizQuestion quizQuestion getAllV2 filters.quizId',
			'skilljarLesson lesson createManyV2 additionalFields.quizId',
		],
	],
	searchV2QuestionBank: [
		'Question Bank',
		[
			'skilljarQuizQuestion quizQuestion getAllV2 filters.questionBankId',
			'skilljarQuiz quizQuestionBank addManyV2 questionBankId',
		],
	],
};

describe('in the editor', () => {
	const cases = Object.entries(PICKERS).flatMap(([method, [label, places]]) =>
		places.map((place) => [place, label, method]),
	);
	test.each(cases)('%s is a %s picker listing v2 records (%s)', (place, label, method) => {
		const [node, resource, operation, path] = place.split(' ');
		const property = parameterOf(node, resource, operation, path);
		expect(property?.type).toBe('resourceLocator');
		expect(property?.displayName).toBe(label);
		expect(property?.modes?.map((mode) => [mode.displayName, mode.type])).toEqual([
			['From List', 'list'],
			['By ID', 'string'],
		]);
		expect(property?.modes?.[0].typeOptions?.searchListMethod).toBe(method);
	});

	test('a filter that takes several domain names stays text', () => {
		expect(parameterOf('skilljarDomain', 'enrollment', 'getAllV2', 'filters.domains')?.type).toBe(
			'string',
		);
	});
});

describe('From list', () => {
	test('students are listed with the v2 credential, a page of 100 at a time, the next one by its cursor', async () => {
		sandbox.insertMany(
			'/v1/users',
			Array.from({ length: 130 }, (_unused, index) => ({
				user: {
					id: `pck${String(index).padStart(10, '0')}`,
					email: `picker${index}@example.com`,
					first_name: 'Picker',
					last_name: `${index}`,
				},
			})),
		);
		const parameters = { resource: 'groupUser', operation: 'addManyV2' };
		const first = await search('skilljarGroup', 'searchV2Student', parameters);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toEqual(expect.any(String));
		const second = await search(
			'skilljarGroup',
			'searchV2Student',
			parameters,
			undefined,
			first.paginationToken as string,
		);
		expect(second.paginationToken).toBeUndefined();
		const values = [...first.results, ...second.results].map((entry) => entry.value);
		expect(new Set(values).size).toBe(DEMO.userIds.length + 130);
		expect(values).toContain(DEMO.userIds[0]);
		expect(second.results.find((entry) => entry.value === 'pck0000000129')?.name).toBe(
			'Picker 129 <picker129@example.com>',
		);
		// One token, then the students list twice: the second time after the cursor it was given.
		expect(v2Requests().map((request) => request.template)).toEqual([
			'/v2/auth/token',
			'/v2/students/',
			'/v2/students/',
		]);
		expect(v2Requests()[1].query).toEqual({ 'page[size]': '100' });
		expect(v2Requests()[2].query['page[cursor]']).toBe(first.paginationToken);
	});

	test('what the user types narrows the list; a list without pages comes whole', async () => {
		const found = await search(
			'skilljarLesson',
			'searchV2Course',
			{ resource: 'lesson', operation: 'getAllV2' },
			DEMO.courseIds[2],
		);
		expect(found.results.map((entry) => entry.value)).toEqual([DEMO.courseIds[2]]);
		expect(found.paginationToken).toBeUndefined();
	});

	test('a client without the scope gets a message naming it', async () => {
		sandbox.v2Tokens.grantScopes(['courses:read']);
		await expect(
			search('skilljarGroup', 'searchV2Student', { resource: 'groupUser', operation: 'addManyV2' }),
		).rejects.toThrow(/lacks the scope for this \(students:read\)/);
	});

	describe('nothing leaves the Base URL', () => {
		let stray: Server | undefined;
		let strayHits = 0;
		let strayOrigin = '';
		beforeAll(async () => {
			stray = createServer((_req, res) => {
				strayHits += 1;
				res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"data":[]}');
			});
			strayOrigin = await listenOnLoopback(stray);
		});
		afterAll(async () => await closeServer(stray));

		test('a next link to another host is refused, and that host is never asked', async () => {
			sandbox.faults.add({
				method: 'GET',
				path: '/v2/groups/',
				fault: {
					kind: 'rewrite',
					set: { links: { next: `${strayOrigin}/v2/groups/?page%5Bcursor%5D=x` } },
				},
			});
			await expect(
				search('skilljarGroup', 'searchV2Group', { resource: 'group', operation: 'updateManyV2' }),
			).rejects.toThrow(/Refused to follow a next-page link to http:\/\/127\.0\.0\.1/);
			expect(strayHits).toBe(0);
		});

		test('a page token handed back by the editor is only ever a cursor sent to the Base URL', async () => {
			const token = `${strayOrigin}/v2/groups/`;
			await expect(
				search('skilljarGroup', 'searchV2Group', { resource: 'group', operation: 'updateManyV2' }, undefined, token),
			).rejects.toThrow();
			expect(strayHits).toBe(0);
			const listed = v2Requests().filter((request) => request.template === '/v2/groups/');
			expect(listed.map((request) => request.query['page[cursor]'])).toEqual([token]);
		});
	});
});

describe('what a picked ID sends', () => {
	test('a course picked in a filter narrows the list to its lessons', async () => {
		const result = await run('skilljarLesson', {
			resource: 'lesson',
			operation: 'getAllV2',
			returnAll: true,
			filters: { courseId: rl('list', DEMO.courseIds[0]) },
		});
		expect(result.error).toBeUndefined();
		const listed = v2Requests().find((request) => request.template === '/v2/lessons/');
		expect(listed?.query['filter[course_id]']).toBe(DEMO.courseIds[0]);
		expect(result.items.map((item) => item.json.id).sort()).toEqual(DEMO.lessonIds.slice(0, 3).sort());
	});

	/** Group User › Add in Bulk to a picked group, the students from the items. */
	const addStudents = (studentId: ReturnType<typeof rl>, items: IDataObject[] = [{}]) =>
		run(
			'skilljarGroup',
			{
				resource: 'groupUser',
				operation: 'addManyV2',
				groupId: rl('list', DEMO.groupIds[2]),
				studentId,
			},
			items,
		);

	test('bulk entries take a picked group and students typed by ID from the items, one request for both', async () => {
		const students = [DEMO.userIds[20], DEMO.userIds[21]];
		const result = await addStudents(
			rl('id', '={{ $json.student }}'),
			students.map((student) => ({ student })),
		);
		expect(result.error).toBeUndefined();
		const writes = v2Requests().filter((request) => request.method === 'POST' && request.template !== '/v2/auth/token');
		expect(writes).toHaveLength(1);
		expect(writes[0].path).toBe(`/v2/groups/${DEMO.groupIds[2]}/relationships/students/`);
		expect((writes[0].body as { data: Array<{ id: string }> }).data.map((entry) => entry.id)).toEqual(students);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('a malformed ID in a bulk entry fails naming the field, before any request', async () => {
		const result = await addStudents(rl('id', 'Not An ID!'));
		expect(result.error?.message).toMatch(/^Student must be a Skilljar ID/);
		expect(v2Requests()).toEqual([]);
	});
});
