/**
 * The shape of the declarative operation tables (`nodes/<Node>/operations.ts`).
 *
 * Each table (a `SkilljarResource[]`) is the single source for one node: its parameters on
 * screen, what `execute` sends, the README's action list and the coverage tests are all derived from it.
 */

/** How a field is entered in the editor and encoded on the wire. */
export type FieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'dateTime'
	/** One value of `options`. */
	| 'options'
	/** A list of strings: comma-separated text, or an expression returning an array. */
	| 'stringList'
	/** IDs (comma-separated or an array) sent as `[{"id": …}, …]`. */
	| 'idList'
	/** Any JSON value (objects, arrays of objects), validated before the request is sent. */
	| 'json';

export interface SkilljarField {
	/** Name on the wire. A dotted name (`user.id`) is a member of a nested body object. */
	name: string;
	in: 'path' | 'query' | 'body';
	type: FieldType;
	/** Required fields are top-level parameters; optional ones sit in a collection. */
	required?: boolean;
	/** Shown in the editor as the parameter's display name; derived from `name` when absent. */
	label?: string;
	/** The n8n parameter name; camelCase of `name` when absent. */
	parameter?: string;
	description?: string;
	/** Values for `options` fields. */
	options?: readonly string[];
	/** The API accepts `null`: an options field then offers "None". */
	nullable?: boolean;
	placeholder?: string;
	/** A secret (e.g. a webhook password): masked in the editor. */
	secret?: boolean;
	/** Editor default, where the type's usual default (empty, 0, false, first option) does not fit. */
	default?: string | number | boolean;
}

/** How a list operation pages through results. */
export type PaginationKind =
	/** DRF page-number pagination: `{count, next, previous, results}`, `next` is an absolute URL. */
	| 'pages'
	/** Cursor pagination (`GET /v1/users`): same envelope, `next` carries `cursor=`. */
	| 'cursor'
	/** The endpoint returns a bare JSON array in one response. */
	| 'array';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SkilljarOperation {
	/** n8n `operation` value, e.g. `getAll`. */
	value: string;
	/** Shown in the operation selector, e.g. `Get Many`. */
	name: string;
	/** Sentence-case action text, e.g. `Get many enrollments`. */
	action: string;
	description?: string;
	method: HttpMethod;
	/** Path template with `{param}` placeholders, no trailing slash. */
	path: string;
	fields: SkilljarField[];
	/** Present on list operations. */
	pagination?: PaginationKind;
	/** Whether the list accepts `page_size` (then we ask for up to 1000 per page). */
	pageSize?: boolean;
	/**
	 * A POST Skilljar documents as idempotent, so the transport may send it again after a timeout,
	 * a dropped connection or a 502/503/504 (other POSTs are never resent). `true`: always (adding
	 * an existing email to a domain returns that user). `'enrolled_at'`: idempotent for the same
	 * user and `enrolled_at`; the engine fills an empty `enrolled_at` with the current time before
	 * the first send, so a resend is identical (nodes/shared/http/idempotency.ts).
	 */
	idempotentPost?: true | 'enrolled_at';
	/**
	 * The API reference operations this action serves. An Update lists both `update` (PUT) and
	 * `partial_update` (PATCH): the reference says they are identical, so one action sends PATCH.
	 */
	reference: string[];
}

export interface SkilljarResource {
	value: string;
	name: string;
	operations: SkilljarOperation[];
}
