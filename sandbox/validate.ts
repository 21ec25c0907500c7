// Request-body validation against the compact OpenAPI schemas, producing Django REST
// Framework-style field errors (`{"title": ["This field is required."]}`,
// `{"user": {"id": ["This field is required."]}}`), so clients see the same 400s as live.
//
// Deliberately stricter than DRF on one point: DRF also accepts "true"/"1" strings for booleans
// and "5" for integers; the sandbox only accepts real JSON booleans/integers, so a client that
// sends the wrong JSON type is caught here instead of silently working by luck.

import type { FieldSpec } from './openapi-extract';
import { isRecord } from './store';

export type FieldErrors = Record<string, unknown>;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** Validate one value; returns DRF error payload (list of messages or nested map) or undefined. */
function validateValue(spec: FieldSpec, value: unknown, partial: boolean): unknown {
	if (value === null) {
		return spec.n ? undefined : ['This field may not be null.'];
	}
	switch (spec.t) {
		case 'boolean':
			if (typeof value !== 'boolean') return ['Must be a valid boolean.'];
			break;
		case 'integer':
			if (typeof value !== 'number' || !Number.isInteger(value)) {
				return ['A valid integer is required.'];
			}
			break;
		case 'number':
			if (typeof value !== 'number') return ['A valid number is required.'];
			break;
		case 'string':
			if (typeof value !== 'string') return ['Not a valid string.'];
			if (value === '' && spec.r) return ['This field may not be blank.'];
			if (spec.max !== undefined && value.length > spec.max) {
				return [`Ensure this field has no more than ${spec.max} characters.`];
			}
			if (value !== '' && spec.f === 'email' && !EMAIL.test(value)) {
				return ['Enter a valid email address.'];
			}
			if (value !== '' && spec.f === 'uri' && !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value)) {
				return ['Enter a valid URL.'];
			}
			if (spec.f === 'date-time' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value)))) {
				return [
					'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].',
				];
			}
			break;
		case 'array': {
			if (!Array.isArray(value)) {
				return [`Expected a list of items but got type "${jsonTypeName(value)}".`];
			}
			if (spec.i) {
				const itemErrors = value.map((v) => validateValue(spec.i as FieldSpec, v, false) ?? {});
				if (itemErrors.some((e) => !isRecord(e) || Object.keys(e).length > 0)) return itemErrors;
			}
			break;
		}
		case 'object':
			if (spec.p) {
				if (!isRecord(value)) {
					return {
						non_field_errors: [
							`Invalid data. Expected a dictionary, but got ${jsonTypeName(value)}.`,
						],
					};
				}
				const nested = validateObject(spec, value, partial);
				if (nested) return nested;
			}
			break;
		default:
			break;
	}
	if (spec.e && spec.e.length > 0 && !spec.e.includes(value as string)) {
		return [`"${String(value)}" is not a valid choice.`];
	}
	return undefined;
}

/** Validate an object body. `partial` (PUT/PATCH: both partial here) skips required checks. */
export function validateObject(
	spec: FieldSpec,
	body: Record<string, unknown>,
	partial: boolean,
): FieldErrors | undefined {
	const errors: FieldErrors = {};
	for (const [name, fieldSpec] of Object.entries(spec.p ?? {})) {
		const value = body[name];
		if (value === undefined) {
			if (fieldSpec.r && !partial) errors[name] = ['This field is required.'];
			continue;
		}
		const error = validateValue(fieldSpec, value, partial);
		if (error !== undefined) errors[name] = error;
	}
	return Object.keys(errors).length > 0 ? errors : undefined;
}

/** Validate a whole request body; a non-object body gets DRF's non_field_errors answer. */
export function validateBody(
	spec: FieldSpec | undefined,
	body: unknown,
	partial: boolean,
): FieldErrors | undefined {
	if (!spec) return undefined;
	if (!isRecord(body)) {
		return {
			non_field_errors: [`Invalid data. Expected a dictionary, but got ${jsonTypeName(body)}.`],
		};
	}
	return validateObject(spec, body, partial);
}

/** Keep only the fields a schema allows a client to write (drops read-only and unknown ones). */
export function writableFields(spec: FieldSpec | undefined, body: Record<string, unknown>) {
	if (!spec?.p) return { ...body };
	const out: Record<string, unknown> = {};
	for (const name of Object.keys(spec.p)) {
		if (body[name] !== undefined) out[name] = body[name];
	}
	return out;
}
