// Well-formed request bodies built from the generated request schemas, for the sandbox's own
// route tests: every writable field set to a value its constraints accept, and fields that name
// other records pointing at seeded ones (an enrollment's user must be a member of the domain).

import type { ApiField } from '../../nodes/shared/apiFacts';
import { DEMO } from '../../sandbox/seed';
import { SAMPLE_IDS } from '../../sandbox/samples';

/** Dotted body field → a seeded record it must name (`[]` marks a list entry). */
const REFERENCES: Record<string, unknown> = {
	'user.id': DEMO.userIds[14],
	'access_code_pool.id': DEMO.accessCodePoolId,
	'access_code.id': DEMO.accessCodeIds[0],
	'signup_field.id': DEMO.signupFieldIds[0],
	'signup_fields[].id': DEMO.signupFieldIds[1],
	'published_course.id': DEMO.publishedCourseIds[2],
	'student_group.id': DEMO.groupIds[2],
	'label.id': SAMPLE_IDS['/v1/labels'],
	'tag.id': SAMPLE_IDS['/v1/tags'],
	'student.id': DEMO.userIds[3],
	'vilt_session.id': DEMO.viltSessionIds[0],
	promo_code_pool_id: DEMO.promoCodePoolId,
	// POST /v1/promo-code-pools/{id}/offers names the offer by a bare `id`.
	id: DEMO.offerIds[1],
	web_package_id: DEMO.webPackageIds[1],
	domain_id: DEMO.domainId,
	course_id: DEMO.courseIds[0],
	lesson: DEMO.lessonIds[3],
	lesson_id: DEMO.lessonIds[0],
	quiz_id: DEMO.quizIds[0],
	instructor_email: DEMO.iltInstructorEmails[0],
	multi_session_event: DEMO.multiSessionEventId,
	item_published_course_id: DEMO.publishedCourseIds[1],
	group_category_id: SAMPLE_IDS['/v1/group-categories'],
};

let counter = 0;

/** A value the field's constraints accept. `path` is the dotted name used for REFERENCES. */
export function sampleValue(field: ApiField, path: string): unknown {
	if (path in REFERENCES) return REFERENCES[path];
	if (field.enum && field.enum.length > 0) return field.enum.find((v) => v !== '') ?? field.enum[0];
	switch (field.type) {
		case 'string': {
			counter++;
			if (field.format === 'email') return `sample.${counter}@example.com`;
			if (field.format === 'uri') return `https://cdn.example.com/file-${counter}`;
			if (field.format === 'date-time') return '2030-01-01T10:00:00Z';
			if (field.format === 'date') return '2030-01-01';
			// `sample-N` satisfies every slug pattern the document uses.
			const text = field.pattern ? `sample-${counter}` : `s${counter}`;
			return field.maxLength !== undefined ? text.slice(0, field.maxLength) : text;
		}
		case 'integer':
		case 'number':
			return Math.min(Math.max(field.minimum ?? 1, 1), field.maximum ?? Number.MAX_SAFE_INTEGER);
		case 'boolean':
			return true;
		case 'array': {
			const count = Math.max(field.minItems ?? 1, 1);
			const items = field.items;
			if (!items) return ['x'];
			return Array.from({ length: count }, () => sampleValue(items, `${path}[]`));
		}
		case 'object':
			return field.properties ? sampleBody(field.properties, `${path}.`) : { sample: 'value' };
		default:
			return 'value';
	}
}

/** Every writable field of a schema, filled (read-only ones left out, as a client must). */
export function sampleBody(fields: readonly ApiField[], prefix = ''): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const field of fields) {
		if (field.readOnly) continue;
		body[field.name] = sampleValue(field, `${prefix}${field.name}`);
	}
	return body;
}

/** Only the required fields (recursively), for "required field missing" tests. */
export function requiredOnly(fields: readonly ApiField[]): Record<string, unknown> {
	const body: Record<string, unknown> = {};
	for (const field of fields) {
		if (field.required && !field.readOnly) body[field.name] = sampleValue(field, field.name);
	}
	return body;
}
