import type { ApiOperation } from '../apiFacts';
import { camelCase, humanize } from '../naming';
import type { OperationKind, SkilljarField, SkilljarOperation, V2Operation } from '../types';
import { V2_FIELD_HELP } from './fieldHelp';

/**
 * The rules that make an API v2 operation an action, applied by nodes/shared/catalog.ts on top of
 * the v1 rules: operation values of their own (so the node can show the v2 credential for exactly
 * these), bulk names for batch writes, labels from where a value goes (`attributes.first_name` →
 * First Name, `filter[course.id]` → Course ID), no v1 pickers (they list v1 records with the v1
 * credential), and the confirmation a destructive call requires.
 */

/**
 * The smallest batch cap the document states as a number. Where it names only a constant
 * (BATCH_MAX_ITEMS), requests carry at most this many entries, which every v2 batch accepts.
 */
export const DEFAULT_BATCH_CAP = 100;

/**
 * The v2 operations that are no actions: the token exchange is the credential's, refresh-token
 * revocation has no use with client credentials (they issue no refresh token to keep), and
 * dynamic client registration is for interactive apps (docs/api-v2.md).
 */
export const V2_NOT_ACTIONS: readonly string[] = [
	'api_v2_oauth_tokens_endpoints_token_exchange',
	'api_v2_oauth_tokens_endpoints_revoke_token_endpoint',
	'register_oauth_client',
];

/** Suffix of every v2 operation value: v1 and v2 values never meet in one node. */
export const V2_VALUE_SUFFIX = 'V2';

export function v2Details(facts: ApiOperation): V2Operation {
	const details: V2Operation = { scopes: [...(facts.scopes ?? [])] };
	if (facts.jsonApi) details.jsonApi = facts.jsonApi;
	if (facts.jsonApi?.batch) details.batchCap = facts.jsonApi.batch.cap ?? DEFAULT_BATCH_CAP;
	if (facts.idempotent) details.idempotent = true;
	if (facts.header) details.header = facts.header;
	return details;
}

export function isBatch(operation: SkilljarOperation): boolean {
	return operation.v2?.batchCap !== undefined;
}

/** Value, selector name and action text of a v2 action, from the v1 texts of its kind. */
export function v2Texts(
	texts: { value: string; name: string; action: string },
	facts: ApiOperation,
	kind: OperationKind,
	plural: string,
): { value: string; name: string; action: string; description?: string } {
	if (!facts.jsonApi?.batch) return { ...texts, value: texts.value + V2_VALUE_SUFFIX };
	const verb = kind === 'update' ? 'Update' : kind === 'delete' ? 'Delete' : 'Create';
	const cap = facts.jsonApi.batch.cap ?? DEFAULT_BATCH_CAP;
	return {
		value: `${verb.toLowerCase()}Many${V2_VALUE_SUFFIX}`,
		name: `${verb} in Bulk`,
		action: `${verb} ${plural} in bulk`,
		// The hint that tells a bulk action from its one-by-one twin.
		description: `API v2: up to ${cap} items per request; best for many items`,
	};
}

/**
 * Within a resource, a v2 action whose name or action text a v1 action already has says
 * "(API v2)", so the two never look the same in the editor or the actions panel.
 */
export function markV2Twins(operations: SkilljarOperation[]): SkilljarOperation[] {
	const v1Names = new Set(operations.filter((op) => !op.v2).map((op) => op.name));
	const v1Actions = new Set(operations.filter((op) => !op.v2).map((op) => op.action));
	return operations.map((operation) => {
		if (!operation.v2) return operation;
		if (!v1Names.has(operation.name) && !v1Actions.has(operation.action)) return operation;
		return {
			...operation,
			name: `${operation.name} (API v2)`,
			action: `${operation.action} (API v2)`,
		};
	});
}

/** `attributes.first_name` → `first_name`; `relationships.course.data.id` → `course.id`. */
function shortName(field: SkilljarField): string {
	const filter = /^filter\[(.+)\]$/.exec(field.name);
	if (filter) return filter[1].replace(/-/g, '_');
	return field.name
		.replace(/^(attributes|relationships)\./, '')
		.replace(/\.data\.id$/, '.id')
		.replace(/-/g, '_');
}

/** `enrolled_gte` → Enrolled From; `issued_lte` → Issued Until. */
function labelOf(short: string): string {
	const range = /^(.+)_(gte|lte)$/.exec(short);
	if (range) return `${humanize(range[1])} ${range[2] === 'gte' ? 'From' : 'Until'}`;
	return humanize(short);
}

/** The record a path's `{id}` names: `/v2/groups/{id}/relationships/…` → `group`. */
function recordBefore(path: string): string {
	const segments = path.split('/').filter(Boolean);
	const at = segments.indexOf('{id}');
	return singularOf(segments[at - 1] ?? 'record').replace(/ /g, '_');
}

/** `students` → `student`; `question-banks` → `question bank`; `quizzes` → `quiz`. */
function singularOf(type: string): string {
	const words = type.replace(/-/g, ' ');
	if (words.endsWith('zzes')) return words.slice(0, -3);
	if (words.endsWith('ies')) return `${words.slice(0, -3)}y`;
	return words.replace(/s$/, '');
}

/**
 * Labels, parameter names and help of a v2 action's fields. A path `id` is the record of the
 * resource ("User ID"); a `data` entry's `id` is a record of the entry's type ("Student ID").
 */
export function v2Fields(
	fields: SkilljarField[],
	facts: ApiOperation,
): SkilljarField[] {
	const required = new Set(
		(facts.body?.fields ?? []).filter((member) => member.required).map((member) => member.name),
	);
	const named = fields.map((field): SkilljarField => {
		let short = shortName(field);
		if (field.in === 'path' && field.name === 'id') short = `${recordBefore(facts.path)}_id`;
		else if (field.in === 'body' && field.name === 'id' && facts.jsonApi) {
			short = `${singularOf(facts.jsonApi.type).replace(/ /g, '_')}_id`;
		}
		const result: SkilljarField = {
			...field,
			label: field.label ?? labelOf(short),
			parameter: field.parameter ?? camelCase(short.toLowerCase()),
		};
		// A bulk update is partial per entry, but an entry's required members (its ID) stay required.
		if (facts.jsonApi && field.in === 'body' && required.has(field.name)) result.required = true;
		const help = V2_FIELD_HELP[field.name];
		if (help && !result.description) result.description = help;
		return result;
	});
	if (facts.header) named.push(confirmField(facts.header.name));
	return named;
}

/** The switch without which a destructive call is not sent (its header says the user agreed). */
function confirmField(header: string): SkilljarField {
	return {
		name: header,
		in: 'header',
		type: 'boolean',
		required: true,
		label: 'Confirm Permanent Erasure',
		parameter: 'confirmDestructive',
		description: 'Whether to erase the personal data for good. Off, nothing is sent.',
	};
}
