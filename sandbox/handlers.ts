// Generic handlers: one per HandlerKind. They work on any collection of the store, with the
// per-collection differences delegated to hooks.ts, so most endpoints need no code of their own.
// Special operations live in actions.ts, one-per-parent objects in singletons.ts.

import {
	anonymize,
	bulkCreateUsers,
	emailDomainRules,
	fulfill,
	signupFieldsBulk,
	webhookPing,
	webhookSample,
	webPackageLessons,
} from './actions';
import { buildEvent, isEventType } from './events';
import { applyFilters } from './filters';
import { HOOKS } from './hooks';
import { paginateByCursor, paginateByPage } from './pagination';
import {
	checkBody,
	findTarget,
	hookContext,
	listPathOf,
	newRecord,
	NOT_FOUND,
	type Reply,
	type RequestContext,
} from './request';
import { singletonDelete, singletonRead, singletonUpdate, singletonWrite } from './singletons';
import { clone, deepMerge, type Item, type Store } from './store';
import { deliver, WEBHOOKS_PATH } from './webhooks';

export { NOT_FOUND, type Reply, type RequestContext };

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
	if (!item) return NOT_FOUND;
	const view = HOOKS[ctx.route.collection]?.readView;
	return { status: 200, body: view ? view(clone(item), ctx) : clone(item) };
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
	const item = findTarget(ctx);
	if (!item || !ctx.route.idParam) return NOT_FOUND;
	const listPath = listPathOf(ctx);
	ctx.store.remove(listPath, ctx.params[ctx.route.idParam], ctx.route.idField);
	HOOKS[ctx.route.collection]?.removed?.(hookContext(ctx, listPath), item);
	return { status: 204 };
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
