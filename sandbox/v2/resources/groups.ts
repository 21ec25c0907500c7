// Groups, their members and their published-course visibility overrides. Deleting a group is a
// hard delete that takes its memberships and overrides with it; adding or removing members and
// overrides is idempotent. The group is looked up before the envelope is checked, so a missing
// group is a 404 whatever the body.

import type { Item } from '../../store';
import { fail, runBatch, type ItemOutcome } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { notFound } from '../errors';
import { findStudent, V2 } from '../views';
import { PUBLISHED } from './catalog';
import {
	attrsOf,
	createBatch,
	deleteBatch,
	findLive,
	listOf,
	live,
	readOf,
	sameText,
	toResource,
	updateBatch,
	type StoredKind,
} from './stored';

const GROUPS: StoredKind = { type: 'groups', path: V2.groups, label: 'Group' };
const members = (groupId: string): StoredKind => ({
	type: 'memberships',
	path: V2.memberships(groupId),
	label: 'Membership',
});
const overrides = (groupId: string): StoredKind => ({
	type: 'visibility-overrides',
	path: V2.visibility(groupId),
	label: 'Visibility override',
});

function withGroup(handler: (ctx: V2Context, groupId: string) => V2Reply): V2Handler {
	return (ctx) =>
		findLive(ctx, GROUPS, ctx.params.id) ? handler(ctx, ctx.params.id) : notFound('Group');
}

function listGroups(ctx: V2Context): V2Reply {
	const name = ctx.query['filter[name]'];
	const category = ctx.query['filter[category_id]'];
	return listOf(ctx, GROUPS, (g) => {
		if (name != null && !String(g.name).toLowerCase().includes(String(name).toLowerCase()))
			return false;
		return category == null || g.category_id === category;
	});
}

function createGroups(ctx: V2Context): V2Reply {
	return createBatch(
		ctx,
		GROUPS,
		(a) => {
			if (live(ctx, GROUPS).some((g) => sameText(g.name, a.name))) {
				return fail('duplicate_name', 'A group with this name exists.', '/attributes/name');
			}
			return {
				name: a.name,
				rule_email_domains: a.rule_email_domains ?? [],
				send_course_enrollment_email: a.send_course_enrollment_email ?? null,
				category_id: a.category_id ?? null,
				created_at: ctx.now,
				updated_at: ctx.now,
			};
		},
		{ key: (item) => String(attrsOf(item).name).toLowerCase(), at: '/attributes/name' },
	);
}

function updateGroups(ctx: V2Context): V2Reply {
	return updateBatch(
		ctx,
		GROUPS,
		(record, a) => {
			if (
				a.name != null &&
				live(ctx, GROUPS).some((g) => g !== record && sameText(g.name, a.name))
			) {
				return fail('duplicate_name', 'A group with this name exists.', '/attributes/name');
			}
			for (const [key, value] of Object.entries(a)) {
				// A null category clears it; other nulls leave the field unchanged.
				if (value !== null || key === 'category_id') record[key] = value;
			}
			return undefined;
		},
		{ key: (item) => String(item.id), at: '/id' },
	);
}

/** Memberships and overrides of a deleted group go with it. */
function cascadeGroup(ctx: V2Context, group: Item): void {
	ctx.store.collection(V2.memberships(String(group.id))).length = 0;
	ctx.store.collection(V2.visibility(String(group.id))).length = 0;
}

/** A batch over a group's members, each item naming a student by id (first wins on repeats). */
function perMember(
	run: (ctx: V2Context, kind: StoredKind, studentId: string, existing?: Item) => ItemOutcome,
): V2Handler {
	return withGroup((ctx, groupId) => {
		const kind = members(groupId);
		return runBatch(ctx, {
			dedupe: { key: (item) => String(item.id), at: '/id' },
			run: (item) => {
				const studentId = String(item.id);
				return run(
					ctx,
					kind,
					studentId,
					live(ctx, kind).find((m) => m.student_id === studentId),
				);
			},
		});
	});
}

const addMembers = perMember((ctx, kind, studentId, existing) => {
	if (!findStudent(ctx.store, studentId)) return fail('not_found', 'No such student.', '/id');
	const record =
		existing ??
		ctx.store.insert(kind.path, {
			id: ctx.store.newId(),
			student_id: studentId,
			is_manager: false,
			created_at: ctx.now,
		});
	return { result: toResource(kind, record) };
});

// Removing a student who is no member is still "deleted": the operation is idempotent.
const removeMembers = perMember((ctx, kind, studentId, existing) => {
	if (existing) ctx.store.remove(kind.path, String(existing.id));
	return { deleted: studentId };
});

const overrideKey = (item: Record<string, unknown>) => {
	const a = attrsOf(item);
	return `${String(a.published_course_id)}|${String(a.is_visible ?? true)}`;
};

/**
 * A batch over a group's overrides, each item naming one by `(published_course_id, is_visible)`
 * (first wins on repeats); `run` gets the item's values and the override, if there is one.
 */
function perOverride(
	run: (
		ctx: V2Context,
		kind: StoredKind,
		pcId: unknown,
		visible: unknown,
		existing?: Item,
	) => ItemOutcome,
): V2Handler {
	return withGroup((ctx, groupId) => {
		const kind = overrides(groupId);
		return runBatch(ctx, {
			dedupe: { key: overrideKey, at: '/attributes/published_course_id' },
			run: (item) => {
				const a = attrsOf(item);
				const visible = a.is_visible ?? true;
				const existing = live(ctx, kind).find(
					(o) => o.published_course_id === a.published_course_id && o.is_visible === visible,
				);
				return run(ctx, kind, a.published_course_id, visible, existing);
			},
		});
	});
}

const addOverrides = perOverride((ctx, kind, pcId, visible, existing) => {
	if (!findLive(ctx, PUBLISHED, pcId)) {
		return fail('not_found', 'No such published course.', '/attributes/published_course_id');
	}
	const record =
		existing ??
		ctx.store.insert(kind.path, {
			id: ctx.store.newId(),
			published_course_id: pcId,
			is_visible: visible,
			created_at: ctx.now,
			updated_at: ctx.now,
		});
	return { result: toResource(kind, record) };
});

const removeOverrides = perOverride((ctx, kind, pcId, _visible, existing) => {
	if (!existing)
		return fail('not_found', 'No such visibility override.', '/attributes/published_course_id');
	ctx.store.remove(kind.path, String(existing.id));
	return { deleted: String(pcId) };
});

const listOverrides = withGroup((ctx, groupId) => {
	const pc = ctx.query['filter[published_course_id]'];
	const visible = ctx.query['filter[is_visible]'];
	return listOf(ctx, overrides(groupId), (o) => {
		if (pc != null && o.published_course_id !== pc) return false;
		return visible == null || o.is_visible === visible;
	});
});

export const GROUP_HANDLERS: Record<string, V2Handler> = {
	list_groups: listGroups,
	create_groups: createGroups,
	update_groups: updateGroups,
	delete_groups: (ctx) => deleteBatch(ctx, GROUPS, 'hard', (group) => cascadeGroup(ctx, group)),
	get_group: (ctx) => readOf(ctx, GROUPS),
	list_visibility_overrides: listOverrides,
	add_visibility_overrides: addOverrides,
	remove_visibility_overrides: removeOverrides,
	add_group_memberships: addMembers,
	remove_group_memberships: removeMembers,
};
