import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { collectionFor } from './description';
import { fieldDisplayName, fieldParameterName } from './naming';
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
	const collections = new Map<string, IDataObject>();

	const fail = (field: SkilljarField, problem: string): never => {
		throw new NodeOperationError(this.getNode(), `${fieldDisplayName(field)} ${problem}`, {
			itemIndex,
			description: `Parameter "${fieldParameterName(field)}" (sent to Skilljar as "${field.name}")`,
		});
	};

	for (const field of operation.fields) {
		let raw: unknown;
		if (field.required) {
			// extractValue turns a resource locator ({ mode, value }) into its plain value.
			raw = this.getNodeParameter(fieldParameterName(field), itemIndex, '', { extractValue: true });
		} else {
			const name = collectionFor(operation, field);
			if (!collections.has(name)) {
				collections.set(name, this.getNodeParameter(name, itemIndex, {}) as IDataObject);
			}
			const collection = collections.get(name) as IDataObject;
			if (!(fieldParameterName(field) in collection)) continue;
			raw = collection[fieldParameterName(field)];
		}
		const value = encodeValue(field, raw, fail);
		if (value === undefined) {
			if (field.required) fail(field, 'is required');
			continue;
		}
		if (field.in === 'path') pathParams[field.name] = String(value);
		else if (field.in === 'query') qs[field.name] = value as IDataObject[string];
		else setNested(body, field.name, value);
	}

	const request: SkilljarRequest = {
		method: operation.method,
		path: operation.path,
		pathParams,
		qs,
	};
	if (operation.method !== 'GET' && operation.method !== 'DELETE') request.body = body;
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

/**
 * Checks and converts one value for the wire. Returns undefined for an empty value (left out of
 * the request); calls `fail` with what is wrong otherwise.
 */
export function encodeValue(
	field: SkilljarField,
	raw: unknown,
	fail: (field: SkilljarField, problem: string) => never,
): unknown {
	if (isEmpty(raw)) return undefined;
	switch (field.type) {
		case 'number': {
			const number = typeof raw === 'number' ? raw : Number(String(raw).trim());
			if (!Number.isFinite(number)) return fail(field, `must be a number, got "${String(raw)}"`);
			return number;
		}
		case 'boolean': {
			if (typeof raw === 'boolean') return raw;
			const text = String(raw).trim().toLowerCase();
			if (text === 'true') return true;
			if (text === 'false') return false;
			return fail(field, `must be true or false, got "${String(raw)}"`);
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
				const shown =
					field.options.length > 12
						? `${field.options.slice(0, 12).join(', ')}, …`
						: field.options.join(', ');
				return fail(field, `must be one of ${shown}; got "${text}"`);
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
