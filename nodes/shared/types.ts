/**
 * Two layers describe every action:
 * - the generated facts (`nodes/shared/generated/`, format in `apiFacts.ts`): what Skilljar's
 *   OpenAPI document says — methods, paths, fields, types, constraints;
 * - a hand-written overlay per node (`nodes/<Node>/overlay.ts`, types below): which node and
 *   resource an operation belongs to, our own names and descriptions, pickers and the few
 *   deliberate departures from the document.
 * `nodes/shared/catalog.ts` merges them into the runtime tables (`SkilljarResource[]`) that build the
 * editor parameters (description.ts), read and check them (parameters.ts) and run (execute.ts).
 */

import type { ApiJsonApiBody, ApiMethod, ApiPagination, ApiResponseKind } from './apiFacts';

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

/**
 * A record picker (resource locator): the list search that offers values, the fields it needs
 * first, and how the record is named and typed by hand. Built in nodes/shared/pickers.ts.
 */
export interface Picker {
	/** Name of a method in `listSearch` (nodes/shared/listSearch.ts). */
	search: string;
	/** Wire names of the fields the search reads (e.g. `domain_name`); each must be in the action. */
	dependsOn: readonly string[];
	/** What is picked, shown as the field's label: "User", "Published Course". */
	noun: string;
	/** Typed by hand as Skilljar's object ID, or (domains) as the training site's name. */
	manual: 'id' | 'name';
	/**
	 * The node version that first shows this picker (default 1). Before it the field stays the
	 * plain text field of release 0.1.0, so saved workflows keep their exact parameters.
	 */
	since?: number;
	/**
	 * A picker of actions no saved workflow predates (API v2's): every node version shows it the
	 * same way (typed IDs unchecked: v2 documents no ID shape), so the editor carries it once.
	 */
	sameInAllVersions?: true;
}

export interface SkilljarField {
	/** Name on the wire. A dotted name (`user.id`) is a member of a nested body object. */
	name: string;
	/** `header`: a request header (API v2's destructive-call confirmation). */
	in: 'path' | 'query' | 'body' | 'header';
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
	/** Display names of option values, where the derived ones do not fit. */
	optionLabels?: Readonly<Record<string, string>>;
	/** The API accepts `null`: `null` (typed or from an expression) is sent as JSON null. */
	nullable?: boolean;
	/** Label of the extra option that sends `null` on a nullable options field, e.g. "All Events". */
	nullLabel?: string;
	placeholder?: string;
	/** A secret (e.g. a webhook password): masked in the editor. */
	secret?: boolean;
	/** Editor default, where the type's usual default (empty, 0, false, first option) does not fit. */
	default?: string | number | boolean;
	/**
	 * Wire name of a required body object whose members are all optional (`student` with `id` or
	 * `email`): at least one member of the group must be set.
	 */
	oneOf?: string;
	/** From-list picker (the parameter is then a resource locator). */
	picker?: Picker;
	/** Constraints from the OpenAPI document, checked before any request. */
	maxLength?: number;
	minLength?: number;
	minimum?: number;
	maximum?: number;
	/** `email`, `uri` or `date-time` are checked; others are informational. */
	format?: string;
}

/** What an operation does; drives its value, name, action text, collection and output. */
export type OperationKind =
	| 'list'
	| 'get'
	| 'create'
	| 'update'
	| 'delete'
	| 'action'
	/** Several requests in one action (nodes/shared/composites/); `composite` names the handler. */
	| 'composite';

/**
 * A record that carries a signed link to its file (Asset › Get): from node version 1.1 the action
 * offers to download the file into a binary property (nodes/shared/binaryOutput.ts).
 */
export interface DownloadSpec {
	/** Field of the answer holding the signed URL, e.g. `download_url`. */
	urlField: string;
	/** Field of the answer naming the file, used when the download does not name it itself. */
	nameField?: string;
}

export interface SkilljarOperation {
	/** n8n `operation` value, e.g. `getAll`. */
	value: string;
	/** Shown in the operation selector, e.g. `Get Many`. */
	name: string;
	/** Sentence-case action text, e.g. `Get many enrollments`. */
	action: string;
	description?: string;
	kind: OperationKind;
	method: ApiMethod;
	/** Path template with `{param}` placeholders, as documented (v1: no trailing slash). */
	path: string;
	fields: SkilljarField[];
	/** Present on list operations. */
	pagination?: ApiPagination;
	/** Whether the list accepts `page_size` (then we ask for up to 1000 per page). */
	pageSize?: boolean;
	/** What a successful answer is (from the facts); `empty` answers are accepted without a body. */
	answer: ApiResponseKind;
	/** Schema of the answered record (for lists: of each entry), where the document names one. */
	responseSchema?: string;
	/** Schema of the JSON request body, where the operation takes one. */
	requestSchema?: string;
	/**
	 * The OpenAPI operations this action serves (operationIds). An Update also names the PUT twin
	 * of its PATCH endpoint: Skilljar documents both as the same partial update.
	 */
	apiIds: string[];
	/**
	 * A POST Skilljar documents as idempotent, so the transport may send it again after a timeout,
	 * a dropped connection or a 502/503/504 (other POSTs are never resent). `true`: always (adding
	 * an existing email to a domain returns that user). `'enrolled_at'`: idempotent for the same
	 * user and `enrolled_at` (the engine fills an empty `enrolled_at` before the first send).
	 */
	idempotentPost?: true | 'enrolled_at';
	/** Handler name in nodes/shared/composites/ (kind `composite` only). */
	composite?: string;
	/**
	 * Endpoints a composite calls, as `METHOD /path` (README). Its `apiIds` stay empty: every
	 * OpenAPI operation is still served by exactly one plain action.
	 */
	uses?: string[];
	/** Offer to download the record's file (version 1.1). */
	download?: DownloadSpec;
	/** See `OperationOverlay.largeList`. */
	largeList?: true;
	/** See `OperationOverlay.idNotice`. */
	idNotice?: string;
	/** Present on API v2 actions (credential `skilljarV2Api`; built in nodes/shared/v2/). */
	v2?: V2Operation;
}

/** What an API v2 action needs beyond a v1 one, from the generated facts. */
export interface V2Operation {
	/** OAuth scopes, any one of which allows the call (docs/api-v2.md). */
	scopes: readonly string[];
	/** The body is a JSON:API document; with `batch`, one `data` entry per input item. */
	jsonApi?: ApiJsonApiBody;
	/** Most entries one request may carry (batch writes). */
	batchCap?: number;
	/** Documented as idempotent: the only batch writes the transport may send again. */
	idempotent?: boolean;
	/** A header the call requires; sent only once the user confirmed (see nodes/shared/v2/request.ts). */
	header?: { name: string; value: string };
}

export interface SkilljarResource {
	value: string;
	name: string;
	operations: SkilljarOperation[];
}

/* ---------- The overlay: hand-written, per node ---------- */

/** Per-field overrides; `name` keys are wire names (dotted for nested body members). */
export interface FieldOverlay {
	label?: string;
	parameter?: string;
	description?: string;
	/** Departure from the document: e.g. required where the live API insists. Say why in a comment. */
	required?: boolean;
	type?: FieldType;
	default?: string | number | boolean;
	placeholder?: string;
	secret?: boolean;
	/** Keep the field out of the action (e.g. deprecated). */
	hidden?: boolean;
	/** A picker other than the default for this field name, or `false` for none. */
	picker?: Picker | false;
	optionLabels?: Readonly<Record<string, string>>;
	nullLabel?: string;
	/** Limit the offered values (e.g. an enum the document lists but the call refuses). */
	options?: readonly string[];
}

export interface OperationOverlay {
	/**
	 * The document's operationId. Several ids that differ only in one path segment become one action
	 * with that segment as an option: give them all and `path` with the placeholder.
	 */
	id: string | readonly string[];
	/** Template joining the ids above, e.g. `/v1/webhooks/sample-{event}`. */
	path?: string;
	value?: string;
	name?: string;
	action?: string;
	description?: string;
	/** Overrides by wire name (`body:name` or `path:name` where both exist). */
	fields?: Readonly<Record<string, FieldOverlay>>;
	/** Fields the document lacks but the API takes (a departure: comment why). */
	extraFields?: readonly SkilljarField[];
	/** Body members sent as one JSON field instead of separate fields. */
	json?: readonly string[];
	pagination?: ApiPagination;
	pageSize?: boolean;
	/** See `SkilljarOperation.idempotentPost`: only where Skilljar documents it. */
	idempotentPost?: true | 'enrolled_at';
	/** See `SkilljarOperation.download`. */
	download?: DownloadSpec;
	/**
	 * A list that grows with the number of learners (thousands of records on a large account):
	 * the editor says what Return All costs once it is switched on.
	 */
	largeList?: true;
	/** A notice at the top of the action saying which ID it wants, where two are easy to confuse. */
	idNotice?: string;
}

/** A composite action (nodes/shared/composites/) placed in a resource by its handler name. */
export interface CompositeOverlay {
	composite: string;
}

export interface ResourceOverlay {
	value: string;
	name: string;
	/** Singular noun in action texts (default: the name in lower case), and its plural. */
	noun?: string;
	plural?: string;
	/** Operations by operationId (string) or with overrides. PUT twins of a PATCH are implied. */
	operations: ReadonlyArray<string | OperationOverlay | CompositeOverlay>;
}

export type NodeOverlay = readonly ResourceOverlay[];
