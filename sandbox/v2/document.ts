// Skilljar's API v2 document (spec/skilljar-openapi-v2.json), read once, as the sandbox's v2
// route table: every operation with its path, scopes, parameters, body schema and answers.
// The sandbox checks requests against these schemas and nothing else, so a request the
// document rejects fails here before any handler runs.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The subset of JSON Schema the document uses (Pydantic output). */
export interface JsonSchema {
	$ref?: string;
	type?: string;
	properties?: Record<string, JsonSchema>;
	required?: string[];
	additionalProperties?: boolean | JsonSchema;
	items?: JsonSchema;
	anyOf?: JsonSchema[];
	allOf?: JsonSchema[];
	enum?: unknown[];
	const?: unknown;
	format?: string;
	default?: unknown;
	maxLength?: number;
	minLength?: number;
	minimum?: number;
	maximum?: number;
	description?: string;
	title?: string;
}

export interface V2Parameter {
	name: string;
	in: 'path' | 'query' | 'header';
	required: boolean;
	schema: JsonSchema;
}

export interface V2Operation {
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
	path: string;
	operationId: string;
	/** `x-required-scope`: holding any one is enough; empty for the unauthenticated auth routes. */
	scopes: string[];
	parameters: V2Parameter[];
	body?: JsonSchema;
	/** The first 2xx status the document lists. */
	status: number;
	/** Statuses the document lists for the operation. */
	statuses: number[];
	/** The JSON answer's schema per status (absent for answers without a body). */
	responses: Record<number, JsonSchema | undefined>;
}

interface RawOperation {
	operationId: string;
	parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
	requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
	responses: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
	'x-required-scope'?: string[];
}

interface RawDocument {
	paths: Record<string, Record<string, RawOperation>>;
	components: { schemas: Record<string, JsonSchema> };
}

const FILE = path.join('spec', 'skilljar-openapi-v2.json');

/** The repository's spec/ folder, found upwards from here (sources run from sandbox/, builds from build/sandbox/). */
function documentPath(): string {
	let dir = __dirname;
	for (;;) {
		const candidate = path.join(dir, FILE);
		if (existsSync(candidate)) return candidate;
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`${FILE} not found above ${__dirname}`);
		dir = parent;
	}
}

const raw = JSON.parse(readFileSync(documentPath(), 'utf8')) as RawDocument;

export const V2_SCHEMAS: Readonly<Record<string, JsonSchema>> = raw.components.schemas;

/** The schema a `$ref` names (only local `#/components/schemas/…` references occur). */
export function resolve(schema: JsonSchema): JsonSchema {
	let current = schema;
	while (current.$ref) {
		const name = current.$ref.slice(current.$ref.lastIndexOf('/') + 1);
		const target = V2_SCHEMAS[name];
		if (!target) throw new Error(`Unknown schema ${current.$ref}`);
		current = target;
	}
	return current;
}

const METHODS = ['get', 'post', 'patch', 'delete'] as const;

function toOperation(pathTemplate: string, method: string, op: RawOperation): V2Operation {
	const statuses = Object.keys(op.responses).map(Number);
	return {
		method: method.toUpperCase() as V2Operation['method'],
		path: pathTemplate,
		operationId: op.operationId,
		scopes: op['x-required-scope'] ?? [],
		parameters: (op.parameters ?? []).map((p) => ({
			name: p.name,
			in: p.in as V2Parameter['in'],
			required: p.required ?? false,
			schema: p.schema ?? {},
		})),
		body: op.requestBody?.content?.['application/json']?.schema,
		status: statuses.find((s) => s >= 200 && s < 300) ?? 200,
		statuses,
		responses: Object.fromEntries(
			Object.entries(op.responses).map(([status, answer]) => [
				Number(status),
				answer.content?.['application/json']?.schema,
			]),
		),
	};
}

/** Every operation of the document, in document order. */
export const V2_OPERATIONS: readonly V2Operation[] = Object.entries(raw.paths).flatMap(
	([pathTemplate, item]) =>
		METHODS.filter((m) => item[m]).map((m) => toOperation(pathTemplate, m, item[m])),
);

/** Every scope any operation names, sorted (the sandbox client holds all of them by default). */
export const V2_ALL_SCOPES: readonly string[] = [
	...new Set(V2_OPERATIONS.flatMap((op) => op.scopes)),
].sort();

export interface V2Match {
	operation?: V2Operation;
	params: Record<string, string>;
	/** Methods the matched path allows (for 405). */
	allowed: string[];
}

/**
 * Match a raw pathname exactly as the document spells it (trailing slashes included: the
 * document has both `/v2/students/` and `/v2/students/{id}`). Literal segments beat parameters.
 */
export function matchV2(method: string, pathname: string): V2Match | undefined {
	const parts = pathname.split('/');
	let best: { template: string; params: Record<string, string>; literals: number } | undefined;
	for (const template of new Set(V2_OPERATIONS.map((op) => op.path))) {
		const segments = template.split('/');
		if (segments.length !== parts.length) continue;
		const params: Record<string, string> = {};
		let literals = 0;
		let ok = true;
		for (let i = 0; i < segments.length && ok; i++) {
			const seg = segments[i];
			if (seg.startsWith('{') && seg.endsWith('}')) {
				let value = '';
				try {
					value = decodeURIComponent(parts[i]);
				} catch {
					ok = false;
				}
				if (value === '') ok = false;
				params[seg.slice(1, -1)] = value;
			} else if (seg === parts[i]) {
				literals++;
			} else {
				ok = false;
			}
		}
		if (ok && (!best || literals > best.literals)) best = { template, params, literals };
	}
	if (!best) return undefined;
	const template = best.template;
	const ops = V2_OPERATIONS.filter((op) => op.path === template);
	return {
		operation: ops.find((op) => op.method === method),
		params: best.params,
		allowed: ops.map((op) => op.method),
	};
}
