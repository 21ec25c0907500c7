// Query filters of list routes: the documented query parameters of the operation, applied as
// equality on the field of the same name (`__` = nesting), with the few exceptions below.

import type { RouteDef } from './routes';
import { getField, type Item } from './store';

/** Filters that are not plain equality on a field. */
const NON_EQUALITY_FILTERS = new Set([
	'include_searchable_content',
	'include_signup_field_data',
	'signup_field_id',
	'signup_field_label',
	'signup_field_value',
]);

/**
 * Email filters ignore case [inferred]: the document marks the name filters "case sensitive" and
 * says nothing of the kind for email.
 */
const CASELESS_FILTERS = new Set(['email', 'user__email']);

/** Filters whose field in the stored object has another name. */
const FILTER_FIELDS: Record<string, string> = {
	session__lesson__course__id: 'vilt_session.lesson.course_id',
	session__lesson__id: 'vilt_session.lesson.id',
	session__id: 'vilt_session.id',
	access_code: 'access_code.code',
	access_code__pool__id: 'access_code.pool.id',
	label__name: 'labels',
	provider: 'providers',
};

function matchesEquality(item: Item, field: string, wanted: string): boolean {
	let value = getField(item, field);
	if (value === undefined && !field.startsWith('user.')) value = getField(item, `user.${field}`);
	if (Array.isArray(value)) return value.map(String).includes(wanted);
	if (typeof value === 'boolean') return String(value) === wanted.toLowerCase();
	return value !== undefined && value !== null && String(value) === wanted;
}

function fieldKnown(items: Item[], field: string): boolean {
	return items.some(
		(i) => getField(i, field) !== undefined || getField(i, `user.${field}`) !== undefined,
	);
}

/** Apply the route's documented filters; undocumented query params are ignored, as DRF does. */
export function applyFilters(items: Item[], route: RouteDef, query: URLSearchParams): Item[] {
	let result = items;
	for (const { name } of route.query) {
		const wanted = query.get(name);
		if (wanted === null || wanted === '' || NON_EQUALITY_FILTERS.has(name)) continue;
		if (name === 'search') {
			const needle = wanted.toLowerCase();
			result = result.filter((i) => JSON.stringify(i).toLowerCase().includes(needle));
		} else if (name === 'is_inactive') {
			const inactive = wanted.toLowerCase() === 'true';
			result = result.filter((i) => ((getField(i, 'inactive_at') ?? null) !== null) === inactive);
		} else if (name.endsWith('__gte') || name.endsWith('__lte')) {
			const field = name.slice(0, -5);
			const bound = Date.parse(wanted);
			if (Number.isNaN(bound)) continue;
			result = result.filter((i) => {
				const t = Date.parse(String(getField(i, field)));
				return name.endsWith('__gte') ? t >= bound : t <= bound;
			});
		} else {
			const field = FILTER_FIELDS[name] ?? name.replace(/__/g, '.');
			// A documented filter the sandbox's data cannot answer is ignored rather than
			// emptying the list.
			if (!fieldKnown(items, field)) continue;
			const caseless = CASELESS_FILTERS.has(name);
			result = result.filter((i) =>
				caseless
					? String(getField(i, field) ?? getField(i, `user.${field}`) ?? '').toLowerCase() ===
						wanted.toLowerCase()
					: matchesEquality(i, field, wanted),
			);
		}
	}
	return result;
}
