// The v2 API's request pipeline, in the order Skilljar's v2 answers: route (404/405) → token
// endpoint (no Bearer) → Bearer check (401) → scope (403) → query and body against the
// document's schemas (422) → the operation's handler.

import type { Store } from '../store';
import type { TokenIssuer } from './auth';
import { isoNow, type V2Context, type V2Handler, type V2Reply } from './context';
import { matchV2, resolve, type V2Operation } from './document';
import { errorReply, schemaErrors } from './errors';
import { check, parseQueryValue, type SchemaProblem } from './schema';
import { HANDLERS } from './handlers';

export interface V2Request {
	method: string;
	url: URL;
	headers: Record<string, string | string[] | undefined>;
	/** The raw body, read only when the operation takes one. */
	readBody: () => Promise<Buffer>;
	origin: string;
	/** Set on the request log once the route is known / the body read. */
	onTemplate: (template: string) => void;
	onBody: (body: unknown) => void;
	/** Serve lists newest first (see Sandbox.v2NewestFirst). */
	newestFirst?: boolean;
}

export interface V2Answer extends V2Reply {
	headers?: Record<string, string>;
}

export const TOKEN_OPERATION = 'api_v2_oauth_tokens_endpoints_token_exchange';

const BEARER_CHALLENGE = (code: string) => `Bearer realm="api", error="${code}"`;

function parseJson(
	raw: Buffer,
	contentType: string | undefined,
): { body: unknown } | { reply: V2Reply } {
	if (raw.length === 0) return { body: undefined };
	const type = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json' && !type.endsWith('+json')) {
		return { reply: errorReply(415, 'unsupported_media_type', `Send JSON, not ${type}.`) };
	}
	try {
		return { body: JSON.parse(raw.toString('utf8')) as unknown };
	} catch {
		return { reply: errorReply(400, 'invalid_json', 'The request body is not valid JSON.') };
	}
}

/** Documented query parameters, parsed; undocumented or invalid ones are problems. */
function readQuery(
	operation: V2Operation,
	query: URLSearchParams,
): { values: Record<string, unknown>; problems: SchemaProblem[] } {
	const values: Record<string, unknown> = {};
	const problems: SchemaProblem[] = [];
	const declared = new Map(
		operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]),
	);
	for (const name of new Set(query.keys())) {
		const param = declared.get(name);
		if (!param) {
			problems.push({ pointer: name, detail: `${name} is not a parameter of this operation` });
			continue;
		}
		const value = parseQueryValue(param.schema, query.get(name) ?? '');
		const found = check(param.schema, value, name);
		if (found.length > 0) problems.push(...found);
		else values[name] = value;
	}
	for (const param of declared.values()) {
		if (param.required && !query.has(param.name)) {
			problems.push({ pointer: param.name, detail: `${param.name} is required` });
		}
		const fallback = resolve(param.schema).default;
		if (values[param.name] === undefined && fallback !== undefined) values[param.name] = fallback;
	}
	return { values, problems };
}

/** Whether the body is a batch envelope (its item formats are checked per item). */
function isBatch(operation: V2Operation): boolean {
	const data = operation.body ? resolve(operation.body).properties?.data : undefined;
	return Boolean(data && resolve(data).type === 'array');
}

function bodyProblems(operation: V2Operation, body: unknown): SchemaProblem[] {
	if (!operation.body) return [];
	const all = check(operation.body, body);
	if (!isBatch(operation)) return all;
	// A malformed value inside one item fails that item (207), not the request.
	const structural = new Set(
		check(operation.body, body, '', { formats: false }).map((p) => p.pointer),
	);
	return all.filter((p) => !p.pointer.startsWith('/data/') || structural.has(p.pointer));
}

export async function dispatchV2(
	store: Store,
	issuer: TokenIssuer,
	req: V2Request,
): Promise<V2Answer> {
	const match = matchV2(req.method, req.url.pathname);
	if (!match) return errorReply(404, 'not_found', 'No such endpoint.');
	if (!match.operation) {
		return {
			...errorReply(405, 'method_not_allowed', `${req.method} is not allowed here.`),
			headers: { Allow: match.allowed.join(', ') },
		};
	}
	const operation = match.operation;
	req.onTemplate(operation.path);

	if (operation.scopes.length > 0) {
		const auth = issuer.verify(
			typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined,
		);
		if (!auth.ok) {
			return {
				...errorReply(401, auth.code, auth.detail),
				headers: { 'WWW-Authenticate': BEARER_CHALLENGE(auth.code) },
			};
		}
		if (!operation.scopes.some((s) => auth.scopes.has(s))) {
			const needed = operation.scopes.join(' or ');
			return errorReply(403, 'insufficient_scope', `This client lacks the scope ${needed}.`, {
				meta: { required_scopes: operation.scopes },
			});
		}
	}

	const query = readQuery(operation, req.url.searchParams);
	if (query.problems.length > 0) return schemaErrors(query.problems, 'query');

	let body: unknown;
	if (operation.body || req.method !== 'GET') {
		const parsed = parseJson(
			await req.readBody(),
			req.headers['content-type'] as string | undefined,
		);
		if ('reply' in parsed) return parsed.reply;
		body = parsed.body;
		req.onBody(body);
	}
	const emptyObject = typeof body === 'object' && body !== null && Object.keys(body).length === 0;
	if (!operation.body && body !== undefined && !emptyObject) {
		return schemaErrors([{ pointer: '/', detail: 'this operation takes no request body' }], 'body');
	}
	// The token endpoint answers its own errors, in OAuth's shape rather than JSON:API's.
	if (operation.body && operation.operationId !== TOKEN_OPERATION) {
		const problems =
			body === undefined
				? [{ pointer: '/', detail: 'request body required' }]
				: bodyProblems(operation, body);
		if (problems.length > 0) return schemaErrors(problems, 'body');
	}

	const handler: V2Handler | undefined = HANDLERS[operation.operationId];
	if (!handler)
		return errorReply(501, 'not_implemented', `${operation.operationId} is not served.`);
	const ctx: V2Context = {
		store,
		tokens: issuer,
		operation,
		params: match.params,
		query: query.values,
		rawQuery: req.url.searchParams,
		body,
		headers: req.headers,
		origin: req.origin,
		pathname: req.url.pathname,
		now: isoNow(),
		newestFirst: req.newestFirst === true,
	};
	return handler(ctx);
}
