// The sandbox's own route table: one entry per (method, path template) it serves.
//
// Deliberately independent of nodes/ and test/: the sandbox is the "server side" and must not
// share code with the client it is used to test, or a wrong path would be wrong in both places
// and go unnoticed.

import { OPERATION_META } from './openapi-extract';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type HandlerKind =
	| 'ping'
	| 'list' // paginated DRF envelope
	| 'bareList' // plain JSON array, no envelope
	| 'create'
	| 'read'
	| 'update' // PUT and PATCH: both partial updates
	| 'delete'
	| 'fulfill'
	| 'anonymize'
	| 'webPackageLessons'
	| 'signupFieldsBulk'
	| 'webhookPing'
	| 'webhookSample';

export interface RouteDef {
	method: HttpMethod;
	/** Path template, e.g. /v1/domains/{domain_name}/users/{user_id} */
	path: string;
	kind: HandlerKind;
	/** List-path template of the collection this route reads or writes. */
	collection: string;
	/** Path parameter naming the target item (item routes only). */
	idParam?: string;
	/** Field of a stored item that the id is matched against (dotted for nested). */
	idField: string;
	pagination: 'page' | 'cursor' | 'none';
	/** Name of the OpenAPI request schema used to validate the body. */
	body?: string;
	/** Documented query filters (equality on the field of the same name, `__` = nesting). */
	filters: string[];
	/** Where the endpoint comes from: the 131 reference operations, or what the trigger needs. */
	source: 'reference' | 'webhooks';
	/** For webhook sample endpoints: the event type returned. */
	eventType?: string;
}

/**
 * Items whose natural key is not a top-level `id`. Skilljar addresses these by the id of a
 * nested or differently named field (a domain user is addressed by its user's id, etc.).
 */
export const ID_FIELDS: Record<string, string> = {
	'/v1/domains': 'name',
	'/v1/domains/{domain_name}/users': 'user.id',
	'/v1/users': 'user.id',
	'/v1/groups/{group_id}/users': 'user.id',
	'/v1/groups/{group_id}/access-code-pools': 'access_code_pool.id',
	'/v1/users/{user_id}/published-courses': 'published_course_id',
	'/v1/users/{user_id}/plan-enrollments': 'enrollment_id',
	'/v1/users/{user_id}/published-path-enrollments': 'enrollment_id',
	'/v1/users/{user_id}/published-courses/{published_course_id}/lessons': 'lesson.id',
	'/v1/domains/{domain_name}/users/{user_id}/signup-fields': 'signup_field.id',
	'/v1/ilt-instructors': 'email',
};

/** GET endpoints that answer with a bare array instead of the list envelope. */
const BARE_LISTS = new Set([
	'/v1/users/{user_id}/published-courses',
	'/v1/users/{user_id}/plan-enrollments',
	'/v1/users/{user_id}/published-path-enrollments',
]);

function lastSegment(path: string): string {
	return path.slice(path.lastIndexOf('/') + 1);
}

function isParam(segment: string): boolean {
	return segment.startsWith('{') && segment.endsWith('}');
}

function route(
	method: HttpMethod,
	path: string,
	kind: HandlerKind,
	extra: Partial<RouteDef> = {},
): RouteDef {
	const itemRoute = isParam(lastSegment(path));
	// Item routes work on their parent list; list/create routes on themselves. Custom actions
	// (`/fulfill`, `/anonymize`, `/lessons`, `/ping`) work on the item they hang off.
	let collection = path;
	let idParam: string | undefined;
	if (itemRoute) {
		collection = path.slice(0, path.lastIndexOf('/'));
		idParam = lastSegment(path).slice(1, -1);
	} else if (['fulfill', 'anonymize', 'webPackageLessons', 'webhookPing'].includes(kind)) {
		const owner = path.slice(0, path.lastIndexOf('/'));
		collection = owner.slice(0, owner.lastIndexOf('/'));
		idParam = lastSegment(owner).slice(1, -1);
	} else if (kind === 'signupFieldsBulk') {
		collection = path.replace(/-bulk$/, '');
	}
	const meta = OPERATION_META[`${method} ${path}`] ?? {};
	let pagination: RouteDef['pagination'] = 'none';
	if (kind === 'list') pagination = path === '/v1/users' ? 'cursor' : 'page';
	return {
		method,
		path,
		kind: kind === 'list' && BARE_LISTS.has(path) ? 'bareList' : kind,
		collection,
		idParam,
		idField: ID_FIELDS[collection] ?? 'id',
		pagination,
		body: meta.body,
		filters: meta.filters ?? [],
		source: 'reference',
		...extra,
	};
}

/** Slugs of the sample-event endpoints, as Skilljar names them. */
export const SAMPLE_SLUGS: Record<string, string> = {
	'course-completion': 'COURSE_COMPLETION',
	'course-enrollment': 'COURSE_ENROLLMENT',
	'dashboard-task-created': 'DASHBOARD_TASK_CREATED',
	'domain-enrollment': 'DOMAIN_ENROLLMENT',
	'lesson-completion': 'LESSON_COMPLETION',
	'path-completion': 'PATH_COMPLETION',
	'path-enrollment': 'PATH_ENROLLMENT',
	'purchase-fulfillment': 'PURCHASE_FULFILLMENT',
	'quiz-completion': 'QUIZ_COMPLETION',
	'vilt-registration': 'VILT_EVENT_REGISTRATION',
};

/** The 131 reference operations (kept in the reference's order). */
export const REFERENCE_ROUTES: RouteDef[] = [
	route('GET', '/v1/assets', 'list'),
	route('POST', '/v1/assets', 'create'),
	route('GET', '/v1/assets/{asset_id}', 'read'),
	route('GET', '/v1/courses', 'list'),
	route('POST', '/v1/courses', 'create'),
	route('PUT', '/v1/courses/{course_id}', 'update'),
	route('PATCH', '/v1/courses/{course_id}', 'update'),
	route('GET', '/v1/domains', 'list'),
	route('GET', '/v1/domains/{domain_name}', 'read'),
	route('PUT', '/v1/domains/{domain_name}', 'update'),
	route('PATCH', '/v1/domains/{domain_name}', 'update'),
	route('GET', '/v1/domains/{domain_name}/access-code-pools', 'list'),
	route('POST', '/v1/domains/{domain_name}/access-code-pools', 'create'),
	route('GET', '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}', 'read'),
	route('PUT', '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}', 'update'),
	route('PATCH', '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}', 'update'),
	route(
		'GET',
		'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes',
		'list',
	),
	route(
		'POST',
		'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes',
		'create',
	),
	route(
		'GET',
		'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes/{access_code_id}',
		'read',
	),
	route(
		'PUT',
		'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes/{access_code_id}',
		'update',
	),
	route(
		'PATCH',
		'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes/{access_code_id}',
		'update',
	),
	route('GET', '/v1/domains/{domain_name}/course-series', 'list'),
	route(
		'GET',
		'/v1/domains/{domain_name}/course-series/{course_series_id}/published-courses',
		'list',
	),
	route('GET', '/v1/domains/{domain_name}/plan', 'list'),
	route('GET', '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments', 'list'),
	route('POST', '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments', 'create'),
	route(
		'GET',
		'/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments/{plan_enrollment_id}',
		'read',
	),
	route(
		'PUT',
		'/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments/{plan_enrollment_id}',
		'update',
	),
	route(
		'PATCH',
		'/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments/{plan_enrollment_id}',
		'update',
	),
	route('GET', '/v1/domains/{domain_name}/published-courses', 'list'),
	route('GET', '/v1/domains/{domain_name}/published-courses/{published_course_id}', 'read'),
	route(
		'GET',
		'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments',
		'list',
	),
	route(
		'POST',
		'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments',
		'create',
	),
	route(
		'GET',
		'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
		'read',
	),
	route(
		'PUT',
		'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
		'update',
	),
	route(
		'PATCH',
		'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
		'update',
	),
	route('GET', '/v1/domains/{domain_name}/published-paths', 'list'),
	route('GET', '/v1/domains/{domain_name}/published-paths/{published_path_id}', 'read'),
	route(
		'GET',
		'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments',
		'list',
	),
	route(
		'POST',
		'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments',
		'create',
	),
	route(
		'GET',
		'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments/{published_path_enrollment_id}',
		'read',
	),
	route(
		'PUT',
		'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments/{published_path_enrollment_id}',
		'update',
	),
	route(
		'PATCH',
		'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments/{published_path_enrollment_id}',
		'update',
	),
	route('GET', '/v1/domains/{domain_name}/signup-fields', 'list'),
	route('GET', '/v1/domains/{domain_name}/users', 'list'),
	route('POST', '/v1/domains/{domain_name}/users', 'create'),
	route('PUT', '/v1/domains/{domain_name}/users/{user_id}', 'update'),
	route('PATCH', '/v1/domains/{domain_name}/users/{user_id}', 'update'),
	route('GET', '/v1/domains/{domain_name}/users/{user_id}/invites', 'list'),
	route('POST', '/v1/domains/{domain_name}/users/{user_id}/invites', 'create'),
	route('GET', '/v1/domains/{domain_name}/users/{user_id}/signup-fields', 'list'),
	route('POST', '/v1/domains/{domain_name}/users/{user_id}/signup-fields', 'create'),
	route('POST', '/v1/domains/{domain_name}/users/{user_id}/signup-fields-bulk', 'signupFieldsBulk'),
	route('GET', '/v1/groups', 'list'),
	route('POST', '/v1/groups', 'create'),
	route('PUT', '/v1/groups/{group_id}', 'update'),
	route('PATCH', '/v1/groups/{group_id}', 'update'),
	route('GET', '/v1/groups/{group_id}/access-code-pools', 'list'),
	route('POST', '/v1/groups/{group_id}/access-code-pools', 'create'),
	route('GET', '/v1/groups/{group_id}/users', 'list'),
	route('POST', '/v1/groups/{group_id}/users', 'create'),
	route('GET', '/v1/ilt-instructors', 'list'),
	route('GET', '/v1/ilt-multi-session-events', 'list'),
	route('POST', '/v1/ilt-multi-session-events', 'create'),
	route('PUT', '/v1/ilt-multi-session-events/{multi_session_event_id}', 'update'),
	route('PATCH', '/v1/ilt-multi-session-events/{multi_session_event_id}', 'update'),
	route('POST', '/v1/ilt-sessions', 'create'),
	route('PUT', '/v1/ilt-sessions/{ilt_session_id}', 'update'),
	route('PUT', '/v1/lesson-progress/{lesson_progress_id}', 'update'),
	route('PATCH', '/v1/lesson-progress/{lesson_progress_id}', 'update'),
	route('GET', '/v1/lessons', 'list'),
	route('POST', '/v1/lessons', 'create'),
	route('PUT', '/v1/lessons/{lesson_id}', 'update'),
	route('PATCH', '/v1/lessons/{lesson_id}', 'update'),
	route('GET', '/v1/lessons/{lesson_id}/content-items', 'list'),
	route('POST', '/v1/lessons/{lesson_id}/content-items', 'create'),
	route('PUT', '/v1/lessons/{lesson_id}/content-items/{lesson_content_item_id}', 'update'),
	route('PATCH', '/v1/lessons/{lesson_id}/content-items/{lesson_content_item_id}', 'update'),
	route('GET', '/v1/offers', 'list'),
	route('GET', '/v1/paths', 'list'),
	route('GET', '/v1/paths/{path_id}/path-items', 'list'),
	route('GET', '/v1/ping', 'ping'),
	route('PUT', '/v1/progresstokens/{progress_token_id}', 'update'),
	route('PATCH', '/v1/progresstokens/{progress_token_id}', 'update'),
	route('GET', '/v1/promo-code-pools', 'list'),
	route('POST', '/v1/promo-code-pools', 'create'),
	route('PUT', '/v1/promo-code-pools/{promo_code_pool_id}', 'update'),
	route('PATCH', '/v1/promo-code-pools/{promo_code_pool_id}', 'update'),
	route('DELETE', '/v1/promo-code-pools/{promo_code_pool_id}', 'delete'),
	route('GET', '/v1/promo-code-pools/{promo_code_pool_id}/offers', 'list'),
	route('POST', '/v1/promo-code-pools/{promo_code_pool_id}/offers', 'create'),
	route('GET', '/v1/promo-codes', 'list'),
	route('POST', '/v1/promo-codes', 'create'),
	route('PUT', '/v1/promo-codes/{promo_code_id}', 'update'),
	route('PATCH', '/v1/promo-codes/{promo_code_id}', 'update'),
	route('GET', '/v1/purchases/{purchase_id}', 'read'),
	route('PUT', '/v1/purchases/{purchase_id}', 'update'),
	route('PATCH', '/v1/purchases/{purchase_id}', 'update'),
	route('POST', '/v1/purchases/{purchase_id}/fulfill', 'fulfill'),
	route('GET', '/v1/question-banks', 'list'),
	route('POST', '/v1/question-banks', 'create'),
	route('POST', '/v1/quiz-questions', 'create'),
	route('GET', '/v1/quizzes', 'list'),
	route('POST', '/v1/quizzes', 'create'),
	route('GET', '/v1/training-credit-codes', 'list'),
	route('POST', '/v1/training-credit-codes', 'create'),
	route('PATCH', '/v1/training-credit-codes/{training_credit_code_id}', 'update'),
	route('GET', '/v1/users', 'list'),
	route('PUT', '/v1/users/{user_id}', 'update'),
	route('PATCH', '/v1/users/{user_id}', 'update'),
	route('POST', '/v1/users/{user_id}/anonymize', 'anonymize'),
	route('GET', '/v1/users/{user_id}/groups', 'list'),
	route('GET', '/v1/users/{user_id}/plan-enrollments', 'bareList'),
	route('GET', '/v1/users/{user_id}/published-courses', 'bareList'),
	route('PUT', '/v1/users/{user_id}/published-courses/{published_course_id}', 'update'),
	route('PATCH', '/v1/users/{user_id}/published-courses/{published_course_id}', 'update'),
	route('GET', '/v1/users/{user_id}/published-courses/{published_course_id}/lessons', 'list'),
	route(
		'PUT',
		'/v1/users/{user_id}/published-courses/{published_course_id}/lessons/{lesson_id}',
		'update',
	),
	route(
		'PATCH',
		'/v1/users/{user_id}/published-courses/{published_course_id}/lessons/{lesson_id}',
		'update',
	),
	route('GET', '/v1/users/{user_id}/published-path-enrollments', 'bareList'),
	route('GET', '/v1/vilt-session-events', 'list'),
	route('GET', '/v1/vilt-session-registrations', 'list'),
	route('POST', '/v1/vilt-session-registrations', 'create'),
	route('PUT', '/v1/vilt-session-registrations/{vilt_session_registration_id}', 'update'),
	route('PATCH', '/v1/vilt-session-registrations/{vilt_session_registration_id}', 'update'),
	route('GET', '/v1/web-packages', 'list'),
	route('POST', '/v1/web-packages', 'create'),
	route('GET', '/v1/web-packages/{web_package_id}', 'read'),
	route('PUT', '/v1/web-packages/{web_package_id}/lessons', 'webPackageLessons'),
	route('GET', '/v1/webhooks', 'list'),
	route('POST', '/v1/webhooks', 'create'),
];

/** Webhook management endpoints the trigger node needs beyond the reference list. */
export const WEBHOOK_ROUTES: RouteDef[] = [
	route('GET', '/v1/webhooks/{webhook_id}', 'read', { source: 'webhooks' }),
	route('PUT', '/v1/webhooks/{webhook_id}', 'update', { source: 'webhooks' }),
	route('PATCH', '/v1/webhooks/{webhook_id}', 'update', { source: 'webhooks' }),
	route('DELETE', '/v1/webhooks/{webhook_id}', 'delete', { source: 'webhooks' }),
	route('POST', '/v1/webhooks/{webhook_id}/ping', 'webhookPing', { source: 'webhooks' }),
	// Sample events (`{"results": [event]}`), used for a trigger's test data.
	...Object.entries(SAMPLE_SLUGS).map(([slug, eventType]) =>
		route('GET', `/v1/webhooks/sample-${slug}`, 'webhookSample', {
			source: 'webhooks',
			eventType,
			collection: '/v1/webhooks',
		}),
	),
];

export const ROUTES: RouteDef[] = [...REFERENCE_ROUTES, ...WEBHOOK_ROUTES];

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

const compiled: CompiledTemplate[] = [];
for (const r of ROUTES) {
	let entry = compiled.find((c) => c.template === r.path);
	if (!entry) {
		const segments = r.path.split('/').slice(1);
		entry = {
			template: r.path,
			segments,
			staticCount: segments.filter((s) => !isParam(s)).length,
			routes: [],
		};
		compiled.push(entry);
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
	for (const entry of compiled) {
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

/** idField of a collection given its concrete list path (e.g. domain users → `user.id`). */
export function idFieldForListPath(listPath: string): string {
	const parts = listPath.split('/');
	for (const [template, field] of Object.entries(ID_FIELDS)) {
		const segments = template.split('/');
		if (
			segments.length === parts.length &&
			segments.every((s, i) => isParam(s) || s === parts[i])
		) {
			return field;
		}
	}
	return 'id';
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
export function parentChecks(route: RouteDef): Array<{ collection: string; param: string }> {
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
