// How the items of each collection are addressed: the field of a stored item that an id in the
// path is matched against. Most items have an `id`; association lists are addressed by the id of
// the object they link (`/courses/{course_id}/labels/{label_id}` → `label.id`). The rule is
// derived from the entry schema the generated facts give; OVERRIDES holds the exceptions the
// schemas cannot tell.

import type { ApiField } from '../nodes/shared/apiFacts';
import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { API_SCHEMAS } from '../nodes/shared/generated/schemas';

/** Collections whose path id is not derivable from their schema. */
const OVERRIDES: Record<string, string> = {
	// A domain is addressed by its hostname; its `id` is a separate opaque id.
	'/v1/domains': 'name',
	// Instructors have no id of their own: `{id}` in the path is the instructor's email.
	'/v1/ilt-instructors': 'email',
	// Bare-array progress lists (no item route to derive from): keyed by their enrollment.
	'/v1/users/{user_id}/plan-enrollments': 'enrollment_id',
	'/v1/users/{user_id}/published-path-enrollments': 'enrollment_id',
};

function isParam(segment: string): boolean {
	return segment.startsWith('{') && segment.endsWith('}');
}

/** Entry schema fields of a collection: from its item GET, else its list, else any answer. */
function entryFields(collection: string): readonly ApiField[] {
	const candidates = API_OPERATIONS.filter(
		(op) =>
			op.response.schema &&
			(op.path === collection ||
				(op.path.startsWith(`${collection}/`) &&
					op.path.split('/').length === collection.split('/').length + 1 &&
					isParam(op.path.slice(collection.length + 1)))),
	);
	const byPreference =
		candidates.find((op) => op.method === 'GET' && op.path !== collection) ??
		candidates.find((op) => op.method === 'GET') ??
		candidates[0];
	const schema = byPreference?.response.schema;
	return schema ? (API_SCHEMAS[schema]?.fields ?? []) : [];
}

/** Path parameter that addresses an item of the collection, when one exists. */
function itemParam(collection: string): string | undefined {
	for (const op of API_OPERATIONS) {
		if (!op.path.startsWith(`${collection}/`)) continue;
		const segment = op.path.slice(collection.length + 1).split('/')[0];
		if (isParam(segment)) return segment.slice(1, -1);
	}
	return undefined;
}

/**
 * The derivation: a field named like the parameter (`published_course_id`); else an object field
 * the parameter names (`label_id` → `label.id`); else the item's own `id`; else an object field
 * the parameter ends with (`prerequisite_published_course_id` → `published_course.id`); else `id`.
 */
function derive(collection: string): string {
	const param = itemParam(collection);
	const fields = entryFields(collection);
	if (!param) return 'id';
	if (fields.some((f) => f.name === param)) return param;
	const links = fields.filter(
		(f) => f.type === 'object' && f.properties?.some((p) => p.name === 'id'),
	);
	const exact = links.find((f) => param === `${f.name}_id`);
	if (exact) return `${exact.name}.id`;
	// An own `id` beats a looser match (`published_course_id` must not pick `course.id`).
	if (fields.some((f) => f.name === 'id')) return 'id';
	const linked = links.find((f) => param.endsWith(`_${f.name}_id`));
	return linked ? `${linked.name}.id` : 'id';
}

const cache = new Map<string, string>();

/** Id field of a collection template (e.g. `/v1/groups/{group_id}/users` → `user.id`). */
export function idFieldFor(collection: string): string {
	let field = cache.get(collection);
	if (field === undefined) {
		field = OVERRIDES[collection] ?? derive(collection);
		cache.set(collection, field);
	}
	return field;
}
