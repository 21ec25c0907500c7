import type { ApiField, ApiOperation } from './apiFacts';
import type { FieldType, SkilljarField } from './types';

/**
 * Turns an operation's generated facts into editor fields, by one rule set:
 * - path parameters → required text fields (in template order);
 * - query parameters → filters, required where the document says so;
 * - body members: plain values → fields; objects whose members are all plain → one field per
 *   member with a dotted name (`user.id`); arrays of `{id}` → an ID list; arrays of strings or
 *   numbers → a list; anything else (free objects, arrays of objects) → one JSON field.
 * Read-only members are never offered: the API ignores or refuses them.
 */
export function fieldsOf(operation: ApiOperation, asJson: readonly string[] = []): SkilljarField[] {
	const fields: SkilljarField[] = operation.pathParams.map((param) => ({
		name: param.name,
		in: 'path',
		type: 'string',
		required: true,
	}));
	for (const param of operation.query) {
		fields.push(plainField(param, 'query', param.name, param.required === true));
	}
	// A body is required only when creating: PATCH bodies are partial by definition.
	const partial = operation.method === 'PATCH';
	for (const member of operation.body?.fields ?? []) {
		fields.push(...bodyFields(member, member.name, !partial, asJson));
	}
	return fields;
}

function bodyFields(
	member: ApiField,
	name: string,
	requiredHere: boolean,
	asJson: readonly string[],
): SkilljarField[] {
	if (member.readOnly) return [];
	const required = requiredHere && member.required === true;
	if (asJson.includes(name)) return [jsonField(member, name, required)];
	if (member.type === 'object' && member.properties && flattens(member)) {
		const inner = member.properties.flatMap((property) =>
			bodyFields(property, `${name}.${property.name}`, required, asJson),
		);
		// A required object of optional members (e.g. a student by ID or by email) needs one of them.
		if (required && !inner.some((field) => field.required)) {
			return inner.map((field) => ({ ...field, oneOf: name }));
		}
		return inner;
	}
	if (member.type === 'array') {
		const listType = listTypeOf(member);
		if (listType) return [{ ...constraints(member, name, required), in: 'body', type: listType }];
		return [jsonField(member, name, required)];
	}
	if (member.type === 'object' || member.type === 'any') return [jsonField(member, name, required)];
	return [plainField(member, 'body', name, required)];
}

/**
 * An object is spread into dotted fields when every writable member is plain or a simple list.
 * (A nullable object is spread too: its members are what users fill in; an overlay can send it
 * as JSON instead where clearing it matters.)
 */
function flattens(member: ApiField): boolean {
	const writable = (member.properties ?? []).filter((inner) => !inner.readOnly);
	return (
		writable.length > 0 &&
		writable.every(
			(inner) =>
				isPlain(inner) ||
				(inner.type === 'array' && listTypeOf(inner) !== undefined) ||
				(inner.type === 'object' && inner.properties !== undefined && flattens(inner)),
		)
	);
}

function isPlain(field: ApiField): boolean {
	return ['string', 'integer', 'number', 'boolean'].includes(field.type);
}

function listTypeOf(member: ApiField): FieldType | undefined {
	const items = member.items;
	if (!items) return undefined;
	if (['string', 'integer', 'number'].includes(items.type) && !items.enum) return 'stringList';
	const writable = (items.properties ?? []).filter((inner) => !inner.readOnly);
	if (items.type === 'object' && writable.length === 1 && writable[0].name === 'id')
		return 'idList';
	return undefined;
}

function jsonField(member: ApiField, name: string, required: boolean): SkilljarField {
	const field: SkilljarField = { ...constraints(member, name, required), in: 'body', type: 'json' };
	if (member.type === 'array') field.jsonShape = 'list';
	else if (member.type === 'object') field.jsonShape = 'object';
	return field;
}

function plainField(
	member: ApiField,
	where: 'query' | 'body',
	name: string,
	required: boolean,
): SkilljarField {
	const base = { ...constraints(member, name, required), in: where };
	if (member.enum && member.enum.length > 0) {
		const options = member.enum.map(String).filter((value) => value !== '');
		return { ...base, type: 'options', options };
	}
	switch (member.type) {
		case 'integer':
		case 'number':
			return { ...base, type: 'number' };
		case 'boolean':
			return { ...base, type: 'boolean' };
		default:
			return { ...base, type: member.format === 'date-time' ? 'dateTime' : 'string' };
	}
}

/** Name, required, nullable and the checkable constraints, shared by every field kind. */
function constraints(
	member: ApiField,
	name: string,
	required: boolean,
): Omit<SkilljarField, 'in' | 'type'> {
	const field: Omit<SkilljarField, 'in' | 'type'> = { name };
	if (required) field.required = true;
	if (member.nullable) field.nullable = true;
	if (member.deprecated) field.description = 'Skilljar marks this field as deprecated';
	for (const key of ['maxLength', 'minLength', 'minimum', 'maximum', 'format'] as const) {
		if (member[key] !== undefined) (field as Record<string, unknown>)[key] = member[key];
	}
	if (['boolean', 'number', 'string'].includes(typeof member.default)) {
		field.apiDefault = member.default as string | number | boolean;
	}
	return field;
}
