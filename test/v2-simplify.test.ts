import type { INodeParameters } from 'n8n-workflow';

import { SIMPLIFIED_RECORDS, valueAt, type SimplifiedRecord } from '../nodes/shared/simplify';
import { V2_SIMPLIFIED_RECORDS } from '../nodes/shared/v2/simplified';
import type { Sandbox } from '../sandbox/server';
import { runNode, type RunNodeResult } from './harness/run-node';
import { credentialsFor, useTestSandbox, v2CredentialsFor } from './harness/sandbox';

/**
 * Simplify on API v2 reads, through n8n-core against the sandbox: the documented columns, each
 * the value the full record holds there (an included student folded into plain columns), for
 * Get Many and Get; off, or in a version 1 node, the full flat record as before.
 */

let sandbox: Sandbox;
useTestSandbox((started) => (sandbox = started));

interface V2Case {
	node: string;
	resource: string;
	/** The Get action's ID parameter, and whether it is a picker. */
	idParameter: string;
	picker: boolean;
	title: string;
	/** Filters of the Get Many (and of the Get, where it has them). */
	filters?: INodeParameters;
}

const CASES: V2Case[] = [
	{
		node: 'skilljarDomain',
		resource: 'enrollment',
		idParameter: 'enrollmentId',
		picker: false,
		title: 'Enrollment (API v2)',
		filters: { include: 'student' },
	},
	{
		node: 'skilljarDomain',
		resource: 'publishedCourse',
		idParameter: 'publishedCourseId',
		picker: true,
		title: 'Published course (API v2)',
	},
	{
		node: 'skilljarCourse',
		resource: 'course',
		idParameter: 'courseId',
		picker: true,
		title: 'Course (API v2)',
	},
	{
		node: 'skilljarLesson',
		resource: 'lesson',
		idParameter: 'lessonId',
		picker: true,
		title: 'Lesson (API v2)',
	},
	{
		node: 'skilljarQuiz',
		resource: 'quiz',
		idParameter: 'quizId',
		picker: true,
		title: 'Quiz (API v2)',
	},
	{
		node: 'skilljarQuizQuestion',
		resource: 'quizQuestion',
		idParameter: 'questionId',
		picker: false,
		title: 'Quiz question (API v2)',
	},
];

const shapeOf = (title: string): SimplifiedRecord => {
	const shape = SIMPLIFIED_RECORDS.find((record) => record.title === title);
	if (!shape) throw new Error(`no simplified record ${title}`);
	return shape;
};

async function run(
	entry: V2Case,
	parameters: INodeParameters,
	typeVersion = 1.1,
): Promise<RunNodeResult> {
	return await runNode({
		type: entry.node,
		typeVersion,
		parameters: { resource: entry.resource, ...parameters },
		credentials: credentialsFor(sandbox),
		credentialsV2: v2CredentialsFor(sandbox),
	});
}

const isFlat = (value: unknown) => value === null || typeof value !== 'object';

/** Every row has exactly the columns, flat, each the value the full record holds at its source. */
function expectSimplified(rows: RunNodeResult, full: RunNodeResult, shape: SimplifiedRecord): void {
	expect(rows.error).toBeUndefined();
	expect(full.error).toBeUndefined();
	expect(rows.items.length).toBeGreaterThan(0);
	expect(rows.items).toHaveLength(full.items.length);
	rows.items.forEach((row, index) => {
		expect(Object.keys(row.json)).toEqual(shape.columns.map((column) => column.name));
		expect(Object.values(row.json).every(isFlat)).toBe(true);
		expect(row.pairedItem).toEqual({ item: 0 });
		const record = full.items[index].json;
		for (const column of shape.columns) {
			// Every source is there in the full record (with the Include the case asks for).
			const source = valueAt(record, column.from);
			expect({ [column.from]: source === undefined ? 'missing' : 'present' }).toEqual({
				[column.from]: 'present',
			});
			expect({ [column.name]: row.json[column.name] }).toEqual({ [column.name]: source });
		}
	});
}

describe('Simplify on API v2 reads', () => {
	test.each(CASES.map((entry) => [entry.title, entry] as const))(
		'%s: Get Many and Get give the documented columns; Simplify off and version 1 give the full record',
		async (_title, entry) => {
			const shape = shapeOf(entry.title);
			const filters: INodeParameters = entry.filters ? { filters: entry.filters } : {};
			const list: INodeParameters = { operation: 'getAllV2', limit: 3, ...filters };
			const rows = await run(entry, list);
			const full = await run(entry, { ...list, simplify: false });
			expectSimplified(rows, full, shape);
			// Simplify leaves out what the full record has beyond its columns.
			expect(Object.keys(full.items[0].json).length).toBeGreaterThan(shape.columns.length);
			const v1 = await run(entry, list, 1);
			expect(v1.items.map((item) => item.json)).toEqual(full.items.map((item) => item.json));

			const id = String(full.items[0].json.id);
			const value = entry.picker ? { __rl: true, mode: 'id', value: id } : id;
			const get: INodeParameters = { operation: 'getV2', [entry.idParameter]: value, ...filters };
			const one = await run(entry, get);
			expectSimplified(one, await run(entry, { ...get, simplify: false }), shape);
			expect(one.items[0].json.id).toBe(id);
		},
	);

	test('an enrollment’s included student becomes plain columns; without Include they are empty', async () => {
		const entry = CASES[0];
		const included = await run(entry, {
			operation: 'getAllV2',
			limit: 1,
			filters: { include: 'student' },
		});
		expect(included.items[0].json).toMatchObject({
			student_id: expect.any(String),
			email: expect.stringContaining('@'),
			first_name: expect.any(String),
		});
		const bare = await run(entry, { operation: 'getAllV2', limit: 1 });
		expect(bare.items[0].json).toMatchObject({ student_id: expect.any(String), email: null });
	});

	test('a Simplify that is not true/false fails naming it before any v2 request', async () => {
		sandbox.clearRequests();
		const result = await run(CASES[2], { operation: 'getAllV2', simplify: '={{ "maybe" }}' });
		expect(result.error?.message).toBe('Simplify must be true or false, got "maybe"');
		expect(sandbox.requests.filter((request) => request.path.startsWith('/v2/'))).toEqual([]);
	});

	test('records with ten fields or fewer and no nesting have no Simplify', () => {
		const schemas = V2_SIMPLIFIED_RECORDS.flatMap((record) => record.schemas);
		for (const flat of [
			'StudentResource',
			'CertificateResource',
			'DomainResource',
			'GroupResource',
		]) {
			expect(schemas).not.toContain(flat);
		}
		expect(CASES.map((entry) => entry.title).sort()).toEqual(
			V2_SIMPLIFIED_RECORDS.map((record) => record.title).sort(),
		);
	});
});
