import { readFileSync } from 'node:fs';

import { normaliseBaseUrl } from '../nodes/shared/http/baseUrl';
import { findOperation } from '../nodes/shared/execute';
import { groupIntoChunks } from '../nodes/shared/v2/batch';
import { itemsOfDocument } from '../nodes/shared/v2/jsonApi';
import { entryOf } from '../nodes/shared/v2/request';
import { renewAtFor, renewAtOf, scrub } from '../nodes/shared/v2/token';
import { ACTION_NODES } from './harness/node-types';
import { TABLES } from './harness/tables';

/** The pure parts of API v2 support: answers to items, items to batches, labels. */

const operationOf = (node: string, resource: string, value: string) => {
	const operation = findOperation(TABLES[node], resource, value);
	if (!operation) throw new Error(`${node} ${resource}/${value} is not an action`);
	return operation;
};

describe('JSON:API answers become flat items', () => {
	test('a record: id, attributes, related IDs; included records folded in under the relationship', () => {
		const items = itemsOfDocument({
			data: [
				{
					type: 'enrollments',
					id: 'e1',
					attributes: { enrolled_at: '2026-01-02T00:00:00Z', progress: 40 },
					relationships: {
						student: { data: { type: 'students', id: 's1' } },
						course: { data: { type: 'courses', id: 'c1' } },
						certificate: { data: null },
						tags: { data: [{ type: 'tags', id: 't1' }, { type: 'tags', id: 't2' }] },
					},
					links: { self: 'https://api.skilljar.com/v2/enrollments/e1' },
				},
			],
			included: [{ type: 'students', id: 's1', attributes: { email: 'ada@example.com' } }],
			links: { next: null },
		});
		expect(items).toEqual([
			{
				id: 'e1',
				enrolled_at: '2026-01-02T00:00:00Z',
				progress: 40,
				student_id: 's1',
				student: { id: 's1', email: 'ada@example.com' },
				course_id: 'c1',
				certificate_id: null,
				tags_ids: ['t1', 't2'],
			},
		]);
	});

	test("an attribute of the same name as a related ID is Skilljar's own and is kept", () => {
		const [item] = itemsOfDocument({
			data: {
				type: 'lessons',
				id: 'l1',
				attributes: { course_id: 'from-attributes' },
				relationships: { course: { data: { type: 'courses', id: 'from-relationship' } } },
			},
		});
		expect(item.course_id).toBe('from-attributes');
	});

	test('a body without data (an OAuth client answer) stays one item as it is', () => {
		expect(itemsOfDocument({ client_id: 'x', name: 'n' })).toEqual([{ client_id: 'x', name: 'n' }]);
	});
});

describe('bulk actions: items to requests', () => {
	const read = (count: number, shared: Record<string, string> = {}) =>
		Array.from({ length: count }, (_unused, itemIndex) => ({
			itemIndex,
			entry: { type: 'enrollments', attributes: { email: `u${itemIndex}@example.com` } },
			shared,
			pathParams: {},
		}));

	test('N items become ceil(N / batch size) requests, in input order', () => {
		const chunks = groupIntoChunks(read(1000), 100);
		expect(chunks).toHaveLength(10);
		expect(chunks.map((chunk) => chunk.entries.length)).toEqual(new Array(10).fill(100));
		expect(chunks.flatMap((chunk) => chunk.entries.map((entry) => entry.itemIndex))).toEqual(
			Array.from({ length: 1000 }, (_unused, index) => index),
		);
		expect(groupIntoChunks(read(201), 200).map((chunk) => chunk.entries.length)).toEqual([200, 1]);
	});

	test('items that differ in a value the request shares travel in different requests', () => {
		const mixed = [...read(3, { published_course_id: 'a' }), ...read(2, { published_course_id: 'b' })];
		mixed.forEach((entry, index) => (entry.itemIndex = index));
		const chunks = groupIntoChunks([...mixed, undefined], 100);
		expect(chunks.map((chunk) => [chunk.shared.published_course_id, chunk.entries.length])).toEqual([
			['a', 3],
			['b', 2],
		]);
	});

	test('an entry is completed as JSON:API: its type, relationship types, shared members apart', () => {
		const publish = operationOf('skilljarDomain', 'publishedCourse', 'createManyV2');
		expect(
			entryOf(publish, {
				attributes: { slug: 'intro' },
				relationships: { course: { data: { id: 'c1' } }, domain: { data: { id: 'd1' } } },
			}),
		).toEqual({
			entry: {
				type: 'published-courses',
				attributes: { slug: 'intro' },
				relationships: {
					course: { data: { type: 'courses', id: 'c1' } },
					domain: { data: { type: 'domains', id: 'd1' } },
				},
			},
			shared: {},
		});
		const enroll = operationOf('skilljarDomain', 'enrollment', 'enrollManyV2');
		expect(
			entryOf(enroll, { published_course_id: 'pc1', attributes: { email: 'a@example.com' } }),
		).toEqual({
			entry: { type: 'enrollments', attributes: { email: 'a@example.com' } },
			shared: { published_course_id: 'pc1' },
		});
		// A membership entry is {type, id}: Skilljar refuses any other member, so no attributes.
		const add = operationOf('skilljarGroup', 'groupUser', 'addManyV2');
		expect(entryOf(add, { id: 's1' }).entry).toEqual({ type: 'students', id: 's1' });
	});
});

describe('API v2 actions in the editor', () => {
	test('fields are labelled by what they hold, not by where JSON:API puts them', () => {
		const list = operationOf('skilljarDomain', 'enrollment', 'getAllV2');
		const labels = Object.fromEntries(list.fields.map((field) => [field.name, field.label]));
		expect(labels).toMatchObject({
			'filter[course.id]': 'Course ID',
			'filter[enrolled_gte]': 'Enrolled From',
			'filter[completed_lte]': 'Completed Until',
		});
		const add = operationOf('skilljarGroup', 'groupUser', 'addManyV2');
		expect(add.fields.map((field) => [field.in, field.label, field.parameter])).toEqual([
			['path', 'Group ID', 'groupId'],
			['body', 'Student ID', 'studentId'],
		]);
	});

	test('bulk actions name themselves and say when to prefer them; twins of v1 actions say API v2', () => {
		const create = operationOf('skilljarUser', 'user', 'createManyV2');
		expect(create).toMatchObject({ name: 'Create in Bulk', action: 'Create users in bulk' });
		expect(create.description).toMatch(/up to 200 items per request; best for many items/);
		expect(create.v2?.batchCap).toBe(200);
		expect(operationOf('skilljarUser', 'user', 'getAllV2').name).toBe('Get Many (API v2)');
	});

	test('anonymize has a confirmation switch; its header is sent only from it', () => {
		const anonymize = operationOf('skilljarUser', 'user', 'anonymizeV2');
		expect(anonymize.fields.find((field) => field.in === 'header')).toMatchObject({
			name: 'X-Confirm-Destructive',
			type: 'boolean',
			required: true,
			parameter: 'confirmDestructive',
		});
	});
});

describe('API v2 credential helpers', () => {
	test('a Base URL ending in /v2 is the API root too', () => {
		expect(normaliseBaseUrl('https://api.skilljar.com/v2/')).toBe('https://api.skilljar.com');
	});

	test('secrets are cut out of any text', () => {
		expect(scrub('bad secret s3cr3t-value here', ['s3cr3t-value'])).toBe('bad secret [hidden] here');
	});

	test('a token is due a minute before expires_in, or after three quarters of a shorter life', () => {
		const now = Date.parse('2026-12-07T10:00:00Z');
		expect(renewAtFor(3600, now)).toBe('2026-12-07T10:59:00.000Z');
		expect(renewAtFor('120', now)).toBe('2026-12-07T10:01:30.000Z');
		expect(renewAtFor(40, now)).toBe('2026-12-07T10:00:30.000Z');
		for (const none of [undefined, null, 0, -5, 'soon']) expect(renewAtFor(none, now)).toBe('');
	});

	test('no stored token is due now; a token without a stored time only after a 401', () => {
		expect(renewAtOf({ accessToken: '' })).toBe(0);
		expect(renewAtOf({ accessToken: 't', accessTokenRenewAt: '' })).toBe(Infinity);
		expect(renewAtOf({ accessToken: 't', accessTokenRenewAt: '2026-12-07T10:59:00.000Z' })).toBe(
			Date.parse('2026-12-07T10:59:00.000Z'),
		);
	});
});

describe('docs/api-v2.md', () => {
	test('the scopes table names exactly the scopes of each node’s v2 actions', () => {
		const doc = readFileSync(`${__dirname}/../docs/api-v2.md`, 'utf8');
		const rows = new Map(
			[...doc.matchAll(/^\| (Skilljar [A-Za-z ]+) \| (.+) \|$/gm)].map((match) => [
				match[1],
				new Set([...match[2].matchAll(/`([a-z-]+:[a-z-]+)`/g)].map((scope) => scope[1])),
			]),
		);
		for (const node of ACTION_NODES) {
			const scopes = new Set(
				TABLES[node.description.name].flatMap((resource) =>
					resource.operations.flatMap((operation) => operation.v2?.scopes ?? []),
				),
			);
			if (scopes.size === 0) continue;
			const name = node.description.displayName;
			const documented = [...(rows.get(name) ?? [])].sort();
			expect({ name, scopes: documented }).toEqual({ name, scopes: [...scopes].sort() });
		}
	});
});
