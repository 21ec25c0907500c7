// What every handler works with: the request context, the reply, and the steps most handlers
// share (finding the collection and target item, validating the body, shaping a new record).

import { API_SCHEMAS } from '../nodes/shared/generated/schemas';
import { nowIso, type HookContext } from './hooks';
import { fillTemplate, type RouteDef } from './routes';
import { overlay, schemaHasId, shapeOf } from './shapes';
import { isRecord, type Item, type Store } from './store';
import { validateBody, writableFields } from './validate';

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
	/** A signed link to an asset's file on the sandbox's file host (files.ts). */
	signDownload?: (assetId: string, fileName: string) => string;
}

export interface Reply {
	status: number;
	/** undefined → no body (204, or the empty 200 of /v1/ping). */
	body?: unknown;
}

export const NOT_FOUND: Reply = { status: 404, body: { detail: 'Not found.' } };

export function hookContext(ctx: RequestContext, listPath: string): HookContext {
	return { store: ctx.store, params: ctx.params, listPath, now: nowIso() };
}

export function listPathOf(ctx: RequestContext): string {
	return fillTemplate(ctx.route.collection, ctx.params);
}

export function findTarget(ctx: RequestContext): Item | undefined {
	const { route, params } = ctx;
	if (!route.idParam) return undefined;
	return ctx.store.find(listPathOf(ctx), params[route.idParam], route.idField);
}

/** Validate the body against the route's schema; creates check required fields, updates don't. */
export function checkBody(
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
export function newRecord(ctx: RequestContext, defaults: Item, body: Item): Item {
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
