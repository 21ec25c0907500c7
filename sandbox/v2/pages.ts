// Cursor pagination of v2 lists: `page[size]` (default 25, 1–100) and an opaque `page[cursor]`
// taken from `links.next`. The cursor names the last record's sort key and id, so records added
// while a client pages through a list appear after what it has read instead of shifting pages.

import type { V2Context, V2Reply } from './context';
import { errorReply } from './errors';

export interface Resource {
	type: string;
	id: string;
	attributes: Record<string, unknown>;
	relationships?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Sort key of a record: its list is ordered by (key, id). */
export type SortKey = (resource: Resource) => string;

/** Order of two (key, id) positions: negative, 0 or positive. */
function compareAt(ka: string, ida: string, kb: string, idb: string): number {
	if (ka !== kb) return ka < kb ? -1 : 1;
	return ida < idb ? -1 : ida > idb ? 1 : 0;
}

const byKey = (key: SortKey) => (a: Resource, b: Resource) => compareAt(key(a), a.id, key(b), b.id);

function encodeCursor(key: string, id: string): string {
	return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | undefined {
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
		if (
			Array.isArray(parsed) &&
			parsed.length === 2 &&
			parsed.every((v) => typeof v === 'string')
		) {
			return [parsed[0] as string, parsed[1] as string];
		}
	} catch {
		// Falls through to the 400.
	}
	return undefined;
}

function link(ctx: V2Context, cursor: string | null): string {
	const params = new URLSearchParams(ctx.rawQuery);
	if (cursor === null) params.delete('page[cursor]');
	else params.set('page[cursor]', cursor);
	const qs = params.toString();
	return `${ctx.origin}${ctx.pathname}${qs ? `?${qs}` : ''}`;
}

/** Whether the operation declares cursor pagination (five lists answer everything at once). */
function paginated(ctx: V2Context): boolean {
	return ctx.operation.parameters.some((p) => p.name === 'page[size]');
}

/**
 * A list answer (PaginatedListResponse): the page of `items` after the cursor, ordered by
 * `key` then id, with `links.next`, `has_more` and `next_cursor`; `included` when given.
 */
export function listReply(
	ctx: V2Context,
	items: Resource[],
	key: SortKey,
	include?: (page: Resource[]) => Resource[] | undefined,
): V2Reply {
	const order = byKey(key);
	const sorted = [...items].sort(ctx.newestFirst ? (a, b) => order(b, a) : order);
	let page = sorted;
	let next: string | null = null;
	const raw = ctx.query['page[cursor]'];
	const size = typeof ctx.query['page[size]'] === 'number' ? ctx.query['page[size]'] : 25;
	if (paginated(ctx)) {
		let start = 0;
		if (typeof raw === 'string' && raw !== '') {
			const after = decodeCursor(raw);
			if (!after) {
				return errorReply(400, 'invalid_cursor', 'page[cursor] is not a cursor this list issued.', {
					source: { parameter: 'page[cursor]' },
				});
			}
			const [afterKey, afterId] = after;
			// The first record past the cursor's in the list's order (either way round).
			start = sorted.findIndex((r) => {
				const side = compareAt(key(r), r.id, afterKey, afterId);
				return ctx.newestFirst ? side < 0 : side > 0;
			});
			if (start < 0) start = sorted.length;
		}
		page = sorted.slice(start, start + size);
		if (start + size < sorted.length) {
			const last = page[page.length - 1];
			next = encodeCursor(key(last), last.id);
		}
	}
	const body: Record<string, unknown> = {
		data: page,
		links: {
			self: link(ctx, typeof raw === 'string' ? raw : null),
			next: next === null ? null : link(ctx, next),
			prev: null,
		},
		meta: paginated(ctx) ? { page_size: size } : { count: page.length },
		has_more: next !== null,
		next_cursor: next,
	};
	const included = include?.(page);
	if (included) body.included = included;
	return { status: 200, body };
}
