/**
 * The format of the generated facts layer (`nodes/shared/generated/`), written by `npm run codegen`
 * (tools/codegen/) from Skilljar's OpenAPI document. Facts only: what the API accepts and answers,
 * no wording. Everything a user reads (names, labels, descriptions, pickers) comes from the
 * hand-written overlays (`nodes/<Node>/overlay.ts`). The nodes and the sandbox both read these facts.
 */

/** JSON type of a value. `any` = the document gives no type (free JSON). */
export type ApiType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'any';

/** One path/query parameter or body property, with every constraint the document states. */
export interface ApiField {
	/** Wire name (property or parameter name). Empty for array items. */
	name: string;
	type: ApiType;
	required?: true;
	/** The API accepts `null` for it. */
	nullable?: true;
	/** Answered by the API, never accepted from a client. */
	readOnly?: true;
	/** Accepted, never answered (e.g. passwords). */
	writeOnly?: true;
	deprecated?: true;
	/** Allowed values (`null` left out; see `nullable`). An empty string means "blank allowed". */
	enum?: readonly (string | number | boolean)[];
	/** `date-time`, `email`, `uri`, `double`. */
	format?: string;
	pattern?: string;
	maxLength?: number;
	minLength?: number;
	minimum?: number;
	maximum?: number;
	minItems?: number;
	maxItems?: number;
	default?: unknown;
	/** Properties of an object value. */
	properties?: readonly ApiField[];
	/** Schema of an array's entries (name ''). */
	items?: ApiField;
}

export type ApiMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What a successful answer is: `envelope` = `{count, next, previous, results}`; `array` = bare JSON
 * array; `object` = one JSON object; `empty` = no body (204). API v2 (JSON:API): `resource` =
 * `{data: {type, id, attributes, relationships}}`; `resources` = `{data: [...], links, meta}`;
 * `batch` = `{data: [{status, id, result | error}], summary}`, one entry per item sent.
 */
export type ApiResponseKind =
	| 'envelope'
	| 'array'
	| 'object'
	| 'empty'
	| 'resource'
	| 'resources'
	| 'batch';

/** How a list pages through results. */
export type ApiPagination =
	/** DRF page-number pagination: `{count, next, previous, results}`, `next` is an absolute URL. */
	| 'pages'
	/** Cursor pagination (`GET /v1/users`): same envelope, `next` carries `cursor=`. */
	| 'cursor'
	/** The endpoint returns a bare JSON array in one response. */
	| 'array'
	/** API v2 (JSON:API): `{data: [...], links: {next}}`; `next` carries `page[cursor]`. */
	| 'links';

/**
 * How an API v2 request body is a JSON:API document. The operation's body fields then name where
 * each value goes inside one `data` entry (`id`, `attributes.title`, `relationships.course.data.id`)
 * or, for the `shared` ones, beside `data` in the envelope.
 */
export interface ApiJsonApiBody {
	/** The entries' JSON:API `type`, e.g. `students` (filled in by the engine). */
	type: string;
	/** `data` is a list; at most `cap` entries per request (from the document). */
	batch?: { cap?: number };
	/** Envelope members beside `data`, the same for every entry of one request. */
	shared: readonly string[];
	/** The entry carries `attributes` (sent, if empty, as `{}`). */
	attributes?: true;
	/** JSON:API `type` of each relationship's record, e.g. `{course: 'courses'}`. */
	relationships?: Readonly<Record<string, string>>;
}

export interface ApiOperation {
	/** The document's operationId, e.g. `groups_users_destroy`. Unique. */
	id: string;
	method: ApiMethod;
	/** Path template, `{name}` placeholders, no trailing slash. */
	path: string;
	/** Path parameters in template order. */
	pathParams: readonly ApiField[];
	/** Query parameters, pagination ones (`page`, `page_size`, `cursor`) excluded. */
	query: readonly ApiField[];
	/** JSON request body: its schema name and properties (read-only ones included, flagged). */
	body?: { schema: string; required: boolean; fields: readonly ApiField[] };
	/** Success status and kind; `schema` names the object (for lists: each entry's) schema. */
	response: { status: number; kind: ApiResponseKind; schema?: string };
	/** Present on lists. */
	pagination?: ApiPagination;
	/** Whether the list accepts `page_size` (v2: `page[size]`). */
	pageSize?: true;
	/** API v2: OAuth scopes, any one of which allows the call. */
	scopes?: readonly string[];
	/** API v2: the request body is a JSON:API document (see ApiJsonApiBody). */
	jsonApi?: ApiJsonApiBody;
	/** API v2: a write the document calls idempotent, so sending it again changes nothing. */
	idempotent?: true;
	/** API v2: a request header the document requires, with its one accepted value. */
	header?: { name: string; value: string };
}

/** A component schema (response shapes, for the sandbox), properties resolved. */
export interface ApiSchema {
	name: string;
	fields: readonly ApiField[];
}
