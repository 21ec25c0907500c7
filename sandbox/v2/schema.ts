// A JSON Schema checker for the v2 document's request schemas, answering like Skilljar's v2
// (Pydantic behind it): a list of problems, each with a JSON pointer to the offending value.
//
// Strict like the v1 sandbox: an object property the schema does not declare is refused unless
// the schema allows extra properties, so a misspelled or misplaced field fails a test instead of
// vanishing. Date-times must carry a timezone offset (the document rejects naive ones).

import { resolve, type JsonSchema } from './document';

export interface SchemaProblem {
	/** JSON pointer, e.g. `/data/3/attributes/email`. */
	pointer: string;
	detail: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** ISO 8601 with an explicit offset (Z or ±hh:mm). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isDateTime(value: string): boolean {
	return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

function typeOf(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
	return typeof value;
}

function typeMatches(type: string, value: unknown): boolean {
	const actual = typeOf(value);
	if (type === 'number') return actual === 'number' || actual === 'integer';
	return actual === type;
}

function checkFormat(format: string | undefined, value: string): string | undefined {
	if (format === 'email' && !EMAIL.test(value)) return 'value is not a valid email address';
	if (format === 'date-time' && !isDateTime(value)) {
		return 'value is not an ISO 8601 date-time with a timezone offset';
	}
	return undefined;
}

/**
 * Problems of `value` against `schema`; empty when it conforms. `options.formats` false skips
 * format checks (batch items whose format errors are reported per item, not per request).
 */
export function check(
	schemaIn: JsonSchema,
	value: unknown,
	pointer = '',
	options: { formats?: boolean } = {},
): SchemaProblem[] {
	const schema = resolve(schemaIn);
	if (schema.anyOf) {
		const results = schema.anyOf.map((s) => check(s, value, pointer, options));
		if (results.some((r) => r.length === 0)) return [];
		// The closest alternative speaks (the one whose type matched, if any).
		return results.find((r) => !r.some((p) => p.pointer === pointer)) ?? results[0];
	}
	if (schema.allOf) return schema.allOf.flatMap((s) => check(s, value, pointer, options));
	if (schema.const !== undefined && value !== schema.const) {
		return [{ pointer, detail: `value must be ${JSON.stringify(schema.const)}` }];
	}
	if (schema.type && !typeMatches(schema.type, value)) {
		return [{ pointer, detail: `expected ${schema.type}, got ${typeOf(value)}` }];
	}
	if (schema.enum && !schema.enum.includes(value)) {
		return [{ pointer, detail: `value must be one of ${schema.enum.map(String).join(', ')}` }];
	}
	if (typeof value === 'string') {
		if (schema.maxLength !== undefined && value.length > schema.maxLength) {
			return [{ pointer, detail: `at most ${schema.maxLength} characters` }];
		}
		if (schema.minLength !== undefined && value.length < schema.minLength) {
			return [{ pointer, detail: `at least ${schema.minLength} characters` }];
		}
		const bad = options.formats === false ? undefined : checkFormat(schema.format, value);
		if (bad) return [{ pointer, detail: bad }];
	}
	if (typeof value === 'number') {
		if (schema.minimum !== undefined && value < schema.minimum) {
			return [{ pointer, detail: `must be at least ${schema.minimum}` }];
		}
		if (schema.maximum !== undefined && value > schema.maximum) {
			return [{ pointer, detail: `must be at most ${schema.maximum}` }];
		}
	}
	if (Array.isArray(value) && schema.items) {
		const items = schema.items;
		return value.flatMap((v, i) => check(items, v, `${pointer}/${i}`, options));
	}
	if (isPlainObject(value) && (schema.properties || schema.type === 'object')) {
		return checkObject(schema, value, pointer, options);
	}
	return [];
}

function checkObject(
	schema: JsonSchema,
	value: Record<string, unknown>,
	pointer: string,
	options: { formats?: boolean },
): SchemaProblem[] {
	const problems: SchemaProblem[] = [];
	const properties = schema.properties ?? {};
	for (const name of schema.required ?? []) {
		if (value[name] === undefined)
			problems.push({ pointer: `${pointer}/${name}`, detail: 'field required' });
	}
	for (const [name, v] of Object.entries(value)) {
		const property = properties[name];
		if (property) {
			problems.push(...check(property, v, `${pointer}/${name}`, options));
		} else if (isPlainObject(schema.additionalProperties)) {
			problems.push(...check(schema.additionalProperties, v, `${pointer}/${name}`, options));
		} else if (schema.additionalProperties !== true) {
			problems.push({ pointer: `${pointer}/${name}`, detail: 'extra field not permitted' });
		}
	}
	return problems;
}

/** Parse one query-string value as the parameter's schema type (query values arrive as text). */
export function parseQueryValue(schemaIn: JsonSchema, text: string): unknown {
	const schema = resolve(schemaIn);
	const types = schema.anyOf
		? schema.anyOf.map((s) => resolve(s).type)
		: schema.allOf
			? schema.allOf.map((s) => resolve(s).type)
			: [schema.type];
	if (types.includes('integer') && /^-?\d+$/.test(text)) return Number(text);
	if (types.includes('boolean') && (text === 'true' || text === 'false')) return text === 'true';
	return text;
}
