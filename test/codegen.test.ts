import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { API_V2_OPERATIONS } from '../nodes/shared/generated/operationsV2';
import { writeGenerated } from '../tools/codegen/generate';
import { loadSpec } from '../tools/codegen/spec';

const SPEC = resolve(__dirname, '../spec/skilljar-openapi.yml');
const SPEC_V2 = resolve(__dirname, '../spec/skilljar-openapi-v2.json');
const GENERATED = resolve(__dirname, '../nodes/shared/generated');

describe('npm run codegen', () => {
	it('committed generated files equal a fresh regeneration from the OpenAPI document', () => {
		expect(existsSync(SPEC)).toBe(true);
		expect(existsSync(SPEC_V2)).toBe(true);
		const temp = mkdtempSync(join(tmpdir(), 'skilljar-codegen-'));
		try {
			writeGenerated(SPEC, SPEC_V2, temp);
			expect(readdirSync(GENERATED).sort()).toEqual(readdirSync(temp).sort());
			for (const name of readdirSync(temp)) {
				// A mismatch means: run `npm run codegen` and commit the result.
				expect({ name, content: readFileSync(join(GENERATED, name), 'utf8') }).toEqual({
					name,
					content: readFileSync(join(temp, name), 'utf8'),
				});
			}
		} finally {
			rmSync(temp, { recursive: true, force: true });
		}
	});

	it('holds every operation of the document once, with its facts', () => {
		// Counted in the document itself: every method of every path is one operation.
		const spec = loadSpec(SPEC);
		const documented = Object.values(spec.paths).flatMap((item) =>
			Object.keys(item as object).filter((key) =>
				['get', 'post', 'put', 'patch', 'delete'].includes(key),
			),
		).length;
		expect(API_OPERATIONS).toHaveLength(documented);
		expect(new Set(API_OPERATIONS.map((operation) => operation.id)).size).toBe(documented);
		const byId = Object.fromEntries(API_OPERATIONS.map((operation) => [operation.id, operation]));
		expect(byId.users_list).toMatchObject({ pagination: 'cursor', response: { kind: 'envelope' } });
		expect(byId.users_published_courses_list).toMatchObject({ pagination: 'array' });
		expect(byId.groups_destroy.response).toEqual({ status: 204, kind: 'empty' });
		const webhook = byId.webhooks_create.body?.fields.find((field) => field.name === 'event_type');
		expect(webhook).toMatchObject({ nullable: true, type: 'string' });
		expect(webhook?.enum).toContain('VILT_EVENT_REGISTRATION');
		const discount = byId.groups_partial_update.body?.fields.find(
			(field) => field.name === 'discount_percent',
		);
		expect(discount).toMatchObject({ type: 'integer', minimum: 0, maximum: 100, nullable: true });
		expect(byId.groups_partial_update.body?.fields.some((field) => field.required)).toBe(false);
	});

	it('holds every API v2 operation once, with its JSON:API shape, scopes and batch caps', () => {
		expect(API_V2_OPERATIONS).toHaveLength(82);
		expect(new Set(API_V2_OPERATIONS.map((operation) => operation.id)).size).toBe(82);
		const v1Ids = new Set(API_OPERATIONS.map((operation) => operation.id));
		expect(API_V2_OPERATIONS.filter((operation) => v1Ids.has(operation.id))).toEqual([]);
		const byId = Object.fromEntries(
			API_V2_OPERATIONS.map((operation) => [operation.id, operation]),
		);
		expect(byId.create_students).toMatchObject({
			method: 'POST',
			path: '/v2/students/',
			scopes: ['students:write'],
			jsonApi: { type: 'students', shared: [], attributes: true, batch: { cap: 200 } },
			response: { kind: 'batch', schema: 'StudentResource' },
		});
		expect(byId.create_lessons.jsonApi?.batch).toEqual({ cap: 100 });
		// Where the document names its cap only as a constant, no number is invented.
		expect(byId.bulk_enroll_students.jsonApi).toEqual({
			type: 'enrollments',
			shared: ['published_course_id', 'expires_at'],
			attributes: true,
			batch: {},
		});
		expect(byId.bulk_enroll_students.body?.fields.map((field) => field.name)).toEqual([
			'published_course_id',
			'expires_at',
			'attributes.email',
		]);
		expect(byId.list_students).toMatchObject({ pagination: 'links', pageSize: true });
		expect(byId.list_students.query.map((field) => field.name)).not.toContain('page[size]');
		expect(byId.list_courses.pagination).toBe('links');
		expect(byId.list_courses.pageSize).toBeUndefined();
		expect(byId.anonymize_student.header).toEqual({
			name: 'X-Confirm-Destructive',
			value: 'true',
		});
		expect(byId.add_group_memberships.idempotent).toBe(true);
		expect(byId.create_students.idempotent).toBeUndefined();
		expect(byId.publish_courses.body?.fields.map((field) => field.name)).toContain(
			'relationships.course.data.id',
		);
		expect(byId.publish_courses.jsonApi?.relationships).toEqual({
			course: 'courses',
			domain: 'domains',
		});
		// A membership entry is `{type, id}` only: Skilljar refuses any other member.
		expect(byId.add_group_memberships.jsonApi?.attributes).toBeUndefined();
		const inactive = byId.update_students.body?.fields.find(
			(field) => field.name === 'attributes.is_inactive',
		);
		expect(inactive).toMatchObject({ type: 'boolean', nullable: true });
	});
});
