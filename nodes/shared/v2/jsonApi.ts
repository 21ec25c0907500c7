import type { IDataObject } from 'n8n-workflow';

/**
 * JSON:API records as flat n8n items: `id`, then the attributes, then each relationship as the
 * related record's ID (`course_id`; a to-many one as `course_ids`). A related record the answer
 * `include`d is folded in under the relationship's name (`course: {id, title, …}`). `type` and
 * `links` go: within one action every record has the same type, and links lead back to the API.
 * Pure.
 */

interface Identifier {
	type?: unknown;
	id?: unknown;
}

interface ResourceObject extends Identifier {
	attributes?: Record<string, unknown> | null;
	relationships?: Record<string, { data?: Identifier | Identifier[] | null } | null> | null;
}

/** Records the answer embedded (`included`), by `type/id`, already flat. */
export type IncludedIndex = ReadonlyMap<string, IDataObject>;

const keyOf = (identifier: Identifier): string => `${String(identifier.type)}/${String(identifier.id)}`;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isResourceObject(value: unknown): value is ResourceObject {
	return isObject(value) && 'id' in value && ('attributes' in value || 'type' in value);
}

export function indexIncluded(included: unknown): IncludedIndex {
	const index = new Map<string, IDataObject>();
	if (!Array.isArray(included)) return index;
	for (const record of included) {
		if (isResourceObject(record)) index.set(keyOf(record), flattenResource(record));
	}
	return index;
}

export function flattenResource(record: ResourceObject, included: IncludedIndex = new Map()): IDataObject {
	const flat: IDataObject = { id: record.id as IDataObject[string] };
	for (const [name, value] of Object.entries(record.attributes ?? {})) {
		if (name !== 'id') flat[name] = value as IDataObject[string];
	}
	for (const [name, relationship] of Object.entries(record.relationships ?? {})) {
		const data = relationship?.data;
		if (data === undefined) continue;
		const field = name.replace(/-/g, '_');
		if (Array.isArray(data)) {
			setIfFree(flat, `${field}_ids`, data.map((entry) => entry.id as string));
			const folded = data.flatMap((entry) => included.get(keyOf(entry)) ?? []);
			if (folded.length) setIfFree(flat, field, folded);
		} else {
			setIfFree(flat, `${field}_id`, (data?.id ?? null) as IDataObject[string]);
			const folded = data ? included.get(keyOf(data)) : undefined;
			if (folded) setIfFree(flat, field, folded);
		}
	}
	return flat;
}

/** An attribute of the same name wins: Skilljar's own field is never overwritten. */
function setIfFree(target: IDataObject, key: string, value: IDataObject[string]): void {
	if (!(key in target)) target[key] = value;
}

/**
 * Any v2 answer as items: a document's `data` (one record or a list) flattened with its
 * `included` records; a body without `data` stays one item as it is.
 */
export function itemsOfDocument(body: unknown): IDataObject[] {
	if (!isObject(body) || !('data' in body)) {
		return isObject(body) ? [body as IDataObject] : [];
	}
	const included = indexIncluded(body.included);
	const data = body.data;
	const one = (entry: unknown): IDataObject =>
		isResourceObject(entry)
			? flattenResource(entry, included)
			: isObject(entry)
				? (entry as IDataObject)
				: { value: entry as IDataObject[string] };
	if (Array.isArray(data)) return data.map(one);
	if (data === null || data === undefined) return [];
	return [one(data)];
}
