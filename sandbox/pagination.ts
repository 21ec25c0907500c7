// DRF-style pagination: page numbers for most lists, an opaque cursor for GET /v1/users.
// `next`/`previous` are absolute URLs built from the request's Host header and keep every other
// query parameter, exactly like DRF's `request.build_absolute_uri()` based links.

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export type PageResult =
	| { ok: true; body: Record<string, unknown> }
	| { ok: false; status: number; body: Record<string, unknown> };

export interface PageRequest {
	/** `http://host:port` taken from the request's Host header. */
	origin: string;
	pathname: string;
	query: URLSearchParams;
}

function pageSize(query: URLSearchParams): number {
	const raw = query.get('page_size');
	if (raw === null || !/^\d+$/.test(raw)) return DEFAULT_PAGE_SIZE;
	const n = Number(raw);
	if (n <= 0) return DEFAULT_PAGE_SIZE;
	return Math.min(n, MAX_PAGE_SIZE);
}

function link(req: PageRequest, set: Record<string, string | null>): string {
	const params = new URLSearchParams(req.query);
	for (const [key, value] of Object.entries(set)) {
		if (value === null) params.delete(key);
		else params.set(key, value);
	}
	const qs = params.toString();
	return `${req.origin}${req.pathname}${qs ? `?${qs}` : ''}`;
}

/** Page-number pagination (`page`, `page_size`); a page past the end is a 404, as in DRF. */
export function paginateByPage<T>(items: T[], req: PageRequest): PageResult {
	const size = pageSize(req.query);
	const rawPage = req.query.get('page');
	const lastPage = Math.max(1, Math.ceil(items.length / size));
	let page = 1;
	if (rawPage !== null) {
		if (rawPage === 'last') page = lastPage;
		else if (/^\d+$/.test(rawPage)) page = Number(rawPage);
		else page = NaN;
	}
	if (!Number.isInteger(page) || page < 1 || page > lastPage) {
		return { ok: false, status: 404, body: { detail: 'Invalid page.' } };
	}
	const start = (page - 1) * size;
	return {
		ok: true,
		body: {
			count: items.length,
			next: page < lastPage ? link(req, { page: String(page + 1) }) : null,
			// DRF drops `page` altogether when linking back to the first page.
			previous: page > 1 ? link(req, { page: page === 2 ? null : String(page - 1) }) : null,
			results: items.slice(start, start + size),
		},
	};
}

function encodeCursor(offset: number): string {
	return Buffer.from(`o=${offset}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string): number | undefined {
	const text = Buffer.from(cursor, 'base64').toString('utf8');
	const match = /^o=(\d+)$/.exec(text);
	return match ? Number(match[1]) : undefined;
}

/**
 * Cursor pagination (GET /v1/users). Like DRF's CursorPagination the envelope has no `count`;
 * clients must follow `next` until it is null. The cursor is opaque to clients.
 */
export function paginateByCursor<T>(items: T[], req: PageRequest): PageResult {
	const size = pageSize(req.query);
	const rawCursor = req.query.get('cursor');
	let offset = 0;
	if (rawCursor !== null) {
		const decoded = decodeCursor(rawCursor);
		if (decoded === undefined || decoded > items.length) {
			return { ok: false, status: 404, body: { detail: 'Invalid cursor' } };
		}
		offset = decoded;
	}
	const end = offset + size;
	let previous: string | null = null;
	if (offset > 0) {
		const prevOffset = Math.max(0, offset - size);
		previous = link(req, { cursor: prevOffset === 0 ? null : encodeCursor(prevOffset) });
	}
	return {
		ok: true,
		body: {
			next: end < items.length ? link(req, { cursor: encodeCursor(end) }) : null,
			previous,
			results: items.slice(offset, end),
		},
	};
}
