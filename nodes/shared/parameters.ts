import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { NULL_OPTION, collectionFor } from './collections';
import { fieldDisplayName, fieldParameterName } from './naming';
import { pickedValue } from './pickerValues';
import { showsPicker } from './pickers';
import { strictBoolean } from './strictValues';
import type { SkilljarField, SkilljarOperation } from './types';
import type { SkilljarRequest } from './transport';

/**
 * Reads an operation's parameters for one item and turns them into a request. Every value is
 * checked here, so bad input fails with a message naming the field before anything is sent.
 */
export function readRequest(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	itemIndex: number,
): SkilljarRequest {
	const pathParams: Record<string, string> = {};
	const qs: IDataObject = {};
	const body: IDataObject = {};
	const headers: Record<string, string> = {};
	const collections = new Map<string, IDataObject>();
	const version = this.getNode().typeVersion;

	const fail = (field: SkilljarField, problem: string): never => {
		throw new NodeOperationError(this.getNode(), `${fieldDisplayName(field, version)} ${problem}`, {
			itemIndex,
			description: `Parameter "${fieldParameterName(field)}" (sent to Skilljar as "${field.name}")`,
		});
	};

	for (const field of operation.fields) {
		let raw: unknown;
		if (field.required) {
			// A picker's resource locator ({ mode, value }) is read whole: pickedValue knows its modes.
			raw = this.getNodeParameter(fieldParameterName(field), itemIndex, '', {
				extractValue: !showsPicker(field.picker, version),
			});
		} else {
			const name = collectionFor(operation, field);
			if (!collections.has(name)) {
				collections.set(name, this.getNodeParameter(name, itemIndex, {}) as IDataObject);
			}
			const collection = collections.get(name) as IDataObject;
			if (!(fieldParameterName(field) in collection)) continue;
			raw = collection[fieldParameterName(field)];
		}
		if (showsPicker(field.picker, version)) raw = pickedValue(field, raw, version, fail);
		const value = encodeValue(field, raw, fail);
		if (value === undefined) {
			if (field.required) fail(field, 'is required');
			continue;
		}
		if (field.in === 'path') pathParams[field.name] = String(value);
		else if (field.in === 'query') qs[field.name] = value as IDataObject[string];
		else if (field.in === 'header') headers[field.name] = String(value);
		else setNested(body, field.name, value);
	}

	for (const group of new Set(operation.fields.flatMap((field) => field.oneOf ?? []))) {
		if (body[group] !== undefined) continue;
		const members = operation.fields.filter((field) => field.oneOf === group);
		throw new NodeOperationError(
			this.getNode(),
			`Set ${members.map((field) => fieldDisplayName(field, version)).join(' or ')}`,
			{ itemIndex, description: `Skilljar needs at least one of them to identify the ${group}` },
		);
	}

	const request: SkilljarRequest = {
		method: operation.method,
		path: operation.path,
		pathParams,
		qs,
		answer: operation.answer,
	};
	if (Object.keys(headers).length) request.headers = headers;
	// A composite's non-path fields are its handler's inputs, whatever its first request is; an
	// API v2 bulk delete names its records in a JSON:API body.
	if (
		operation.kind === 'composite' ||
		operation.v2?.jsonApi !== undefined ||
		(operation.method !== 'GET' && operation.method !== 'DELETE')
	)
		request.body = body;
	return request;
}

/** `user.id` = x → `{ user: { id: x } }`. */
function setNested(target: IDataObject, dottedName: string, value: unknown): void {
	const keys = dottedName.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		if (typeof node[key] !== 'object' || node[key] === null) node[key] = {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/** `null` from an expression, the text `null`, or the null option of an options field. */
function isNull(field: SkilljarField, raw: unknown): boolean {
	if (raw === null) return true;
	if (typeof raw !== 'string') return false;
	return field.type === 'options' ? raw === NULL_OPTION : raw.trim() === 'null';
}

/** Plain decimal numbers only: `"0x10"`, `"1e"`, `[5]` or `true` are not numbers a user meant. */
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Checks and converts one value for the wire. Returns undefined for an empty value (left out of
 * the request) and null for a cleared nullable one; calls `fail` with what is wrong otherwise.
 */
export function encodeValue(
	field: SkilljarField,
	raw: unknown,
	fail: (field: SkilljarField, problem: string) => never,
): unknown {
	if (field.nullable && isNull(field, raw)) return null;
	if (isEmpty(raw)) return undefined;
	const value = convert(field, raw, fail);
	checkConstraints(field, value, fail);
	return value;
}

function convert(
	field: SkilljarField,
	raw: unknown,
	fail: (field: SkilljarField, problem: string) => never,
): unknown {
	switch (field.type) {
		case 'number': {
			if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
			const text = typeof raw === 'string' ? raw.trim() : undefined;
			if (text === undefined || !NUMBER_TEXT.test(text)) {
				return fail(field, `must be a number, got ${shown(raw)}`);
			}
			return Number(text);
		}
		case 'boolean': {
			const value = strictBoolean(raw);
			return typeof value === 'string' ? fail(field, value) : value;
		}
		case 'dateTime': {
			const text = dateText(raw);
			if (Number.isNaN(Date.parse(text))) {
				return fail(
					field,
					`must be a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z), got "${text}"`,
				);
			}
			return text;
		}
		case 'options': {
			const text = String(raw);
			if (field.options && !field.options.includes(text)) {
				const listed =
					field.options.length > 12
						? `${field.options.slice(0, 12).join(', ')}, …`
						: field.options.join(', ');
				return fail(field, `must be one of ${listed}; got "${text}"`);
			}
			return text;
		}
		case 'stringList': {
			const list = Array.isArray(raw) ? raw.map((entry) => String(entry)) : String(raw).split(',');
			const cleaned = list.map((entry) => entry.trim()).filter(Boolean);
			return cleaned.length ? cleaned : undefined;
		}
		case 'idList': {
			const ids = Array.isArray(raw) ? raw.map((entry) => String(entry)) : String(raw).split(',');
			const cleaned = ids.map((entry) => entry.trim()).filter(Boolean);
			return cleaned.length ? cleaned.map((id) => ({ id })) : undefined;
		}
		case 'json': {
			if (typeof raw !== 'string') return raw;
			try {
				return JSON.parse(raw) as unknown;
			} catch (error) {
				return fail(field, `is not valid JSON: ${(error as Error).message}`);
			}
		}
		case 'string':
		default: {
			if (typeof raw === 'object') return fail(field, 'must be text, got an object');
			return field.in === 'path' ? String(raw).trim() : String(raw);
		}
	}
}

function shown(raw: unknown): string {
	return Array.isArray(raw) ? `a list (${JSON.stringify(raw)})` : `"${String(raw)}"`;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The OpenAPI document's limits (length, range, format), so Skilljar never has to refuse them. */
function checkConstraints(
	field: SkilljarField,
	value: unknown,
	fail: (field: SkilljarField, problem: string) => never,
): void {
	if (typeof value === 'string') {
		if (field.maxLength !== undefined && value.length > field.maxLength) {
			fail(field, `must be at most ${field.maxLength} characters, got ${value.length}`);
		}
		if (field.format === 'email' && !EMAIL.test(value.trim())) {
			fail(field, `must be an email address, got "${value}"`);
		}
		if (field.format === 'uri' && !isAbsoluteUrl(value.trim())) {
			fail(field, `must be an absolute URL (e.g. https://example.com/page), got "${value}"`);
		}
		if (field.format === 'date-time' && Number.isNaN(Date.parse(value))) {
			fail(field, `must be a date and time (ISO 8601, e.g. 2026-01-31T09:00:00Z), got "${value}"`);
		}
	}
	if (typeof value === 'number') {
		if (field.minimum !== undefined && value < field.minimum) {
			fail(field, `must be at least ${field.minimum}, got ${value}`);
		}
		if (field.maximum !== undefined && value > field.maximum) {
			fail(field, `must be at most ${field.maximum}, got ${value}`);
		}
	}
}

function isAbsoluteUrl(text: string): boolean {
	try {
		return /^[a-z][a-z0-9+.-]*:$/i.test(new URL(text).protocol);
	} catch {
		return false;
	}
}

/** n8n hands dateTime parameters over as strings, or as Luxon/JS dates from expressions. */
function dateText(raw: unknown): string {
	if (raw instanceof Date) return raw.toISOString();
	if (
		typeof raw === 'object' &&
		raw !== null &&
		typeof (raw as { toISO?: unknown }).toISO === 'function'
	) {
		return String((raw as { toISO: () => string }).toISO());
	}
	return String(raw).trim();
}
