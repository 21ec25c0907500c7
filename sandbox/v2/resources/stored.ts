// The shared engine for records v2 keeps in its own collections: list, read, and batch create,
// update and delete with the document's per-item outcomes. Each resource module supplies only
// what differs (filters, defaults, cascades).

import { isRecord, type Item } from '../../store';
import { fail, runBatch, type BatchSpec, type ItemOutcome } from '../batch';
import type { V2Context, V2Reply } from '../context';
import { notFound } from '../errors';
import { listReply, type Resource, type SortKey } from '../pages';

export interface StoredKind {
	/** JSON:API type. */
	type: string;
	/** Store collection. */
	path: string;
	/** What a user calls one record, for 404 details. */
	label: string;
	/** Stored fields that are not attributes (links to other records, soft-delete marks). */
	hidden?: readonly string[];
	/** Relationships of a record, when its resource has any. */
	relationships?: (record: Item) => Item;
}

const ALWAYS_HIDDEN = ['id', 'deleted_at'];

export const attrsOf = (item: Record<string, unknown>): Item =>
	isRecord(item.attributes) ? item.attributes : {};

export function toResource(kind: StoredKind, record: Item): Resource {
	const attributes: Item = {};
	for (const [key, value] of Object.entries(record)) {
		if (!ALWAYS_HIDDEN.includes(key) && !kind.hidden?.includes(key)) attributes[key] = value;
	}
	const resource: Resource = { type: kind.type, id: String(record.id), attributes };
	if (kind.relationships) resource.relationships = kind.relationships(record);
	return resource;
}

/** Live records: soft-deleted ones are gone for every reader. */
export function live(ctx: V2Context, kind: StoredKind): Item[] {
	return ctx.store.collection(kind.path).filter((r) => !r.deleted_at);
}

export function findLive(ctx: V2Context, kind: StoredKind, id: unknown): Item | undefined {
	const record = ctx.store.find(kind.path, String(id));
	return record && !record.deleted_at ? record : undefined;
}

export function listOf(
	ctx: V2Context,
	kind: StoredKind,
	keep: (record: Item) => boolean = () => true,
	key: SortKey = (r) => String(r.attributes.created_at ?? ''),
): V2Reply {
	const items = live(ctx, kind)
		.filter(keep)
		.map((r) => toResource(kind, r));
	return listReply(ctx, items, key);
}

export function readOf(ctx: V2Context, kind: StoredKind, param = 'id'): V2Reply {
	const record = findLive(ctx, kind, ctx.params[param]);
	return record ? { status: 200, body: { data: toResource(kind, record) } } : notFound(kind.label);
}

/** Case-insensitive equality, as the document's name and title filters match. */
export const sameText = (a: unknown, b: unknown) =>
	String(a ?? '').toLowerCase() === String(b ?? '').toLowerCase();

export function updatedSince(record: Item, since: unknown): boolean {
	return since == null || Date.parse(String(record.modified_at)) >= Date.parse(String(since));
}

/** Batch create: `build` turns an item's attributes into a record (or fails the item). */
export function createBatch(
	ctx: V2Context,
	kind: StoredKind,
	build: (attributes: Item, item: Record<string, unknown>) => Item | ItemOutcome,
	dedupe?: BatchSpec['dedupe'],
): V2Reply {
	return runBatch(ctx, {
		dedupe,
		run: (item) => {
			const built = build(attrsOf(item), item);
			if ('failure' in built || 'result' in built || 'deleted' in built)
				return built as ItemOutcome;
			const record = ctx.store.insert(kind.path, {
				id: ctx.store.newId(),
				...built,
			});
			return { result: toResource(kind, record) };
		},
	});
}

/** Batch update by each item's `id`: `apply` changes the record (or fails the item). */
export function updateBatch(
	ctx: V2Context,
	kind: StoredKind,
	apply: (record: Item, attributes: Item) => ItemOutcome | void,
	dedupe?: BatchSpec['dedupe'],
): V2Reply {
	return runBatch(ctx, {
		dedupe,
		run: (item) => {
			const record = findLive(ctx, kind, item.id);
			if (!record) return fail('not_found', `No such ${kind.label.toLowerCase()}.`, '/id');
			const outcome = apply(record, attrsOf(item));
			if (outcome) return outcome;
			if ('modified_at' in record) record.modified_at = ctx.now;
			if ('updated_at' in record) record.updated_at = ctx.now;
			return { result: toResource(kind, record) };
		},
	});
}

/** Copy the attributes the client sent onto the record. */
export function assign(record: Item, attributes: Item): void {
	for (const [key, value] of Object.entries(attributes)) record[key] = value;
}

/**
 * Batch delete by each item's `id` (first wins on repeated ids). `soft` keeps the record with a
 * deletion mark (Skilljar's soft delete: gone for readers); otherwise it is removed.
 */
export function deleteBatch(
	ctx: V2Context,
	kind: StoredKind,
	mode: 'soft' | 'hard',
	cascade: (record: Item) => void = () => undefined,
): V2Reply {
	return runBatch(ctx, {
		dedupe: { key: (item) => String(item.id), at: '/id' },
		run: (item) => {
			const record = findLive(ctx, kind, item.id);
			if (!record) return fail('not_found', `No such ${kind.label.toLowerCase()}.`, '/id');
			cascade(record);
			if (mode === 'soft') record.deleted_at = ctx.now;
			else ctx.store.remove(kind.path, String(record.id));
			return { deleted: String(item.id) };
		},
	});
}
