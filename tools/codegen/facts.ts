/**
 * Turns the OpenAPI document into the facts layer: one `ApiOperation` per operation, in document
 * order, plus the component schemas that answers refer to (for the sandbox).
 */
import type {
	ApiField,
	ApiMethod,
	ApiOperation,
	ApiPagination,
	ApiResponseKind,
	ApiSchema,
} from '../../nodes/shared/apiFacts';
import { deref, refName, toField, type RawOperation, type RawSchema, type RawSpec } from './spec';

const METHODS: readonly string[] = ['get', 'post', 'put', 'patch', 'delete'];
/** Query parameters the transport owns: never user fields. */
const PAGING = new Set(['page', 'page_size', 'cursor']);

export function extractOperations(spec: RawSpec): ApiOperation[] {
	return eachOperation(spec, extractOperation);
}

/** Every operation of the document in document order, as `extract` makes it (v1 and v2 alike). */
export function eachOperation(
	spec: RawSpec,
	extract: (spec: RawSpec, path: string, method: ApiMethod, raw: RawOperation) => ApiOperation,
): ApiOperation[] {
	const operations: ApiOperation[] = [];
	for (const [path, item] of Object.entries(spec.paths)) {
		for (const [method, raw] of Object.entries(item)) {
			if (!METHODS.includes(method)) continue;
			operations.push(extract(spec, path, method.toUpperCase() as ApiMethod, raw));
		}
	}
	return operations;
}

function extractOperation(
	spec: RawSpec,
	path: string,
	method: ApiMethod,
	raw: RawOperation,
): ApiOperation {
	const parameters = raw.parameters ?? [];
	const param = (inWhat: string) =>
		parameters
			.filter((entry) => entry.in === inWhat && !(inWhat === 'query' && PAGING.has(entry.name)))
			.map((entry) => toField(spec, entry.name, entry.schema ?? {}, entry.required === true));
	const templateOrder = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]);
	const pathParams = templateOrder.map(
		(name) =>
			param('path').find((entry) => entry.name === name) ??
			({ name, type: 'string', required: true } as ApiField),
	);
	const queryNames = new Set(
		parameters.filter((entry) => entry.in === 'query').map((entry) => entry.name),
	);

	const operation: ApiOperation = {
		id: raw.operationId,
		method,
		path,
		pathParams,
		query: param('query'),
		response: extractResponse(spec, raw),
	};
	const body = raw.requestBody?.content?.['application/json']?.schema;
	if (body) {
		const resolved = deref(spec, body);
		const required = resolved.required ?? [];
		operation.body = {
			schema: body.$ref ? refName(body.$ref) : '',
			required: raw.requestBody?.required === true,
			fields: Object.entries(resolved.properties ?? {}).map(([name, schema]) =>
				toField(spec, name, schema, required.includes(name)),
			),
		};
	}
	// The document declares GET /v1/users' answer as a bare array named Paginated…List and says in
	// prose that it pages with a cursor; the live API answers the usual envelope with a cursor `next`.
	if (
		/cursor-based pagination/.test(raw.description ?? '') &&
		operation.response.kind === 'array'
	) {
		operation.response = { ...operation.response, kind: 'envelope' };
		queryNames.add('cursor');
	}
	const pagination = paginationOf(operation.response.kind, queryNames);
	if (pagination) operation.pagination = pagination;
	if (pagination && queryNames.has('page_size')) operation.pageSize = true;
	return operation;
}

function extractResponse(spec: RawSpec, raw: RawOperation): ApiOperation['response'] {
	const { status, schema } = successAnswer(raw);
	if (!schema) return { status, kind: 'empty' };
	const resolved = deref(spec, schema);
	let kind: ApiResponseKind = 'object';
	let entry: RawSchema | undefined = schema;
	if (resolved.type === 'array') {
		kind = 'array';
		entry = resolved.items;
	} else if (resolved.properties?.results && resolved.properties?.next) {
		kind = 'envelope';
		entry = deref(spec, resolved.properties.results).items;
	}
	const name = entry?.$ref ? refName(entry.$ref) : undefined;
	return { status, kind, ...(name ? { schema: name } : {}) };
}

/** The first 2xx answer the document lists: its status and JSON schema (none: an empty body). */
export function successAnswer(raw: RawOperation): { status: number; schema?: RawSchema } {
	const [status, answer] = Object.entries(raw.responses).find(([code]) => code.startsWith('2')) ?? [
		'200',
		{},
	];
	return { status: Number(status), schema: answer.content?.['application/json']?.schema };
}

function paginationOf(kind: ApiResponseKind, query: Set<string>): ApiPagination | undefined {
	if (kind === 'array') return 'array';
	if (kind !== 'envelope') return undefined;
	return query.has('cursor') ? 'cursor' : 'pages';
}

/** Every schema an answer names, with its fields resolved. */
export function extractSchemas(spec: RawSpec, operations: ApiOperation[]): ApiSchema[] {
	const names = [
		...new Set(
			operations.flatMap((operation) =>
				operation.response.schema ? [operation.response.schema] : [],
			),
		),
	].sort();
	return names.map((name) => {
		const field = toField(spec, name, { $ref: `#/components/schemas/${name}` }, false);
		return { name, fields: field.properties ?? [] };
	});
}
