// Generic handlers: one per HandlerKind. They work on any collection of the store, with the
// per-collection differences delegated to hooks.ts, so most endpoints need no code of their own.

import { buildEvent, isEventType, pingEvent } from './events';
import { createSignupValuesBulk, HOOKS, nowIso, propagateUser, type HookContext } from './hooks';
import { REQUEST_SCHEMAS } from './openapi-extract';
import { paginateByCursor, paginateByPage } from './pagination';
import { fillTemplate, type RouteDef } from './routes';
import { clone, deepMerge, getField, isRecord, type Item, type Store } from './store';
import { validateBody, writableFields } from './validate';
import { deliver, postJson, WEBHOOKS_PATH } from './webhooks';

export interface RequestContext {
	store: Store;
	route: RouteDef;
	params: Record<string, string>;
	query: URLSearchParams;
	body: unknown;
	/** `http://host:port` from the Host header, for absolute pagination links. */
	origin: string;
	pathname: string;
}

export interface Reply {
	status: number;
	/** undefined → no body (204, or the empty 200 of /v1/ping). */
	body?: unknown;
}

export const NOT_FOUND: Reply = { status: 404, body: { detail: 'Not found.' } };

/** Filters that are not plain equality on a field. */
const NON_EQUALITY_FILTERS = new Set([
	'include_searchable_content',
	'include_signup_field_data',
	'signup_field_id',
	'signup_field_label',
	'signup_field_value',
]);

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
function applyFilters(items: Item[], route: RouteDef, query: URLSearchParams): Item[] {
	let result = items;
	for (const name of route.filters) {
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
			result = result.filter((i) => matchesEquality(i, field, wanted));
		}
	}
	return result;
}

function hookContext(ctx: RequestContext, listPath: string): HookContext {
	return { store: ctx.store, params: ctx.params, listPath, now: nowIso() };
}

function listPathOf(ctx: RequestContext): string {
	return fillTemplate(ctx.route.collection, ctx.params);
}

function findTarget(ctx: RequestContext): Item | undefined {
	const { route, params } = ctx;
	if (!route.idParam) return undefined;
	return ctx.store.find(listPathOf(ctx), params[route.idParam], route.idField);
}

/** Validate the body against the route's schema; creates check required fields, updates don't. */
function checkBody(
	ctx: RequestContext,
	partial: boolean,
): { ok: true; body: Item } | { ok: false; reply: Reply } {
	const spec = ctx.route.body ? REQUEST_SCHEMAS[ctx.route.body] : undefined;
	const body = ctx.body === undefined ? {} : ctx.body;
	const errors = validateBody(spec, body, partial);
	if (errors) return { ok: false, reply: { status: 400, body: errors } };
	return { ok: true, body: writableFields(spec, isRecord(body) ? body : {}) };
}

function list(ctx: RequestContext): Reply {
	const { route, query } = ctx;
	if (route.path === '/v1/lessons' && !query.get('course_id')) {
		// Observed live: a string, not a list, under `query_params`.
		return { status: 400, body: { query_params: 'Course ID required as a query parameter' } };
	}
	const hooks = HOOKS[route.collection];
	// The live array, not a copy: the answer is serialised before anything can change it, and
	// copying a 200,000-item collection for every page made large lists quadratic.
	let items = applyFilters(ctx.store.collection(listPathOf(ctx)), route, query);
	if (hooks?.listView) items = items.map(hooks.listView);
	if (route.kind === 'bareList') return { status: 200, body: items };
	const pageReq = { origin: ctx.origin, pathname: ctx.pathname, query };
	// GET /v1/users: cursor by default; `?page=` switches to page numbers (documented).
	const page =
		route.pagination === 'cursor' && !query.has('page')
			? paginateByCursor(items, pageReq)
			: paginateByPage(items, pageReq);
	return { status: page.ok ? 200 : page.status, body: page.body };
}

function read(ctx: RequestContext): Reply {
	const item = findTarget(ctx);
	return item ? { status: 200, body: clone(item) } : NOT_FOUND;
}

function create(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const listPath = listPathOf(ctx);
	const hooks = HOOKS[ctx.route.collection];
	const hctx = hookContext(ctx, listPath);
	if (hooks?.create) {
		const result = hooks.create(hctx, checked.body);
		return 'error' in result
			? { status: result.status, body: result.error }
			: { status: result.status, body: clone(result.item) };
	}
	const defaults = hooks?.defaults ? hooks.defaults(hctx) : {};
	const item = ctx.store.insert(listPath, { id: ctx.store.newId(), ...defaults, ...checked.body });
	return { status: 201, body: clone(item) };
}

function update(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, true);
	if (!checked.ok) return checked.reply;
	const item = findTarget(ctx);
	if (!item) return NOT_FOUND;
	const hooks = HOOKS[ctx.route.collection];
	const answer = hooks?.update
		? hooks.update(hookContext(ctx, listPathOf(ctx)), item, checked.body)
		: deepMerge(item, clone(checked.body));
	return { status: 200, body: clone(answer) };
}

function remove(ctx: RequestContext): Reply {
	const { route, params } = ctx;
	if (!route.idParam) return NOT_FOUND;
	return ctx.store.remove(listPathOf(ctx), params[route.idParam], route.idField)
		? { status: 204 }
		: NOT_FOUND;
}

function fulfill(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const item = findTarget(ctx);
	if (!item) return NOT_FOUND;
	const body = checked.body;
	item.state = body.state;
	if (typeof body.error_msg === 'string') item.status_msg = body.error_msg;
	if (typeof body.payment_processor_order_id === 'string') {
		item.payment_processor_order_id = body.payment_processor_order_id;
	}
	if (typeof body.payment_processor_response_data === 'string') {
		item.payment_processor_response_data = body.payment_processor_response_data;
	}
	return { status: 200, body: { redirect_url: '', purchase: clone(item) } };
}

function anonymize(ctx: RequestContext): Reply {
	const item = findTarget(ctx);
	if (!item || !isRecord(item.user)) return NOT_FOUND;
	const id = String(item.user.id);
	Object.assign(item.user, {
		email: `anonymized-${id}@anonymized.invalid`,
		first_name: 'Anonymized',
		last_name: 'User',
	});
	propagateUser(ctx.store, item.user);
	return { status: 200, body: clone(item) };
}

function webPackageLessons(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const current = findTarget(ctx);
	if (!current) return NOT_FOUND;
	const replacement = String(checked.body.web_package_id);
	if (!ctx.store.find('/v1/web-packages', replacement)) {
		return {
			status: 400,
			body: { web_package_id: [`Invalid pk "${replacement}" - object does not exist.`] },
		};
	}
	let updated = 0;
	for (const lesson of ctx.store.collection('/v1/lessons')) {
		if (lesson.content_web_package_id === current.id) {
			lesson.content_web_package_id = replacement;
			updated++;
		}
	}
	return { status: 200, body: { web_package_id: replacement, updated_lesson_count: updated } };
}

function signupFieldsBulk(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const result = createSignupValuesBulk(hookContext(ctx, listPathOf(ctx)), checked.body);
	return 'error' in result
		? { status: result.status, body: result.error }
		: { status: result.status, body: result.item };
}

async function webhookPing(ctx: RequestContext): Promise<Reply> {
	const webhook = findTarget(ctx);
	if (!webhook) return NOT_FOUND;
	// A ping is not retried and never deactivates the webhook.
	const result = await postJson(String(webhook.target_url), pingEvent(String(webhook.id)), webhook);
	const succeeded = result.status !== null && result.status >= 200 && result.status < 300;
	return {
		status: 200,
		body: {
			succeeded,
			http_status_code: result.status,
			message: succeeded
				? 'OK'
				: (result.error ?? `Receiver answered HTTP ${String(result.status)}`),
		},
	};
}

function webhookSample(ctx: RequestContext): Reply {
	const type = ctx.route.eventType ?? '';
	if (!isEventType(type)) return NOT_FOUND;
	return { status: 200, body: { results: [buildEvent(ctx.store, type)] } };
}

/** Dispatch a matched, authenticated request. */
export async function handle(ctx: RequestContext): Promise<Reply> {
	switch (ctx.route.kind) {
		case 'ping':
			return { status: 200 };
		case 'list':
		case 'bareList':
			return list(ctx);
		case 'read':
			return read(ctx);
		case 'create':
			return create(ctx);
		case 'update':
			return update(ctx);
		case 'delete':
			return remove(ctx);
		case 'fulfill':
			return fulfill(ctx);
		case 'anonymize':
			return anonymize(ctx);
		case 'webPackageLessons':
			return webPackageLessons(ctx);
		case 'signupFieldsBulk':
			return signupFieldsBulk(ctx);
		case 'webhookPing':
			return webhookPing(ctx);
		case 'webhookSample':
			return webhookSample(ctx);
		default:
			return NOT_FOUND;
	}
}

/** Fire an event through every matching webhook (used by deliverEvent and /_sandbox/events). */
export async function fireEvent(store: Store, eventType: string, overrides: Item = {}) {
	if (!isEventType(eventType)) throw new Error(`Unknown event type: ${eventType}`);
	return deliver(store, buildEvent(store, eventType, overrides));
}

export { WEBHOOKS_PATH };
