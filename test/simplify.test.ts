import { readFileSync } from 'node:fs';

import { NodeHelpers, type IDataObject, type INodeParameters } from 'n8n-workflow';

import { API_SCHEMAS } from '../nodes/shared/generated/schemas';
import type { ApiField } from '../nodes/shared/apiFacts';
import {
	SIMPLIFIED_RECORDS,
	simplifiedRecordOf,
	type SimplifiedRecord,
} from '../nodes/shared/simplify';
import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { ACTION_NODES } from './harness/node-types';
import { runNode, type RunNodeResult } from './harness/run-node';
import { callSandbox, credentialsFor, useTestSandbox } from './harness/sandbox';
import { TABLES } from './harness/tables';

const DOMAIN = DEMO.domainName;
const GROUP = DEMO.groupIds[0];

/** Every action that offers Simplify, as `node resource/operation`. */
const SIMPLIFIED_ACTIONS = [
	'skilljarDomain domainUser/get',
	'skilljarDomain domainUser/getAll',
	'skilljarDomain enrollment/get',
	'skilljarDomain enrollment/getAll',
	'skilljarDomain pathEnrollment/get',
	'skilljarDomain pathEnrollment/getAll',
	'skilljarDomain planEnrollment/get',
	'skilljarDomain planEnrollment/getAll',
	'skilljarGroup groupUser/get',
	'skilljarGroup groupUser/getAll',
	'skilljarPurchase purchase/get',
	'skilljarUser courseProgress/get',
	'skilljarUser courseProgress/getAll',
	'skilljarUser user/get',
	'skilljarUser user/getAll',
	// API v2 (test/v2-simplify.test.ts runs them).
	'skilljarCourse course/getAllV2',
	'skilljarCourse course/getV2',
	'skilljarDomain enrollment/getAllV2',
	'skilljarDomain enrollment/getV2',
	'skilljarDomain publishedCourse/getAllV2',
	'skilljarDomain publishedCourse/getV2',
	'skilljarLesson lesson/getAllV2',
	'skilljarLesson lesson/getV2',
	'skilljarQuiz quiz/getAllV2',
	'skilljarQuiz quiz/getV2',
	'skilljarQuizQuestion quizQuestion/getAllV2',
	'skilljarQuizQuestion quizQuestion/getV2',
];

interface Case {
	node: string;
	parameters: INodeParameters;
	/** The request path the action reads (to compare with Skilljar's raw answer). */
	path: string;
	/** Column names the README documents for this record, in order. */
	columns: string[];
}

const enrollmentColumns = (parent: string) => [
	'id',
	'user_id',
	'email',
	'first_name',
	'last_name',
	'active',
	'enrolled_at',
	'expires_at',
	'purchase_id',
	'purchase_state',
	'domain_name',
	parent,
];
const domainUserColumns = [
	'id',
	'email',
	'first_name',
	'last_name',
	'full_name',
	'active',
	'enrolled_at',
	'expires_at',
	'marketing_optin',
	'access_code',
	'domain_name',
];
const groupUserColumns = ['id', 'email', 'first_name', 'last_name', 'created_at', 'group_id'];
const userColumns = [
	'id',
	'email',
	'first_name',
	'last_name',
	'signed_up_at',
	'latest_activity',
	'inactive_at',
	'registration_count',
	'completion_count',
];
const purchaseColumns = [
	'id',
	'user_id',
	'email',
	'first_name',
	'last_name',
	'state',
	'purchased_at',
	'refunded_at',
	'order_id',
	'offer_id',
	'offer_sku',
	'price_cents',
	'currency_code',
	'quantity',
	'promo_code',
];

const progressColumns = [
	'user_id',
	'published_course_id',
	'domain_name',
	'enrollment_id',
	'enrolled_at',
	'course_id',
	'course_title',
	'lesson_count',
	'completed_lesson_count',
	'completed_at',
	'success_status',
	'score',
	'max_score',
	'latest_activity',
	'certificate_code',
];

const coursePath = `/v1/domains/${DOMAIN}/published-courses/${DEMO.publishedCourseId}/enrollments`;
const pathPath = `/v1/domains/${DOMAIN}/published-paths/${DEMO.publishedPathId}/published-path-enrollments`;
const planPath = `/v1/domains/${DOMAIN}/plan/${DEMO.planId}/plan-enrollments`;

const CASES: Record<string, Case> = {
	'domainUser/getAll': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'domainUser',
			operation: 'getAll',
			domainName: DOMAIN,
			returnAll: true,
		},
		path: `/v1/domains/${DOMAIN}/users`,
		columns: domainUserColumns,
	},
	'domainUser/get': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'domainUser',
			operation: 'get',
			domainName: DOMAIN,
			userId: DEMO.userId,
		},
		path: `/v1/domains/${DOMAIN}/users/${DEMO.userId}`,
		columns: domainUserColumns,
	},
	'enrollment/getAll': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'enrollment',
			operation: 'getAll',
			domainName: DOMAIN,
			publishedCourseId: DEMO.publishedCourseId,
			returnAll: true,
		},
		path: coursePath,
		columns: enrollmentColumns('published_course_id'),
	},
	'enrollment/get': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'enrollment',
			operation: 'get',
			domainName: DOMAIN,
			publishedCourseId: DEMO.publishedCourseId,
			enrollmentId: DEMO.enrollmentIds[0],
		},
		path: `${coursePath}/${DEMO.enrollmentIds[0]}`,
		columns: enrollmentColumns('published_course_id'),
	},
	'pathEnrollment/getAll': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'pathEnrollment',
			operation: 'getAll',
			domainName: DOMAIN,
			publishedPathId: DEMO.publishedPathId,
			returnAll: true,
		},
		path: pathPath,
		columns: enrollmentColumns('published_path_id'),
	},
	'pathEnrollment/get': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'pathEnrollment',
			operation: 'get',
			domainName: DOMAIN,
			publishedPathId: DEMO.publishedPathId,
			publishedPathEnrollmentId: DEMO.pathEnrollmentIds[1],
		},
		path: `${pathPath}/${DEMO.pathEnrollmentIds[1]}`,
		columns: enrollmentColumns('published_path_id'),
	},
	'planEnrollment/getAll': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'planEnrollment',
			operation: 'getAll',
			domainName: DOMAIN,
			planId: DEMO.planId,
			returnAll: true,
		},
		path: planPath,
		columns: enrollmentColumns('plan_id'),
	},
	'planEnrollment/get': {
		node: 'skilljarDomain',
		parameters: {
			resource: 'planEnrollment',
			operation: 'get',
			domainName: DOMAIN,
			planId: DEMO.planId,
			planEnrollmentId: DEMO.planEnrollmentIds[0],
		},
		path: `${planPath}/${DEMO.planEnrollmentIds[0]}`,
		columns: enrollmentColumns('plan_id'),
	},
	'groupUser/getAll': {
		node: 'skilljarGroup',
		parameters: { resource: 'groupUser', operation: 'getAll', groupId: GROUP, returnAll: true },
		path: `/v1/groups/${GROUP}/users`,
		columns: groupUserColumns,
	},
	'groupUser/get': {
		node: 'skilljarGroup',
		parameters: { resource: 'groupUser', operation: 'get', groupId: GROUP, userId: DEMO.userId },
		path: `/v1/groups/${GROUP}/users/${DEMO.userId}`,
		columns: groupUserColumns,
	},
	'purchase/get': {
		node: 'skilljarPurchase',
		parameters: { resource: 'purchase', operation: 'get', purchaseId: DEMO.purchaseId },
		path: `/v1/purchases/${DEMO.purchaseId}`,
		columns: purchaseColumns,
	},
	'user/getAll': {
		node: 'skilljarUser',
		parameters: { resource: 'user', operation: 'getAll', returnAll: true },
		path: '/v1/users',
		columns: userColumns,
	},
	'courseProgress/getAll': {
		node: 'skilljarUser',
		parameters: {
			resource: 'courseProgress',
			operation: 'getAll',
			userId: DEMO.userId,
			returnAll: true,
		},
		path: `/v1/users/${DEMO.userId}/published-courses`,
		columns: progressColumns,
	},
	'courseProgress/get': {
		node: 'skilljarUser',
		parameters: {
			resource: 'courseProgress',
			operation: 'get',
			userId: DEMO.userId,
			publishedCourseId: DEMO.publishedCourseId,
		},
		path: `/v1/users/${DEMO.userId}/published-courses/${DEMO.publishedCourseId}`,
		columns: progressColumns,
	},
	'user/get': {
		node: 'skilljarUser',
		parameters: { resource: 'user', operation: 'get', userId: DEMO.userId },
		path: `/v1/users/${DEMO.userId}`,
		columns: userColumns,
	},
};

const isFlat = (value: unknown) => value === null || typeof value !== 'object';

describe('Simplify on Get / Get Many of nested records', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started));

	const run = async (
		entry: Case,
		typeVersion: number,
		extra: INodeParameters = {},
		more: Partial<Parameters<typeof runNode>[0]> = {},
	): Promise<RunNodeResult> =>
		await runNode({
			type: entry.node,
			typeVersion,
			parameters: { ...entry.parameters, ...extra },
			credentials: credentialsFor(sandbox),
			...more,
		});

	/** Skilljar's raw records for a case: the list's results, or the one record. */
	const rawRecords = async (entry: Case): Promise<IDataObject[]> => {
		if (entry.path === '/v1/users') return sandbox.list('/v1/users') as IDataObject[];
		const listed = sandbox.list(entry.path) as IDataObject[];
		if (entry.parameters.operation === 'getAll') return listed;
		const { body } = await callSandbox<IDataObject>(sandbox, 'GET', entry.path);
		return [body];
	};

	test('exactly these actions offer Simplify', () => {
		const offered: string[] = [];
		for (const node of ACTION_NODES) {
			for (const resource of TABLES[node.description.name]) {
				for (const operation of resource.operations) {
					if (simplifiedRecordOf(operation)) {
						offered.push(`${node.description.name} ${resource.value}/${operation.value}`);
					}
				}
			}
		}
		expect(offered.sort()).toEqual([...SIMPLIFIED_ACTIONS].sort());
		expect(Object.keys(CASES).sort()).toEqual(
			SIMPLIFIED_ACTIONS.filter((action) => !action.endsWith('V2'))
				.map((action) => action.split(' ')[1])
				.sort(),
		);
	});

	test.each(Object.entries(CASES))(
		'%s, version 1.1: flat rows with exactly the documented columns; Simplify off = version 1 = Skilljar’s record',
		async (_name, entry) => {
			const simplified = await run(entry, 1.1);
			const full = await run(entry, 1.1, { simplify: false });
			const v1 = await run(entry, 1);
			for (const result of [simplified, full, v1]) expect(result.error).toBeUndefined();

			const raw = await rawRecords(entry);
			expect(raw.length).toBeGreaterThan(0);
			expect(simplified.items).toHaveLength(raw.length);
			for (const item of simplified.items) {
				expect(Object.keys(item.json)).toEqual(entry.columns);
				expect(Object.values(item.json).every(isFlat)).toBe(true);
				expect(item.pairedItem).toEqual({ item: 0 });
			}
			// Same records in the same order: each row's id is the record's own (or its user's) ID.
			const idColumn = entry.columns.includes('id') ? 'id' : 'published_course_id';
			expect(simplified.items.map((item) => item.json[idColumn])).toEqual(
				raw.map(
					(record) => record.id ?? record.published_course_id ?? (record.user as IDataObject).id,
				),
			);

			expect(full.items.map((item) => item.json)).toEqual(raw);
			expect(v1.items.map((item) => item.json)).toEqual(raw);
			expect(
				v1.items.every((item) => Object.values(item.json).some((value) => !isFlat(value))),
			).toBe(true);
		},
	);

	test('the values of a simplified domain user, course enrollment, group user, user, purchase and course progress', async () => {
		const first = async (name: string) => (await run(CASES[name], 1.1)).items[0].json;
		expect(await first('domainUser/get')).toEqual({
			id: DEMO.userId,
			email: DEMO.userEmail,
			first_name: 'Ada',
			last_name: 'Lovelace',
			full_name: 'Ada Lovelace',
			active: true,
			enrolled_at: '2025-01-06T09:00:00Z',
			expires_at: null,
			marketing_optin: false,
			access_code: null,
			domain_name: DOMAIN,
		});
		expect(await first('enrollment/get')).toEqual({
			id: DEMO.enrollmentIds[0],
			user_id: DEMO.userId,
			email: DEMO.userEmail,
			first_name: 'Ada',
			last_name: 'Lovelace',
			active: true,
			enrolled_at: '2025-01-16T09:00:00Z',
			expires_at: null,
			purchase_id: DEMO.purchaseId,
			purchase_state: 'SUCCESS',
			domain_name: DOMAIN,
			published_course_id: DEMO.publishedCourseId,
		});
		expect(await first('groupUser/get')).toEqual({
			id: DEMO.userId,
			email: DEMO.userEmail,
			first_name: 'Ada',
			last_name: 'Lovelace',
			created_at: expect.stringMatching(/^2025-/) as unknown as string,
			group_id: GROUP,
		});
		expect(await first('user/get')).toEqual({
			id: DEMO.userId,
			email: DEMO.userEmail,
			first_name: 'Ada',
			last_name: 'Lovelace',
			signed_up_at: '2025-01-06T09:00:00Z',
			latest_activity: '2025-01-06T09:00:00Z',
			inactive_at: null,
			registration_count: 0,
			completion_count: 0,
		});
		expect(await first('purchase/get')).toEqual({
			id: DEMO.purchaseId,
			user_id: DEMO.userId,
			email: DEMO.userEmail,
			first_name: 'Ada',
			last_name: 'Lovelace',
			state: 'SUCCESS',
			purchased_at: '2025-01-16T09:00:00Z',
			refunded_at: null,
			order_id: 'ord0000000001',
			offer_id: DEMO.offerIds[0],
			offer_sku: 'COURSE-1',
			price_cents: 4900,
			currency_code: 'USD',
			quantity: 1,
			promo_code: '',
		});
		expect(await first('courseProgress/get')).toEqual({
			user_id: DEMO.userId,
			published_course_id: DEMO.publishedCourseId,
			domain_name: DOMAIN,
			enrollment_id: DEMO.enrollmentIds[0],
			enrolled_at: '2025-01-16T09:00:00Z',
			course_id: DEMO.courseIds[0],
			course_title: 'Getting Started with Acme Cloud',
			lesson_count: 3,
			completed_lesson_count: 3,
			completed_at: '2025-01-26T09:00:00Z',
			success_status: 'PASSED',
			score: 90,
			max_score: 100,
			latest_activity: '2025-01-26T09:00:00Z',
			certificate_code: null,
		});
		// An enrollment without a purchase has null purchase columns, not missing ones.
		const planRow = await first('planEnrollment/get');
		expect(planRow).toEqual(
			expect.objectContaining({ purchase_id: null, purchase_state: null, plan_id: DEMO.planId }),
		);
	});

	test('several input items: each row is paired with its item and names the group it came from', async () => {
		const result = await runNode({
			type: 'skilljarGroup',
			typeVersion: 1.1,
			parameters: {
				resource: 'groupUser',
				operation: 'getAll',
				groupId: '={{ $json.group }}',
				returnAll: false,
				limit: 2,
			},
			items: [
				{ group: DEMO.groupIds[0] },
				{ group: DEMO.groupIds[1] },
				{ group: DEMO.groupIds[2] },
			],
			credentials: credentialsFor(sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(6);
		expect(result.items.map((item) => [item.pairedItem, item.json.group_id])).toEqual(
			DEMO.groupIds.flatMap((group, index) => [
				[{ item: index }, group],
				[{ item: index }, group],
			]),
		);
		for (const item of result.items) expect(Object.keys(item.json)).toEqual(groupUserColumns);
	});

	test('Return All across pages and a Limit give flat rows, as many as without Simplify', async () => {
		const path = `/v1/domains/${DOMAIN}/users`;
		sandbox.insertMany(
			path,
			Array.from({ length: 1100 }, (_, index) => ({
				user: {
					id: `simp${String(index).padStart(9, '0')}`,
					email: `simplify${index}@example.com`,
					first_name: 'Flat',
					last_name: `Row${index}`,
				},
				active: true,
			})),
		);
		const total = sandbox.list(path).length;
		const all = await run(CASES['domainUser/getAll'], 1.1);
		expect(all.items).toHaveLength(total);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(total);
		expect(sandbox.requests.filter((request) => request.path === path)).toHaveLength(2);
		const limited = await run(CASES['domainUser/getAll'], 1.1, { returnAll: false, limit: 3 });
		expect(limited.items.map((item) => Object.keys(item.json))).toEqual(
			Array(3).fill(domainUserColumns),
		);
	});

	test('a Simplify that is not true/false fails naming it before any request; Continue On Fail gives one error item per input', async () => {
		const entry = CASES['domainUser/get'];
		const failed = await run(entry, 1.1, { simplify: '={{ "maybe" }}' });
		expect(failed.error?.message).toBe('Simplify must be true or false, got "maybe"');
		expect(sandbox.requests).toHaveLength(0);

		const result = await runNode({
			type: 'skilljarDomain',
			typeVersion: 1.1,
			parameters: { ...entry.parameters, userId: '={{ $json.user }}' },
			items: [{ user: DEMO.userId }, { user: 'nosuchuser000' }, { user: DEMO.userIds[2] }],
			continueOnFail: true,
			credentials: credentialsFor(sandbox),
		});
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].json.id).toBe(DEMO.userId);
		expect(result.items[1].json).toEqual(expect.objectContaining({ httpCode: '404' }));
		expect(result.items[2].json).toEqual(expect.objectContaining({ id: DEMO.userIds[2] }));
		expect(Object.keys(result.items[2].json)).toEqual(domainUserColumns);
	});

	test('the editor shows Simplify (on) for version 1.1 only; version 1 workflows never see it', () => {
		const domain = ACTION_NODES.find((node) => node.description.name === 'skilljarDomain');
		const properties = domain?.description.properties ?? [];
		const values = { resource: 'domainUser', operation: 'getAll', domainName: DOMAIN };
		const resolve = (typeVersion: number) =>
			NodeHelpers.getNodeParameters(properties, values, true, false, { typeVersion }, null);
		expect(resolve(1.1)).toEqual(expect.objectContaining({ simplify: true }));
		expect(resolve(1)).not.toHaveProperty('simplify');
		// Actions without a simplified shape have no Simplify, in any version.
		const courses = NodeHelpers.getNodeParameters(
			properties,
			{ resource: 'publishedCourse', operation: 'getAll', domainName: DOMAIN },
			true,
			false,
			{ typeVersion: 1.1 },
			null,
		);
		expect(courses).not.toHaveProperty('simplify');
	});
});

/** API v2's document: its records are JSON:API resources (attributes, relationships). */
const V2_SCHEMAS = (
	JSON.parse(readFileSync(`${__dirname}/../spec/skilljar-openapi-v2.json`, 'utf8')) as {
		components: { schemas: Record<string, JsonSchema> };
	}
).components.schemas;

interface JsonSchema {
	$ref?: string;
	properties?: Record<string, JsonSchema>;
	description?: string;
	type?: string;
}

const resolved = (schema: JsonSchema | undefined): JsonSchema | undefined =>
	schema?.$ref ? V2_SCHEMAS[schema.$ref.split('/').pop() ?? ''] : schema;

/**
 * Columns of a v2 record whose source the document does not name: an attribute, a relationship's
 * ID (`student_id`) or a field of the related record (`student.email`). A relationship counts as
 * named when it is a declared property or, where the document leaves them untyped, its
 * description names it ("Related course and domain linkages.").
 */
function undocumentedV2Columns(record: SimplifiedRecord, schema: string): string[] {
	const resource = V2_SCHEMAS[schema].properties ?? {};
	const attributes = resolved(resource.attributes)?.properties ?? {};
	const relationships = resolved(resource.relationships);
	const names = (relationship: string) =>
		Boolean(relationships?.properties?.[relationship.replace(/_/g, '-')]) ||
		new RegExp(`\\b${relationship.replace(/_/g, '[ -]')}\\b`, 'i').test(
			relationships?.description ?? '',
		);
	const problems: string[] = [];
	for (const column of record.columns) {
		if (column.from === 'id') continue;
		const [head, field] = column.from.split('.');
		const attribute = attributes[head];
		if (attribute && !field) {
			if (attribute.type === 'object' || attribute.type === 'array') {
				problems.push(`${schema}: ${column.from} is not a flat value`);
			}
			continue;
		}
		const relationship = field ? head : head.replace(/_id$/, '');
		const related = V2_SCHEMAS[`${relationship[0].toUpperCase()}${relationship.slice(1)}Resource`];
		const known = field ? Boolean(resolved(related?.properties?.attributes)?.properties?.[field]) : true;
		if (!names(relationship) || !known) problems.push(`${schema}: no ${column.from}`);
	}
	return problems;
}

describe('the simplified records (data)', () => {
	/** The OpenAPI field at a dotted path of a schema, if the document has it. */
	const fieldAt = (fields: readonly ApiField[], dotted: string): ApiField | undefined => {
		const [head, ...rest] = dotted.split('.');
		const field = fields.find((candidate) => candidate.name === head);
		if (!field || rest.length === 0) return field;
		return fieldAt(field.properties ?? [], rest.join('.'));
	};

	test('every column reads a field Skilljar documents for the record, or a path parameter every action has', () => {
		const problems: string[] = [];
		for (const record of SIMPLIFIED_RECORDS) {
			for (const schema of record.schemas) {
				const fields = API_SCHEMAS[schema]?.fields;
				if (!fields && V2_SCHEMAS[schema]) {
					problems.push(...undocumentedV2Columns(record, schema));
					continue;
				}
				if (!fields) {
					problems.push(`${record.title}: no schema ${schema}`);
					continue;
				}
				for (const column of record.columns) {
					if (column.from.startsWith('path:')) continue;
					const field = fieldAt(fields, column.from);
					if (!field) problems.push(`${schema}: no ${column.from}`);
					else if (field.type === 'object' || field.type === 'array') {
						problems.push(`${schema}: ${column.from} is not a flat value`);
					}
				}
			}
			const names = record.columns.map((column) => column.name);
			if (new Set(names).size !== names.length) problems.push(`${record.title}: duplicate column`);
		}
		for (const node of ACTION_NODES) {
			for (const resource of TABLES[node.description.name]) {
				for (const operation of resource.operations) {
					const record = simplifiedRecordOf(operation);
					for (const column of record?.columns ?? []) {
						const param = column.from.startsWith('path:') ? column.from.slice(5) : undefined;
						if (param && !operation.path.includes(`{${param}}`)) {
							problems.push(`${operation.path} has no {${param}} for ${column.name}`);
						}
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
