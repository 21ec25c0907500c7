// Handlers of the operations that are not plain CRUD on a collection (SPECIAL_KINDS in
// routes.ts): item actions, bulk creates, group email-domain rules and webhook helpers.

import { buildEvent, isEventType, pingEvent } from './events';
import { createSignupValuesBulk, HOOKS, propagateUser } from './hooks';
import {
	checkBody,
	findTarget,
	hookContext,
	listPathOf,
	NOT_FOUND,
	type Reply,
	type RequestContext,
} from './request';
import { clone, isRecord } from './store';
import { postJson } from './webhooks';

export function fulfill(ctx: RequestContext): Reply {
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

export function anonymize(ctx: RequestContext): Reply {
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

export function webPackageLessons(ctx: RequestContext): Reply {
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

export function signupFieldsBulk(ctx: RequestContext): Reply {
	const checked = checkBody(ctx, false);
	if (!checked.ok) return checked.reply;
	const result = createSignupValuesBulk(hookContext(ctx, listPathOf(ctx)), checked.body);
	return 'error' in result
		? { status: result.status, body: result.error }
		: { status: result.status, body: result.item };
}

export async function webhookPing(ctx: RequestContext): Promise<Reply> {
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

/** POST /v1/domains/{d}/users/bulk-create: all users validated first, then each one added. */
export function bulkCreateUsers(ctx: RequestContext): Reply {
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
export function emailDomainRules(ctx: RequestContext): Reply {
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

export function webhookSample(ctx: RequestContext): Reply {
	const type = ctx.route.eventType ?? '';
	if (!isEventType(type)) return NOT_FOUND;
	return { status: 200, body: { results: [buildEvent(ctx.store, type)] } };
}
