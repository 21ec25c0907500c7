// v2 batch writes: one request carries `data: [...]`, each item succeeds or fails on its own.
// 200 when all succeeded, 207 when any failed (each failure with its code and a pointer to the
// offending value), 400 for an empty or over-cap envelope. Schema errors (422) are caught before
// a handler runs; an item's format error (a malformed email) fails that item only.

import type { V2Context, V2Reply } from './context';
import { resolve, type JsonSchema } from './document';
import { errorReply } from './errors';
import type { Resource } from './pages';
import { check, isPlainObject } from './schema';

/** Per-item error codes of the document (BatchItemError). */
export type ItemErrorCode =
	| 'duplicate_email'
	| 'duplicate_in_batch'
	| 'duplicate_name'
	| 'validation_error'
	| 'not_found'
	| 'internal_error'
	| 'not_in_domain'
	| 'already_enrolled'
	| 'already_published';

export interface ItemFailure {
	code: ItemErrorCode;
	detail: string;
	/** Pointer inside the item, e.g. `/attributes/email` (prefixed with `/data/{i}`). */
	at?: string;
}

export type ItemOutcome = { result: Resource } | { deleted: string } | { failure: ItemFailure };

export interface BatchSpec {
	/** Most items one request may carry (default: the operation's cap, capOf). */
	cap?: number;
	/** Key for first-wins duplicate detection (undefined: no detection), and where it points. */
	dedupe?: { key: (item: Record<string, unknown>) => string | undefined; at: string };
	/** Processes one item (already schema-checked); failures stay on their item. */
	run: (item: Record<string, unknown>, index: number) => ItemOutcome;
}

export const fail = (code: ItemErrorCode, detail: string, at?: string): ItemOutcome => ({
	failure: { code, detail, at },
});

/**
 * Batch caps. The document states 200 for creating students and 100 for lessons, quizzes,
 * question banks, questions and bank assignments; where it names only a constant
 * (BATCH_MAX_ITEMS and the like), the sandbox uses the smaller documented cap, 100, so a client
 * that fits the sandbox fits Skilljar.
 */
export const BATCH_CAPS: Readonly<Record<string, number>> = { create_students: 200 };
export const DEFAULT_BATCH_CAP = 100;

export function capOf(operationId: string): number {
	return BATCH_CAPS[operationId] ?? DEFAULT_BATCH_CAP;
}

/** The schema of one entry of the envelope's `data` list. */
function itemSchema(ctx: V2Context): JsonSchema | undefined {
	const body = ctx.operation.body ? resolve(ctx.operation.body) : undefined;
	const data = body?.properties?.data;
	return data ? resolve(data).items : undefined;
}

export function runBatch(ctx: V2Context, spec: BatchSpec): V2Reply {
	const envelope = isPlainObject(ctx.body) ? ctx.body : {};
	const items = Array.isArray(envelope.data) ? envelope.data : [];
	if (items.length === 0) {
		return errorReply(400, 'empty_batch', 'data must contain at least one item.', {
			source: { pointer: '/data' },
		});
	}
	const cap = spec.cap ?? capOf(ctx.operation.operationId);
	if (items.length > cap) {
		return errorReply(
			400,
			'batch_too_large',
			`data carries ${items.length} items; at most ${cap} per request.`,
			{ source: { pointer: '/data' }, meta: { max_items: cap } },
		);
	}
	const schema = itemSchema(ctx);
	const seen = new Set<string>();
	const rows: Array<Record<string, unknown>> = [];
	let failed = 0;
	items.forEach((raw, index) => {
		const item = isPlainObject(raw) ? raw : {};
		const given = typeof item.id === 'string' ? item.id : null;
		const outcome = processItem(item, index, schema, spec, seen);
		if ('failure' in outcome) {
			failed++;
			const { code, detail, at } = outcome.failure;
			rows.push({
				status: 'failed',
				id: given,
				error: { code, detail, source: { pointer: `/data/${index}${at ?? ''}` } },
			});
		} else if ('deleted' in outcome) {
			rows.push({ status: 'deleted', id: outcome.deleted });
		} else {
			rows.push({ status: 'succeeded', id: outcome.result.id, result: outcome.result });
		}
	});
	return {
		status: failed > 0 ? 207 : 200,
		body: {
			data: rows,
			summary: { total: items.length, succeeded: items.length - failed, failed },
		},
	};
}

function processItem(
	item: Record<string, unknown>,
	index: number,
	schema: JsonSchema | undefined,
	spec: BatchSpec,
	seen: Set<string>,
): ItemOutcome {
	// Formats were left out of the request-level check: a malformed value fails its own item.
	const problem = schema ? check(schema, item, '')[0] : undefined;
	if (problem) return fail('validation_error', problem.detail, problem.pointer);
	const key = spec.dedupe?.key(item);
	if (spec.dedupe && key !== undefined) {
		if (seen.has(key)) {
			return fail(
				'duplicate_in_batch',
				'An earlier item of this request has the same value; the first one was processed.',
				spec.dedupe.at,
			);
		}
		seen.add(key);
	}
	try {
		return spec.run(item, index);
	} catch (err) {
		return fail('internal_error', err instanceof Error ? err.message : 'Item failed.');
	}
}
