// Records shaped like Skilljar's answers, built from the generated response schemas: what a
// create stores besides the client's fields (its id and read-only fields), and the sample records
// that give every collection without hand-written seed data something to read, update and delete.

import type { ApiField } from '../nodes/shared/apiFacts';
import { API_SCHEMAS } from '../nodes/shared/generated/schemas';
import { isRecord, type Item } from './store';

export interface ShapeContext {
	/** A fresh id (13 lowercase alphanumerics). */
	newId: () => string;
	/** ISO timestamp used for date-time fields. */
	now: string;
	/** Sample mode fills strings with readable text; create mode leaves them blank. */
	sample: boolean;
}

/** A plausible value for one field of an answer. */
function valueFor(field: ApiField, ctx: ShapeContext, depth: number): unknown {
	if (field.default !== undefined) return field.default;
	if (field.nullable && !ctx.sample) return null;
	if (field.enum && field.enum.length > 0) return field.enum.find((v) => v !== '') ?? field.enum[0];
	switch (field.type) {
		case 'string':
			if (field.name === 'id' || field.name.endsWith('_id')) return ctx.sample ? ctx.newId() : '';
			// Slugs are lowercase words joined by hyphens (live answers, and the patterns that check them).
			if (field.name === 'slug') return ctx.sample ? 'sample' : '';
			if (field.format === 'date-time') return ctx.now;
			if (field.format === 'date') return ctx.now.slice(0, 10);
			if (field.format === 'email') return 'sample.user@example.com';
			if (field.format === 'uri') return 'https://academy.example.com/sample';
			return ctx.sample ? `Sample ${field.name.replace(/_/g, ' ')}` : '';
		case 'integer':
		case 'number':
			return field.minimum ?? (ctx.sample ? 1 : 0);
		case 'boolean':
			return false;
		case 'array':
			return [];
		case 'object':
			if (!field.properties || depth > 3) return ctx.sample || !field.nullable ? {} : null;
			return shapeFields(field.properties, ctx, depth + 1);
		default:
			return null;
	}
}

function shapeFields(fields: readonly ApiField[], ctx: ShapeContext, depth: number): Item {
	const out: Item = {};
	for (const field of fields) {
		if (field.writeOnly) continue;
		out[field.name] = field.name === 'id' ? ctx.newId() : valueFor(field, ctx, depth);
	}
	return out;
}

/** A whole record of the named response schema (`{}` when the document names none). */
export function shapeOf(schema: string | undefined, ctx: ShapeContext): Item {
	const fields = schema ? API_SCHEMAS[schema]?.fields : undefined;
	return fields ? shapeFields(fields, ctx, 0) : {};
}

/** Whether the named response schema has a top-level `id` (so creates generate one). */
export function schemaHasId(schema: string | undefined): boolean {
	return Boolean(schema && API_SCHEMAS[schema]?.fields.some((f) => f.name === 'id'));
}

/**
 * Merge what a client sent over a shaped record: nested objects merge (so `{"user": {"id"}}`
 * keeps the shaped user's other fields), everything else replaces.
 */
export function overlay(base: Item, patch: Item): Item {
	const out: Item = { ...base };
	for (const [key, value] of Object.entries(patch)) {
		out[key] = isRecord(value) && isRecord(base[key]) ? overlay(base[key] as Item, value) : value;
	}
	return out;
}
