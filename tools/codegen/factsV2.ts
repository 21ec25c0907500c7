/**
 * Turns Skilljar's API v2 document (OpenAPI 3.1, JSON:API) into the same facts format as v1
 * (nodes/shared/apiFacts.ts), plus what v2 adds: scopes, the JSON:API shape of request bodies,
 * batch caps, idempotent writes and required headers.
 *
 * A JSON:API body is described field by field where each value goes inside one `data` entry:
 * `id`, `attributes.<name>`, `relationships.<name>.data.id`; members beside `data` (shared by all
 * entries of one request) keep their plain names and are listed in `jsonApi.shared`. The engine
 * reads one entry per input item and wraps the entries; no field of the document is hand-copied.
 */
import type {
	ApiField,
	ApiJsonApiBody,
	ApiMethod,
	ApiOperation,
	ApiResponseKind,
} from '../../nodes/shared/apiFacts';
import { eachOperation, successAnswer } from './facts';
import { deref, refName, toField, type RawOperation, type RawSchema, type RawSpec } from './spec';

/** Query parameters the transport owns: never user fields. */
const PAGING = new Set(['page[size]', 'page[cursor]']);

interface RawV2Operation extends RawOperation {
	'x-required-scope'?: string[];
}

export function extractV2Operations(spec: RawSpec): ApiOperation[] {
	return eachOperation(spec, extractOperation);
}

function extractOperation(
	spec: RawSpec,
	path: string,
	method: ApiMethod,
	raw: RawV2Operation,
): ApiOperation {
	const parameters = raw.parameters ?? [];
	const templateOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
	const pathParams = templateOrder.map((name) => {
		const declared = parameters.find((entry) => entry.in === 'path' && entry.name === name);
		return declared
			? toField(spec, name, declared.schema ?? {}, true)
			: ({ name, type: 'string', required: true } as ApiField);
	});
	// A filter left empty is simply not sent: "null" is no value a user types into a filter.
	const query = parameters
		.filter((entry) => entry.in === 'query' && !PAGING.has(entry.name))
		.map((entry) => {
			const field = toField(spec, entry.name, entry.schema ?? {}, entry.required === true);
			delete field.nullable;
			return field;
		});
	const operation: ApiOperation = {
		id: raw.operationId,
		method,
		path,
		pathParams,
		query,
		response: extractResponse(spec, raw),
	};
	const body = raw.requestBody?.content?.['application/json']?.schema;
	if (body) {
		const envelope = deref(spec, body);
		const schema = body.$ref ? refName(body.$ref) : '';
		const data = envelope.properties?.data;
		if (data) {
			const { fields, jsonApi } = jsonApiBody(spec, envelope, data, raw);
			operation.body = { schema, required: raw.requestBody?.required === true, fields };
			operation.jsonApi = jsonApi;
		} else {
			const required = envelope.required ?? [];
			operation.body = {
				schema,
				required: raw.requestBody?.required === true,
				fields: Object.entries(envelope.properties ?? {}).map(([name, member]) =>
					toField(spec, name, member, required.includes(name)),
				),
			};
		}
	}
	const kind = operation.response.kind;
	if (method === 'GET' && kind === 'resources') {
		operation.pagination = 'links';
		if (parameters.some((entry) => entry.name === 'page[size]')) operation.pageSize = true;
	}
	const scopes = raw['x-required-scope'];
	if (scopes?.length) operation.scopes = [...scopes];
	const text = raw.description ?? '';
	// Facts the document states only in its descriptions (read, never copied).
	if (method !== 'GET' && /\bidempotent/i.test(text)) operation.idempotent = true;
	const header = /Requires the ([A-Za-z-]+): (\S+?) header/.exec(text);
	if (header) operation.header = { name: header[1], value: header[2] };
	return operation;
}

/** The fields of one `data` entry (dotted by where they go) and the envelope's shape. */
function jsonApiBody(
	spec: RawSpec,
	envelope: RawSchema,
	dataSchema: RawSchema,
	raw: RawV2Operation,
): { fields: ApiField[]; jsonApi: ApiJsonApiBody } {
	const data = deref(spec, dataSchema);
	const isList = data.type === 'array';
	const entry = deref(spec, isList ? (data.items ?? {}) : data);
	const members = entry.properties ?? {};
	const entryRequired = entry.required ?? [];
	const envelopeRequired = envelope.required ?? [];
	const fields: ApiField[] = [];
	const shared: string[] = [];
	for (const [name, member] of Object.entries(envelope.properties ?? {})) {
		if (name === 'data') continue;
		shared.push(name);
		fields.push(toField(spec, name, member, envelopeRequired.includes(name)));
	}
	const type = String(deref(spec, members.type ?? {}).enum?.[0] ?? '');
	if (members.id) fields.push(toField(spec, 'id', members.id, entryRequired.includes('id')));
	const relationships: Record<string, string> = {};
	for (const part of ['attributes', 'relationships'] as const) {
		const schema = members[part];
		if (!schema) continue;
		const resolved = deref(spec, schema);
		const required = resolved.required ?? [];
		for (const [name, member] of Object.entries(resolved.properties ?? {})) {
			const field = toField(spec, name, member, required.includes(name));
			if (part === 'relationships') relationships[name] = relationshipType(field);
			fields.push(
				...(part === 'relationships' ? relationshipFields(field) : [field]).map((inner) => ({
					...inner,
					name: `${part}.${inner.name}`,
				})),
			);
		}
	}
	const jsonApi: ApiJsonApiBody = { type, shared };
	if (members.attributes) jsonApi.attributes = true;
	if (Object.keys(relationships).length) jsonApi.relationships = relationships;
	if (isList) {
		const cap = capOf(raw.description ?? '') ?? capOf(envelope.description ?? '');
		jsonApi.batch = cap ? { cap } : {};
	}
	return { fields, jsonApi };
}

/** `course: {data: {type, id}}` → the one value a user gives: `course.data.id`. */
function relationshipFields(field: ApiField): ApiField[] {
	const data = field.properties?.find((member) => member.name === 'data');
	const id = data?.properties?.find((member) => member.name === 'id');
	if (!id) return [field];
	return [{ ...id, name: `${field.name}.data.id`, ...(field.required ? { required: true } : {}) }];
}

/** The one `type` a relationship's `data` may name. */
function relationshipType(field: ApiField): string {
	const data = field.properties?.find((member) => member.name === 'data');
	return String(data?.properties?.find((member) => member.name === 'type')?.enum?.[0] ?? '');
}

/** A batch cap the document states as a number ("<=200 items"); a named constant is no number. */
function capOf(text: string): number | undefined {
	const match = /<=\s*(\d+)\s*(?:items|\))/.exec(text) ?? /up to (\d+) /i.exec(text);
	return match ? Number(match[1]) : undefined;
}

function extractResponse(spec: RawSpec, raw: RawOperation): ApiOperation['response'] {
	const { status, schema } = successAnswer(raw);
	if (!schema) return { status, kind: 'empty' };
	const resolved = deref(spec, schema);
	const data = resolved.properties?.data;
	if (!data) return { status, kind: 'object' };
	const inner = deref(spec, data);
	let kind: ApiResponseKind = 'resource';
	let entry: RawSchema | undefined = data;
	if (inner.type === 'array') {
		entry = inner.items;
		const variants = entry?.anyOf;
		kind = variants && variants.length > 1 ? 'batch' : 'resources';
		if (kind === 'batch') {
			const succeeded = variants?.map((part) => deref(spec, part)).find((part) => part.properties?.result);
			entry = succeeded?.properties?.result;
		}
	}
	const name = entry?.$ref ? refName(entry.$ref) : undefined;
	return { status, kind, ...(name ? { schema: name } : {}) };
}
