// Sample records for every collection the hand-written demo organisation (seed.ts) leaves
// empty, so that every read / update / delete route of the API has something to act on, and the
// id of one record per collection (SAMPLE_IDS) that tests can address.
//
// A collection's sample lives under its parents' samples: the sample label association of
// `/v1/courses/{course_id}/labels` belongs to the sample course. Records are shaped from the
// generated answer schemas (shapes.ts) with fixed, readable ids (`lab0000000001`).

import { isParam, ROUTES, type RouteDef } from './routes';
import { seed, sid } from './seed';
import { shapeOf } from './shapes';
import { getField, isRecord, Store, type Item } from './store';

/** Fixed time for sample timestamps, so samples are identical on every run. */
const SAMPLE_TIME = '2025-02-01T09:00:00Z';

/** Webhooks get a loopback target and stay inactive, so samples never receive deliveries. */
const SAMPLE_OVERRIDES: Record<string, Item> = {
	'/v1/webhooks': {
		target_url: 'http://127.0.0.1:9/sample-webhook',
		active: false,
		deactivate_reason: 'HTTP_4XX_RESPONSE',
		event_type: null,
		additional_headers: {},
	},
};

/**
 * Association lists link records of another collection: their sample links the other
 * collection's sample (the sample course's label association names the sample label). Keyed by
 * association template, value: the linked collection and, for linked objects, the object field.
 */
const LINKS: Record<string, { from: string; field?: string; pick?: number }> = {
	'/v1/courses/{course_id}/labels': { from: '/v1/labels', field: 'label' },
	'/v1/domains/{domain_name}/published-paths/{published_path_id}/labels': {
		from: '/v1/labels',
		field: 'label',
	},
	'/v1/domains/{domain_name}/catalog-pages/{catalog_page_id}/tags': {
		from: '/v1/tags',
		field: 'tag',
	},
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/tags': {
		from: '/v1/tags',
		field: 'tag',
	},
	'/v1/domains/{domain_name}/published-paths/{published_path_id}/tags': {
		from: '/v1/tags',
		field: 'tag',
	},
	'/v1/domains/{domain_name}/catalog-pages/{catalog_page_id}/visibility-overrides': {
		from: '/v1/groups',
		field: 'student_group',
	},
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/visibility-overrides': {
		from: '/v1/groups',
		field: 'student_group',
	},
	'/v1/domains/{domain_name}/published-paths/{published_path_id}/visibility-overrides': {
		from: '/v1/groups',
		field: 'student_group',
	},
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/student-group-prerequisites': {
		from: '/v1/groups',
		field: 'student_group',
	},
	// A course cannot be its own prerequisite: the second published course is.
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/published-course-prerequisites':
		{ from: '/v1/domains/{domain_name}/published-courses', field: 'published_course', pick: 1 },
	'/v1/license-packages/{license_package_id}/students': { from: '/v1/users', field: 'student' },
	'/v1/quizzes/{quiz_id}/question-banks': { from: '/v1/question-banks' },
	'/v1/quizzes/{quiz_id}/questions': { from: '/v1/quiz-questions' },
	'/v1/question-banks/{question_bank_id}/questions': { from: '/v1/quiz-questions' },
};

/** Kinds that act on one existing record of their collection (or on a singleton). */
const ACTS_ON_RECORD = new Set<RouteDef['kind']>([
	'read',
	'update',
	'delete',
	'singletonRead',
	'singletonUpdate',
	'singletonDelete',
	'fulfill',
	'anonymize',
	'webPackageLessons',
	'webhookPing',
]);

/** Collection templates, parents before children. */
function collections(): string[] {
	const all = new Set<string>();
	for (const route of ROUTES) {
		const segments = route.path.split('/');
		// Every prefix that ends before a path parameter is a collection the parameter names.
		segments.forEach((segment, i) => {
			if (isParam(segment)) all.add(segments.slice(0, i).join('/'));
		});
		if (ACTS_ON_RECORD.has(route.kind)) all.add(route.collection);
	}
	return [...all].sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

function isSingleton(collection: string): boolean {
	return ROUTES.some((r) => r.collection === collection && r.kind.startsWith('singleton'));
}

/** Entry schema of a collection: its item GET's answer, else its list's, else any answer. */
function entrySchema(collection: string): string | undefined {
	const routes = ROUTES.filter((r) => r.collection === collection && r.responseSchema);
	return (
		routes.find((r) => r.kind === 'read' || r.kind === 'singletonRead') ??
		routes.find((r) => r.kind === 'list' || r.kind === 'bareList') ??
		routes[0]
	)?.responseSchema;
}

/** Readable id prefix from a collection's last segment (`classic-page-items` → `cpi`). */
function prefixFor(collection: string, used: Map<string, number>): string {
	const segment = collection.slice(collection.lastIndexOf('/') + 1);
	const words = segment.split(/[-_]/).filter(Boolean);
	const base = (words.length > 1 ? words.map((w) => w[0]).join('') : segment).slice(0, 3);
	const count = (used.get(base) ?? 0) + 1;
	used.set(base, count);
	return count === 1 ? base : `${base.slice(0, 2)}${count}`;
}

function setField(item: Item, dotted: string, value: unknown): void {
	const parts = dotted.split('.');
	let current = item;
	for (const part of parts.slice(0, -1)) {
		if (!isRecord(current[part])) current[part] = {};
		current = current[part] as Item;
	}
	current[parts[parts.length - 1]] = value;
}

/** Concrete list path (store key, not percent-encoded) of a collection under its parents' samples. */
function concretePath(collection: string, ids: Record<string, string>): string | undefined {
	const segments = collection.split('/');
	const out: string[] = [];
	for (let i = 0; i < segments.length; i++) {
		if (!isParam(segments[i])) {
			out.push(segments[i]);
			continue;
		}
		const parentId = ids[segments.slice(0, i).join('/')];
		if (parentId === undefined) return undefined;
		out.push(parentId);
	}
	return out.join('/');
}

function linkedRecord(
	store: Store,
	link: { from: string; pick?: number },
	ids: Record<string, string>,
): Item | undefined {
	const listPath = concretePath(link.from, ids);
	return listPath === undefined ? undefined : store.collection(listPath)[link.pick ?? 0];
}

/** Copy the linked record's fields that the association's object (or record) also has. */
function copyLinked(record: Item, field: string | undefined, linked: Item): void {
	const target = field ? record[field] : record;
	if (!isRecord(target)) return;
	// Users are stored inside an overview (`{user: {...}}`): link the user itself.
	const source = isRecord(linked.user) ? linked.user : linked;
	for (const key of Object.keys(target)) {
		if (source[key] !== undefined && (typeof source[key] !== 'object' || source[key] === null)) {
			target[key] = source[key];
		}
	}
}

function idFieldOf(collection: string): string {
	return ROUTES.find((r) => r.collection === collection)?.idField ?? 'id';
}

/**
 * Add a sample record to every empty collection a route acts on, and answer the id of one
 * record per collection (keyed by collection template).
 */
export function seedSamples(store: Store): Record<string, string> {
	const ids: Record<string, string> = {};
	const used = new Map<string, number>();
	for (const collection of collections()) {
		const listPath = concretePath(collection, ids);
		if (listPath === undefined) continue;
		const idField = idFieldOf(collection);
		const items = store.collection(listPath);
		if (items.length === 0) {
			const link = LINKS[collection];
			const linked = link ? linkedRecord(store, link, ids) : undefined;
			const id = linked
				? String(getField(linked, idFieldOf(link!.from)))
				: sid(prefixFor(collection, used), 1);
			const record: Item = {
				...shapeOf(entrySchema(collection), {
					newId: () => id,
					now: SAMPLE_TIME,
					sample: true,
				}),
				...SAMPLE_OVERRIDES[collection],
			};
			if (linked && link) copyLinked(record, link.field, linked);
			if (!isSingleton(collection)) setField(record, idField, id);
			store.insert(listPath, record, { assignId: false });
		}
		const first = store.collection(listPath)[0];
		const id = isSingleton(collection) ? undefined : getField(first, idField);
		if (id !== undefined && id !== null) ids[collection] = String(id);
	}
	return ids;
}

/** The demo organisation plus samples: what every seeded sandbox starts with. */
export function seedAll(store: Store): Record<string, string> {
	seed(store);
	return seedSamples(store);
}

/**
 * Id of one seeded record per collection template, e.g.
 * `SAMPLE_IDS['/v1/domains/{domain_name}/catalog-pages']`. Parents are the samples of the
 * parent collections, so `samplePath()` builds a path where every level exists.
 */
export const SAMPLE_IDS: Readonly<Record<string, string>> = seedAll(new Store());

/** A route template with every `{param}` filled by the sample id of the collection it names. */
export function samplePath(template: string): string {
	const segments = template.split('/');
	return segments
		.map((segment, i) => {
			if (!isParam(segment)) return segment;
			const id = SAMPLE_IDS[segments.slice(0, i).join('/')];
			if (id === undefined)
				throw new Error(`No sample record for ${segments.slice(0, i).join('/')}`);
			return encodeURIComponent(id);
		})
		.join('/');
}
