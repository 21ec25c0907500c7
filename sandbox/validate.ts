// Request-body validation against the generated request schemas, producing Django REST
// Framework-style field errors (`{"title": ["This field is required."]}`,
// `{"user": {"id": ["This field is required."]}}`), so clients see the same 400s as live.
//
// Deliberately stricter than DRF on two points, because the sandbox exists to catch client bugs:
// - DRF also accepts "true"/"1" strings for booleans and "5" for integers; the sandbox only
//   accepts real JSON booleans/integers, so a client sending the wrong JSON type fails here.
// - In strict mode (the default) a body field the schema lacks, or a read-only one, is refused:
//   DRF silently drops both, which would hide a misspelled or misplaced field in a client.

import type { ApiField } from '../nodes/shared/apiFacts';
import { isRecord } from './store';

export type FieldErrors = Record<string, unknown>;

export interface ValidateOptions {
	/** Skip required checks (PUT/PATCH on an item are partial updates). */
	partial: boolean;
	/** Refuse fields the schema lacks and read-only fields instead of dropping them. */
	strict: boolean;
	/**
	 * Top-level fields of the answer that a request may not set (request schemas leave them out,
	 * so without this a read-only field would be reported as unknown).
	 */
	readOnly?: ReadonlySet<string>;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URI = /^[a-z][a-z0-9+.-]*:\/\/\S+$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const UNKNOWN_FIELD =
	'Unknown field: the request schema has no such field (strict sandbox; Skilljar would ignore it).';
export const READ_ONLY_FIELD =
	'Read-only field: Skilljar ignores it in requests (strict sandbox refuses it).';

function jsonTypeName(value: unknown): string {
	if (Array.isArray(value)) return 'list';
	if (value === null) return 'NoneType';
	switch (typeof value) {
		case 'string':
			return 'str';
		case 'boolean':
			return 'bool';
		case 'number':
			return Number.isInteger(value) ? 'int' : 'float';
		default:
			return 'dict';
	}
}

function checkString(field: ApiField, value: string): string[] | undefined {
	if (value === '' && (field.minLength ?? 0) > 0) return ['This field may not be blank.'];
	if (field.maxLength !== undefined && value.length > field.maxLength) {
		return [`Ensure this field has no more than ${field.maxLength} characters.`];
	}
	if (field.minLength !== undefined && value.length < field.minLength) {
		return [`Ensure this field has at least ${field.minLength} characters.`];
	}
	if (value === '') return undefined;
	switch (field.format) {
		case 'email':
			return EMAIL.test(value) ? undefined : ['Enter a valid email address.'];
		case 'uri':
			return URI.test(value) ? undefined : ['Enter a valid URL.'];
		case 'uuid':
			return UUID.test(value) ? undefined : ['Must be a valid UUID.'];
		case 'date':
			return DATE.test(value) && !Number.isNaN(Date.parse(value))
				? undefined
				: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'];
		case 'date-time':
			return DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
				? undefined
				: [
						'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
					];
		default:
			break;
	}
	if (field.pattern !== undefined && !new RegExp(field.pattern).test(value)) {
		return ['This value does not match the required pattern.'];
	}
	return undefined;
}

function checkNumber(field: ApiField, value: number): string[] | undefined {
	if (field.minimum !== undefined && value < field.minimum) {
		return [`Ensure this value is greater than or equal to ${field.minimum}.`];
	}
	if (field.maximum !== undefined && value > field.maximum) {
		return [`Ensure this value is less than or equal to ${field.maximum}.`];
	}
	return undefined;
}

/** Validate one value; returns a DRF error payload (list of messages or nested map) or undefined. */
function validateValue(field: ApiField, value: unknown, options: ValidateOptions): unknown {
	if (value === null) return field.nullable ? undefined : ['This field may not be null.'];
	let error: unknown;
	switch (field.type) {
		case 'boolean':
			if (typeof value !== 'boolean') return ['Must be a valid boolean.'];
			break;
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				return ['A valid integer is required.'];
			}
			error = checkNumber(field, value);
			break;
		case 'number':
			if (typeof value !== 'number') return ['A valid number is required.'];
			error = checkNumber(field, value);
			break;
		case 'string':
			if (typeof value !== 'string') return ['Not a valid string.'];
			error = checkString(field, value);
			break;
		case 'array': {
			if (!Array.isArray(value)) {
				return [`Expected a list of items but got type "${jsonTypeName(value)}".`];
			}
			if (field.minItems !== undefined && value.length < field.minItems) {
				return [
					value.length === 0
						? 'This list may not be empty.'
						: `Ensure this field has at least ${field.minItems} elements.`,
				];
			}
			if (field.maxItems !== undefined && value.length > field.maxItems) {
				return [`Ensure this field has no more than ${field.maxItems} elements.`];
			}
			const items = field.items;
			if (items) {
				// Entries of a list are whole objects even in a partial update.
				const entryOptions = { ...options, partial: false };
				const itemErrors = value.map((v) => validateValue(items, v, entryOptions) ?? {});
				if (itemErrors.some((e) => !isRecord(e) || Object.keys(e).length > 0)) return itemErrors;
			}
			break;
		}
		case 'object':
			if (!isRecord(value)) {
				return {
					non_field_errors: [
						`Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
					],
				};
			}
			// An object without declared properties is free JSON (e.g. additional_headers).
			if (field.properties) error = validateFields(field.properties, value, options);
			break;
		default:
			break;
	}
	if (error !== undefined) return error;
	if (field.enum && field.enum.length > 0 && !field.enum.includes(value as string)) {
		return [`"${String(value)}" is not a valid choice.`];
	}
	return undefined;
}

/** Validate an object's properties; returns DRF field errors or undefined. */
export function validateFields(
	fields: readonly ApiField[],
	body: Record<string, unknown>,
	options: ValidateOptions,
): FieldErrors | undefined {
	const errors: FieldErrors = {};
	const known = new Map(fields.map((f) => [f.name, f]));
	if (options.strict) {
		for (const name of Object.keys(body)) {
			const field = known.get(name);
			if (field?.readOnly || (!field && options.readOnly?.has(name))) {
				errors[name] = [READ_ONLY_FIELD];
			} else if (!field) {
				errors[name] = [UNKNOWN_FIELD];
			}
		}
	}
	// Read-only names apply to the top level only; nested objects have their own answers.
	const nested = { ...options, readOnly: undefined };
	for (const field of fields) {
		if (field.readOnly || errors[field.name] !== undefined) continue;
		const value = body[field.name];
		if (value === undefined) {
			if (field.required && !options.partial) errors[field.name] = ['This field is required.'];
			continue;
		}
		const error = validateValue(field, value, nested);
		if (error !== undefined) errors[field.name] = error;
	}
	return Object.keys(errors).length > 0 ? errors : undefined;
}

/** Validate a whole request body; a non-object body gets DRF's non_field_errors answer. */
export function validateBody(
	fields: readonly ApiField[] | undefined,
	body: unknown,
	options: ValidateOptions,
): FieldErrors | undefined {
	if (!fields) {
		// An operation without a body schema accepts none; strict mode says so.
		if (options.strict && isRecord(body) && Object.keys(body).length > 0) {
			return Object.fromEntries(Object.keys(body).map((name) => [name, [UNKNOWN_FIELD]]));
		}
		return undefined;
	}
	if (!isRecord(body)) {
		return {
			non_field_errors: [`Invalid data. Expected a dictionary, but got ${jsonTypeName(body)}.`],
		};
	}
	return validateFields(fields, body, options);
}

/** Keep only the fields a client may write, recursively (drops read-only and unknown ones). */
export function writableFields(
	fields: readonly ApiField[] | undefined,
	body: Record<string, unknown>,
): Record<string, unknown> {
	if (!fields) return {};
	const out: Record<string, unknown> = {};
	for (const field of fields) {
		const value = body[field.name];
		if (value === undefined || field.readOnly) continue;
		out[field.name] =
			field.type === 'object' && field.properties && isRecord(value)
				? writableFields(field.properties, value)
				: value;
	}
	return out;
}
