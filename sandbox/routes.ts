// The sandbox's route table: one entry per (method, path template) of Skilljar's OpenAPI document,
// built from the generated facts layer (nodes/shared/generated/, written by `npm run codegen`).
//
// The facts say what each operation accepts and answers; this file only adds what they lack:
// which handler serves an operation (SPECIAL_KINDS for the few that are not plain CRUD) and how
// each collection's items are addressed (id-fields.ts). Everything else is derived.

import type { ApiField, ApiOperation } from '../nodes/shared/apiFacts';
import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { idFieldFor } from './id-fields';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HandlerKind =
	| 'ping'
	| 'list' // paginated DRF envelope
	| 'bareList' // plain JSON array, no envelope
	| 'create'
	| 'read'
	| 'update' // PUT and PATCH on an item: both partial updates
	| 'delete'
	// A one-per-parent object addressed by a fixed last segment (re-enrollment rule, manager access).
	| 'singletonRead'
	| 'singletonWrite' // POST/PUT: create or replace
	| 'singletonUpdate' // PATCH (and PUT where a POST exists): partial, 404 when absent
	| 'singletonDelete'
	| 'fulfill'
	| 'anonymize'
	| 'webPackageLessons'
	| 'signupFieldsBulk'
	| 'bulkCreateUsers'
	| 'emailDomainRules'
	| 'webhookPing'
	| 'webhookSample';

export interface RouteDef {
	method: HttpMethod;
	/** Path template, e.g. /v1/domains/{domain_name}/users/{user_id} */
	path: string;
	kind: HandlerKind;
	/** List-path template of the collection this route reads or writes. */
	collection: string;
	/** Path parameter naming the target item (item routes and actions on an item). */
	idParam?: string;
	/** Field of a stored item that the id is matched against (dotted for nested). */
	idField: string;
	pagination: 'page' | 'cursor' | 'none';
	/** Request-body fields from the generated facts (read-only ones included, flagged). */
	body?: readonly ApiField[];
	/** Whether the document requires a body. */
	bodyRequired: boolean;
	/** Documented query parameters (pagination ones excluded). */
	query: readonly ApiField[];
	/** Success status the document gives. */
	status: number;
	/** Name of the answer's schema (for lists: each entry's), when the document names one. */
	responseSchema?: string;
	/** For webhook sample endpoints: the event type returned. */
	eventType?: string;
	/** The generated operation this route serves. */
	operationId: string;
}

/** Operations that are not plain CRUD on a collection, by `METHOD path`. */
const SPECIAL_KINDS: Record<string, HandlerKind> = {
	'GET /v1/ping': 'ping',
	'POST /v1/purchases/{purchase_id}/fulfill': 'fulfill',
	'POST /v1/users/{user_id}/anonymize': 'anonymize',
	'PUT /v1/web-packages/{web_package_id}/lessons': 'webPackageLessons',
	'POST /v1/domains/{domain_name}/users/{user_id}/signup-fields-bulk': 'signupFieldsBulk',
	'POST /v1/domains/{domain_name}/users/bulk-create': 'bulkCreateUsers',
	'GET /v1/groups/{group_id}/email-domain-rules': 'emailDomainRules',
	'PATCH /v1/groups/{group_id}/email-domain-rules': 'emailDomainRules',
	'POST /v1/webhooks/{webhook_id}/ping': 'webhookPing',
};

/** Actions hang off an item (`/v1/purchases/{id}/fulfill`): they work on that item's collection. */
const ITEM_ACTIONS = new Set<HandlerKind>([
	'fulfill',
	'anonymize',
	'webPackageLessons',
	'webhookPing',
]);

const SAMPLE_PREFIX = '/v1/webhooks/sample-';

/** Slug of a sample endpoint → event type (`vilt-registration` is VILT_EVENT_REGISTRATION). */
export function sampleEventType(slug: string): string {
	return slug === 'vilt-registration'
		? 'VILT_EVENT_REGISTRATION'
		: slug.replace(/-/g, '_').toUpperCase();
}

export function isParam(segment: string): boolean {
	return segment.startsWith('{') && segment.endsWith('}');
}

function lastSegment(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

function parentPath(path: string): string {
	return path.slice(0, path.lastIndexOf('/'));
}

/** Which handler serves an operation: the special table, else its method and path shape. */
function kindOf(op: ApiOperation, hasPostTwin: boolean): HandlerKind {
	const special = SPECIAL_KINDS[`${op.method} ${op.path}`];
	if (special) return special;
	if (op.method === 'GET' && op.path.startsWith(SAMPLE_PREFIX)) return 'webhookSample';
	const onItem = isParam(lastSegment(op.path));
	switch (op.method) {
		case 'GET':
			if (onItem) return 'read';
			if (op.response.kind === 'envelope') return 'list';
			if (op.response.kind === 'array') return 'bareList';
			return 'singletonRead';
		case 'POST':
			return onItem ? 'singletonWrite' : op.response.status === 201 ? 'create' : 'singletonWrite';
		case 'PUT':
			if (onItem) return 'update';
			return hasPostTwin ? 'singletonUpdate' : 'singletonWrite';
		case 'PATCH':
			return onItem ? 'update' : 'singletonUpdate';
		case 'DELETE':
			return onItem ? 'delete' : 'singletonDelete';
	}
}

function toRoute(op: ApiOperation, operations: readonly ApiOperation[]): RouteDef {
	const hasPostTwin = operations.some((o) => o.path === op.path && o.method === 'POST');
	const kind = kindOf(op, hasPostTwin);
	// Item routes work on their parent list; list/create routes and singletons on themselves.
	let collection = op.path;
	let idParam: string | undefined;
	if (isParam(lastSegment(op.path))) {
		collection = parentPath(op.path);
		idParam = lastSegment(op.path).slice(1, -1);
	} else if (ITEM_ACTIONS.has(kind)) {
		const owner = parentPath(op.path);
		collection = parentPath(owner);
		idParam = lastSegment(owner).slice(1, -1);
	} else if (kind === 'signupFieldsBulk') {
		collection = op.path.replace(/-bulk$/, '');
	} else if (kind === 'bulkCreateUsers') {
		collection = parentPath(op.path);
	} else if (kind === 'webhookSample') {
		collection = parentPath(op.path);
	}
	let pagination: RouteDef['pagination'] = 'none';
	if (kind === 'list') pagination = op.pagination === 'cursor' ? 'cursor' : 'page';
	return {
		method: op.method,
		path: op.path,
		kind,
		collection,
		idParam,
		idField: idFieldFor(collection),
		pagination,
		body: op.body?.fields,
		bodyRequired: op.body?.required ?? false,
		query: op.query,
		status: op.response.status,
		responseSchema: op.response.schema,
		eventType:
			kind === 'webhookSample' ? sampleEventType(op.path.slice(SAMPLE_PREFIX.length)) : undefined,
		operationId: op.id,
	};
}

/** Every operation of the document, as a sandbox route. */
export const ROUTES: readonly RouteDef[] = API_OPERATIONS.map((op) => toRoute(op, API_OPERATIONS));

export interface RouteMatch {
	/** The template that matched the path (regardless of method). */
	template: string;
	params: Record<string, string>;
	/** The route for the request's method, or undefined (→ 405). */
	route?: RouteDef;
	/** Methods allowed on the template, for the 405 `Allow` header. */
	allowed: HttpMethod[];
}

interface CompiledTemplate {
	template: string;
	segments: string[];
	staticCount: number;
	routes: RouteDef[];
}

const compiled = new Map<string, CompiledTemplate>();
for (const r of ROUTES) {
	let entry = compiled.get(r.path);
	if (!entry) {
		const segments = r.path.split('/').slice(1);
		entry = {
			template: r.path,
			segments,
			staticCount: segments.filter((s) => !isParam(s)).length,
			routes: [],
		};
		compiled.set(r.path, entry);
	}
	entry.routes.push(r);
}

/**
 * Match a raw (still percent-encoded) pathname. Each `{param}` matches exactly one segment and is
 * decoded afterwards, so an id containing an encoded `/` can never select another endpoint.
 * When several templates match, the one with more literal segments wins
 * (`/v1/webhooks/sample-course-completion` beats `/v1/webhooks/{webhook_id}`).
 */
export function matchRoute(method: string, pathname: string): RouteMatch | undefined {
	const parts = pathname.split('/').slice(1);
	let best: { entry: CompiledTemplate; params: Record<string, string> } | undefined;
	for (const entry of compiled.values()) {
		if (entry.segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let ok = true;
		for (let i = 0; i < parts.length && ok; i++) {
			const seg = entry.segments[i];
			if (isParam(seg)) {
				let value: string;
				try {
					value = decodeURIComponent(parts[i]);
				} catch {
					ok = false;
					break;
				}
				if (value === '') ok = false;
				params[seg.slice(1, -1)] = value;
			} else if (seg !== parts[i]) {
				ok = false;
			}
		}
		if (ok && (!best || entry.staticCount > best.entry.staticCount)) best = { entry, params };
	}
	if (!best) return undefined;
	return {
		template: best.entry.template,
		params: best.params,
		route: best.entry.routes.find((r) => r.method === method),
		allowed: best.entry.routes.map((r) => r.method),
	};
}

/** Collection template whose shape matches a concrete list path (`/v1/domains/x/users`). */
export function templateForListPath(listPath: string): string | undefined {
	const parts = listPath.split('/');
	for (const r of ROUTES) {
		const segments = r.collection.split('/');
		if (
			segments.length === parts.length &&
			segments.every((s, i) => isParam(s) || s === parts[i])
		) {
			return r.collection;
		}
	}
	return undefined;
}

/** idField of a collection given its concrete list path (e.g. domain users → `user.id`). */
export function idFieldForListPath(listPath: string): string {
	const template = templateForListPath(listPath);
	return template ? idFieldFor(template) : 'id';
}

/** Fill a template's `{param}`s from a params map (used for concrete collection keys). */
export function fillTemplate(template: string, params: Record<string, string>): string {
	return template.replace(/\{([^}]+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/**
 * Parent checks for a route: every path parameter except the route's own target id names an
 * object that must exist (unknown domain, published course, user... → 404). Returns
 * [collection template, param name] pairs, outermost first.
 */
export function parentChecks(route: {
	path: string;
	idParam?: string;
}): Array<{ collection: string; param: string }> {
	const checks: Array<{ collection: string; param: string }> = [];
	const segments = route.path.split('/');
	for (let i = 1; i < segments.length; i++) {
		if (!isParam(segments[i])) continue;
		const param = segments[i].slice(1, -1);
		if (param === route.idParam) continue;
		checks.push({ collection: segments.slice(0, i).join('/'), param });
	}
	return checks;
}
