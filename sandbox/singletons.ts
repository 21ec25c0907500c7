// One-per-parent objects addressed by a fixed last segment instead of an id (a published
// course's re-enrollment rule, a domain user's manager access): stored as a collection of at most
// one item at their own path.

import { HOOKS } from './hooks';
import {
	checkBody,
	hookContext,
	listPathOf,
	newRecord,
	NOT_FOUND,
	type Reply,
	type RequestContext,
} from './request';
import { clone, deepMerge, type Item } from './store';

/** The one object a singleton path holds (re-enrollment rule, manager access), if any. */
function singleton(ctx: RequestContext): Item | undefined {
	return ctx.store.collection(listPathOf(ctx))[0];
}

export function singletonRead(ctx: RequestContext): Reply {
	const item = singleton(ctx);
	return item ? { status: 200, body: clone(item) } : NOT_FOUND;
}

/** POST (or a PUT without a POST twin): create or replace the object. */
export function singletonWrite(ctx: RequestContext): Reply {
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

export function singletonUpdate(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, true);
	if (!checked.ok) return checked.reply;
	const item = singleton(ctx);
	if (!item) return NOT_FOUND;
	return { status: ctx.route.status, body: clone(deepMerge(item, clone(checked.body))) };
}

export function singletonDelete(ctx: RequestContext): Reply {
	const items = ctx.store.collection(listPathOf(ctx));
	if (items.length === 0) return NOT_FOUND;
	items.length = 0;
	return { status: 204 };
}
