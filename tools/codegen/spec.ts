/**
 * Reads Skilljar's OpenAPI document and resolves schemas into plain field trees: `$ref`, `allOf`
 * (merged) and DRF's `oneOf: [SomeEnum, NullEnum/BlankEnum]` (one enum, nullable / blank allowed).
 * Prose (`description`, `title`, `example`) is dropped here: the package writes its own words.
 */
import { readFileSync } from 'fs';
import { load } from 'js-yaml';

import type { ApiField, ApiType } from '../../nodes/shared/apiFacts';

export interface RawSchema {
	$ref?: string;
	allOf?: RawSchema[];
	oneOf?: RawSchema[];
	/** OpenAPI 3.1 (v2): `anyOf: [X, {type: 'null'}]` is a nullable X. */
	anyOf?: RawSchema[];
	/** OpenAPI 3.1 (v2): a single allowed value, e.g. a JSON:API `type`. */
	const?: unknown;
	/** Read only for facts the document states nowhere else (v2 batch caps); never copied. */
	description?: string;
	type?: string;
	format?: string;
	enum?: unknown[];
	nullable?: boolean;
	readOnly?: boolean;
	writeOnly?: boolean;
	deprecated?: boolean;
	pattern?: string;
	maxLength?: number;
	minLength?: number;
	maximum?: number;
	minimum?: number;
	maxItems?: number;
	minItems?: number;
	default?: unknown;
	properties?: Record<string, RawSchema>;
	required?: string[];
	items?: RawSchema;
}

export interface RawParameter {
	name: string;
	in: string;
	required?: boolean;
	schema?: RawSchema;
}

export interface RawOperation {
	operationId: string;
	/** Read only for facts the document states nowhere else (see facts.ts); never copied. */
	description?: string;
	parameters?: RawParameter[];
	requestBody?: { required?: boolean; content: Record<string, { schema: RawSchema }> };
	responses: Record<string, { content?: Record<string, { schema: RawSchema }> }>;
}

export interface RawSpec {
	paths: Record<string, Record<string, RawOperation>>;
	components: { schemas: Record<string, RawSchema> };
}

export function loadSpec(file: string): RawSpec {
	return load(readFileSync(file, 'utf8')) as RawSpec;
}

export function refName(ref: string): string {
	return ref.replace('#/components/schemas/', '');
}

/** Follows `$ref` and a single-entry `allOf`, keeping the outer schema's own flags. */
export function deref(spec: RawSpec, schema: RawSchema): RawSchema {
	if (schema.$ref) return { ...deref(spec, spec.components.schemas[refName(schema.$ref)]) };
	if (schema.allOf) {
		const merged = schema.allOf.reduce<RawSchema>((all, part) => {
			const resolved = deref(spec, part);
			return {
				...all,
				...resolved,
				properties: { ...all.properties, ...resolved.properties },
				required: [...(all.required ?? []), ...(resolved.required ?? [])],
			};
		}, {});
		const own = { ...schema };
		delete own.allOf;
		return { ...merged, ...own };
	}
	if (schema.anyOf) return derefAnyOf(spec, schema, schema.anyOf);
	if (schema.const !== undefined && !schema.enum) {
		const type = typeof schema.const === 'string' ? 'string' : undefined;
		return { type, ...schema, enum: [schema.const] };
	}
	if (schema.oneOf) {
		const parts = schema.oneOf.map((part) => deref(spec, part));
		const values = parts.flatMap((part) => part.enum ?? []);
		const real = parts.find((part) => part.enum === undefined);
		const own = { ...schema };
		delete own.oneOf;
		if (real) return { ...real, ...own };
		const nullable = values.includes(null) || schema.nullable;
		return {
			type: 'string',
			...own,
			enum: values.filter((value) => value !== null),
			...(nullable ? { nullable: true } : {}),
		};
	}
	return schema;
}

/**
 * `anyOf` of one real schema and `{type: 'null'}` is that schema, nullable. Any other `anyOf`
 * (e.g. a batch answer's succeeded-or-failed entry) has no single shape: free JSON.
 */
function derefAnyOf(spec: RawSpec, schema: RawSchema, parts: RawSchema[]): RawSchema {
	const own = { ...schema };
	delete own.anyOf;
	const real = parts.filter((part) => part.type !== 'null');
	const nullable = real.length < parts.length || schema.nullable;
	const base = real.length === 1 ? deref(spec, real[0]) : {};
	return { ...base, ...own, ...(nullable ? { nullable: true } : {}) };
}

const TYPES: readonly string[] = ['string', 'integer', 'number', 'boolean', 'object', 'array'];

/** One schema as an `ApiField`. `seen` stops recursive schemas (they become free objects). */
export function toField(
	spec: RawSpec,
	name: string,
	raw: RawSchema,
	required: boolean,
	seen: readonly string[] = [],
): ApiField {
	const named = raw.$ref ?? raw.allOf?.[0]?.$ref ?? raw.anyOf?.find((part) => part.$ref)?.$ref;
	const ref = named ? refName(named) : '';
	const schema = deref(spec, raw);
	const type: ApiType =
		schema.type && TYPES.includes(schema.type)
			? (schema.type as ApiType)
			: schema.properties
				? 'object'
				: schema.enum
					? 'string'
					: 'any';
	const field: ApiField = { name, type };
	if (required) field.required = true;
	if (schema.nullable || schema.enum?.includes(null)) field.nullable = true;
	if (schema.readOnly) field.readOnly = true;
	if (schema.writeOnly) field.writeOnly = true;
	if (schema.deprecated) field.deprecated = true;
	if (schema.enum) {
		field.enum = schema.enum.filter((value): value is string | number | boolean => value !== null);
	}
	for (const key of [
		'format',
		'pattern',
		'maxLength',
		'minLength',
		'minimum',
		'maximum',
		'minItems',
		'maxItems',
	] as const) {
		if (schema[key] !== undefined) (field as unknown as Record<string, unknown>)[key] = schema[key];
	}
	if (schema.default !== undefined) field.default = schema.default;
	if (type === 'object' && schema.properties && !(ref && seen.includes(ref))) {
		const inner = ref ? [...seen, ref] : seen;
		field.properties = Object.entries(schema.properties).map(([key, value]) =>
			toField(spec, key, value, (schema.required ?? []).includes(key), inner),
		);
	}
	if (type === 'array' && schema.items) {
		field.items = toField(spec, '', schema.items, false, ref ? [...seen, ref] : seen);
	}
	return field;
}
