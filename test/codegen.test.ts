import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { writeGenerated } from '../tools/codegen/generate';
import { loadSpec } from '../tools/codegen/spec';

const SPEC = resolve(__dirname, '../spec/skilljar-openapi.yml');
const GENERATED = resolve(__dirname, '../nodes/shared/generated');

describe('npm run codegen', () => {
	it('committed generated files equal a fresh regeneration from the OpenAPI document', () => {
		expect(existsSync(SPEC)).toBe(true);
		const temp = mkdtempSync(join(tmpdir(), 'skilljar-codegen-'));
		try {
			writeGenerated(SPEC, temp);
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
});
