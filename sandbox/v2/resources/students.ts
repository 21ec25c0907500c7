// Students: the v1 organisation users (GET /v1/users), read and written through v2.

import { propagateUser } from '../../hooks';
import { userOverview } from '../../records';
import { isRecord, type Item } from '../../store';
import { fail, runBatch } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { errorReply, notFound } from '../errors';
import { listReply } from '../pages';
import { findStudent, studentResource, studentsByEmail, V1_USERS, V2 } from '../views';

const attrs = (item: Record<string, unknown>): Item =>
	isRecord(item.attributes) ? item.attributes : {};

const lower = (v: unknown) => String(v ?? '').toLowerCase();

function list(ctx: V2Context): V2Reply {
	const q = ctx.query;
	const items = ctx.store
		.collection(V1_USERS)
		.map((overview) => studentResource(overview))
		.filter((s) => {
			const a = s.attributes;
			if (q['filter[email]'] != null && lower(a.email) !== lower(q['filter[email]'])) return false;
			if (q['filter[first_name]'] != null && a.first_name !== q['filter[first_name]']) return false;
			if (q['filter[last_name]'] != null && a.last_name !== q['filter[last_name]']) return false;
			if (q['filter[is_inactive]'] != null && a.is_inactive !== q['filter[is_inactive]'])
				return false;
			return true;
		});
	return listReply(ctx, items, (s) => String(s.attributes.date_joined));
}

function read(ctx: V2Context): V2Reply {
	const overview = findStudent(ctx.store, ctx.params.id);
	return overview
		? { status: 200, body: { data: studentResource(overview) } }
		: notFound('Student');
}

/** A new organisation user, exactly as v1 stores one. */
export function addStudent(ctx: V2Context, email: string, first = '', last = ''): Item {
	const user = { id: ctx.store.newId(), email, first_name: first, last_name: last };
	return ctx.store.insert(V1_USERS, userOverview(user, ctx.now), { assignId: false });
}

function create(ctx: V2Context): V2Reply {
	const known = studentsByEmail(ctx.store);
	return runBatch(ctx, {
		dedupe: { key: (item) => lower(attrs(item).email), at: '/attributes/email' },
		run: (item) => {
			const a = attrs(item);
			const email = String(a.email);
			if (known.has(email.toLowerCase())) {
				return fail('duplicate_email', 'A student with this email exists.', '/attributes/email');
			}
			const overview = addStudent(
				ctx,
				email,
				String(a.first_name ?? ''),
				String(a.last_name ?? ''),
			);
			known.set(email.toLowerCase(), overview);
			return { result: studentResource(overview) };
		},
	});
}

function update(ctx: V2Context): V2Reply {
	const byEmail = studentsByEmail(ctx.store);
	return runBatch(ctx, {
		run: (item) => {
			const a = attrs(item);
			const overview =
				typeof item.id === 'string'
					? findStudent(ctx.store, item.id)
					: typeof a.email === 'string'
						? byEmail.get(a.email.toLowerCase())
						: undefined;
			if (!overview || !isRecord(overview.user))
				return fail('not_found', 'No such student.', '/id');
			const user = overview.user;
			if (typeof a.email === 'string' && lower(a.email) !== lower(user.email)) {
				return fail(
					'validation_error',
					'email identifies the student and cannot change.',
					'/attributes/email',
				);
			}
			if (ctx.store.find(V2.anonymized, String(user.id))) {
				return fail('validation_error', 'The student was anonymized.', '/id');
			}
			const inactive = overview.inactive_at !== null && overview.inactive_at !== undefined;
			const changesNames = a.first_name != null || a.last_name != null;
			// An inactive student is reactivated alone; names change in a second request.
			if (inactive && a.is_inactive !== false && changesNames) {
				return fail(
					'validation_error',
					'The student is inactive; reactivate first.',
					'/attributes',
				);
			}
			if (a.is_inactive === true) overview.inactive_at = ctx.now;
			if (a.is_inactive === false) overview.inactive_at = null;
			if (typeof a.first_name === 'string' && a.is_inactive !== false)
				user.first_name = a.first_name;
			if (typeof a.last_name === 'string' && a.is_inactive !== false) user.last_name = a.last_name;
			propagateUser(ctx.store, user);
			return { result: studentResource(overview) };
		},
	});
}

/** DELETE: a soft delete (the student becomes inactive and can be reactivated). */
function deactivate(ctx: V2Context): V2Reply {
	const overview = findStudent(ctx.store, ctx.params.id);
	if (!overview) return notFound('Student');
	if (overview.inactive_at) return errorReply(409, 'conflict', 'The student is already inactive.');
	overview.inactive_at = ctx.now;
	return { status: 204 };
}

/** Irreversible: only with `X-Confirm-Destructive: true`. */
function anonymize(ctx: V2Context): V2Reply {
	const overview = findStudent(ctx.store, ctx.params.id);
	if (!overview || !isRecord(overview.user)) return notFound('Student');
	if (String(ctx.headers['x-confirm-destructive'] ?? '').toLowerCase() !== 'true') {
		return errorReply(
			422,
			'confirmation_required',
			'Anonymizing erases the student for good; send X-Confirm-Destructive: true to confirm.',
			{ source: { header: 'X-Confirm-Destructive' } },
		);
	}
	const user = overview.user;
	Object.assign(user, {
		email: `anonymized-${String(user.id)}@anonymized.invalid`,
		first_name: 'Anonymized',
		last_name: 'User',
	});
	overview.inactive_at = overview.inactive_at ?? ctx.now;
	propagateUser(ctx.store, user);
	if (!ctx.store.find(V2.anonymized, String(user.id)))
		ctx.store.insert(V2.anonymized, { id: user.id });
	return { status: 204 };
}

function passwordGuard(ctx: V2Context): V2Reply | undefined {
	const overview = findStudent(ctx.store, ctx.params.id);
	if (!overview) return notFound('Student');
	if (ctx.store.find(V2.anonymized, ctx.params.id)) {
		return errorReply(409, 'conflict', 'The student was anonymized.');
	}
	return undefined;
}

function sendPasswordReset(ctx: V2Context): V2Reply {
	const guard = passwordGuard(ctx);
	if (guard) return guard;
	const domain = String(ctx.query.domain);
	if (!ctx.store.collection(V2.domains).some((d) => d.name === domain)) {
		return errorReply(422, 'validation_error', `Unknown domain ${domain}.`, {
			source: { parameter: 'domain' },
		});
	}
	return { status: 202, body: { meta: { sent: true } } };
}

function setPassword(ctx: V2Context): V2Reply {
	const guard = passwordGuard(ctx);
	if (guard) return guard;
	const body = ctx.body as { data: { attributes: { password: string } } };
	if (body.data.attributes.password.length < 8) {
		return errorReply(422, 'validation_error', 'The password is shorter than 8 characters.', {
			source: { pointer: '/data/attributes/password' },
		});
	}
	return { status: 204 };
}

export const STUDENT_HANDLERS: Record<string, V2Handler> = {
	list_students: list,
	create_students: create,
	update_students: update,
	get_student: read,
	deactivate_student: deactivate,
	anonymize_student: anonymize,
	send_password_reset: sendPasswordReset,
	set_student_password: setPassword,
};
