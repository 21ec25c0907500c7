// Generic handlers: one per HandlerKind. They work on any collection of the store, with the
// per-collection differences delegated to hooks.ts, so most endpoints need no code of their own.

import { buildEvent, isEventType, pingEvent } from './events';
import { createSignupValuesBulk, HOOKS, nowIso, propagateUser, type HookContext } from './hooks';
import { API_SCHEMAS } from '../nodes/shared/generated/schemas';
import { paginateByCursor, paginateByPage } from './pagination';
import { fillTemplate, type RouteDef } from './routes';
import { overlay, schemaHasId, shapeOf } from './shapes';
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
	/** Refuse unknown and read-only body fields (see validate.ts). */
	strict: boolean;
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
	const fields = ctx.route.body;
	const body = ctx.body === undefined ? {} : ctx.body;
	const errors = validateBody(fields, body, {
		partial,
		strict: ctx.strict,
		readOnly: answerFieldNames(ctx.route.responseSchema),
	});
	if (errors) return { ok: false, reply: { status: 400, body: errors } };
	return { ok: true, body: writableFields(fields, isRecord(body) ? body : {}) };
}

/** Names of the answer schema's top-level fields (what a client may read but not write). */
function answerFieldNames(schema: string | undefined): ReadonlySet<string> | undefined {
	const fields = schema ? API_SCHEMAS[schema]?.fields : undefined;
	return fields ? new Set(fields.map((f) => f.name)) : undefined;
}

function slugify(text: unknown): string {
	return String(text ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** A new record: the answer schema's shape (id, read-only fields), then defaults, then the body. */
function newRecord(ctx: RequestContext, defaults: Item, body: Item): Item {
	const now = nowIso();
	const shaped = shapeOf(ctx.route.responseSchema, {
		newId: () => ctx.store.newId(),
		now,
		sample: false,
	});
	const record = overlay(overlay(shaped, defaults), body);
	if (schemaHasId(ctx.route.responseSchema) || ctx.route.idField === 'id') {
		record.id = ctx.store.newId();
	}
	// A read-only slug is derived from the name, as Skilljar does for tags and pages.
	if (record.slug === '' && !('slug' in body))
		record.slug = slugify(record.name ?? record.page_title);
	return record;
}

function list(ctx: RequestContext): Reply {
	const { route, query } = ctx;
	if (route.path === '/v1/lessons' && !query.get('course_id')) {
		// Observed live: a string, not a list, under `query_params`.
		return { status: 400, body: { query_params: 'Course ID required as a query parameter' } };
	}
	const hooks = HOOKS[route.collection];
	let items = applyFilters(ctx.store.list(listPathOf(ctx)), route, query);
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
	const item = ctx.store.insert(listPath, newRecord(ctx, defaults, checked.body), {
		assignId: false,
	});
	return { status: ctx.route.status, body: clone(item) };
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

/** The one object a singleton path holds (re-enrollment rule, manager access), if any. */
function singleton(ctx: RequestContext): Item | undefined {
	return ctx.store.collection(listPathOf(ctx))[0];
}

function singletonRead(ctx: RequestContext): Reply {
	const item = singleton(ctx);
	return item ? { status: 200, body: clone(item) } : NOT_FOUND;
}

/** POST (or a PUT without a POST twin): create or replace the object. */
function singletonWrite(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const listPath = listPathOf(ctx);
	const hooks = HOOKS[ctx.route.collection];
	const hctx = hookContext(ctx, listPath);
	const previous = singleton(ctx);
	let record: Item;
	if (hooks?.create) {
		const result = hooks.create(hctx, checked.body);
		if ('error' in result) return { status: result.status, body: result.error };
		record = result.item;
	} else {
		record = newRecord(ctx, hooks?.defaults ? hooks.defaults(hctx) : {}, checked.body);
		// Replacing keeps the object's identity.
		if (previous?.id !== undefined) record.id = previous.id;
	}
	ctx.store.collection(listPath).length = 0;
	ctx.store.insert(listPath, record, { assignId: false });
	return { status: ctx.route.status, body: clone(record) };
}

function singletonUpdate(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, true);
	if (!checked.ok) return checked.reply;
	const item = singleton(ctx);
	if (!item) return NOT_FOUND;
	return { status: ctx.route.status, body: clone(deepMerge(item, clone(checked.body))) };
}

function singletonDelete(ctx: RequestContext): Reply {
	const items = ctx.store.collection(listPathOf(ctx));
	if (items.length === 0) return NOT_FOUND;
	items.length = 0;
	return { status: 204 };
}

/** POST /v1/domains/{d}/users/bulk-create: all users validated first, then each one added. */
function bulkCreateUsers(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const users = Array.isArray(checked.body.users) ? checked.body.users.filter(isRecord) : [];
	const hctx = hookContext(ctx, listPathOf(ctx));
	const create = HOOKS[ctx.route.collection]?.create;
	let created = 0;
	for (const { email, first_name: firstName, last_name: lastName, ...rest } of users) {
		const result = create?.(hctx, {
			user: { email, first_name: firstName, last_name: lastName },
			...rest,
		});
		if (result && !('error' in result) && result.status === 201) created++;
	}
	// Skilljar queues the work and answers at once; the sandbox does it synchronously.
	return {
		status: ctx.route.status,
		body: { detail: `Accepted ${users.length} users (${created} new).` },
	};
}

/** GET/PATCH /v1/groups/{id}/email-domain-rules: the group's `rule_email_domains`, edited by add/remove. */
function emailDomainRules(ctx: RequestContext): Reply {
	const group = ctx.store.find('/v1/groups', ctx.params.group_id);
	if (!group) return NOT_FOUND;
	const current = Array.isArray(group.rule_email_domains)
		? group.rule_email_domains.map(String)
		: [];
	if (ctx.route.method === 'GET') return { status: 200, body: { email_domains: current } };
	const checked = checkBody(ctx, true);
	if (!checked.ok) return checked.reply;
	const add = Array.isArray(checked.body.add)
		? checked.body.add.map((d) => String(d).toLowerCase())
		: [];
	const remove = Array.isArray(checked.body.remove)
		? checked.body.remove.map((d) => String(d).toLowerCase())
		: [];
	if (add.length === 0 && remove.length === 0) {
		return {
			status: 400,
			body: { non_field_errors: ['At least one of "add" or "remove" must be provided.'] },
		};
	}
	const next = [...new Set([...current, ...add])].filter((d) => !remove.includes(d));
	group.rule_email_domains = next;
	return { status: 200, body: { add, remove } };
}

function webhookSample(ctx: RequestContext): Reply {
	const type = ctx.route.eventType ?? '';
	if (!isEventType(type)) return NOT_FOUND;
	return { status: 200, body: { results: [buildEvent(ctx.store, type)] } };
}

/** Dispatch a matched, authenticated request. */
export async function handle(ctx: RequestContext): Promise<Reply> {
	// Operations without a request schema take no body; strict mode refuses one that has fields.
	if (!ctx.route.body && ctx.body !== undefined) {
		const checked = checkBody(ctx, true);
		if (!checked.ok) return checked.reply;
	}
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
		case 'singletonRead':
			return singletonRead(ctx);
		case 'singletonWrite':
			return singletonWrite(ctx);
		case 'singletonUpdate':
			return singletonUpdate(ctx);
		case 'singletonDelete':
			return singletonDelete(ctx);
		case 'bulkCreateUsers':
			return bulkCreateUsers(ctx);
		case 'emailDomainRules':
			return emailDomainRules(ctx);
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
