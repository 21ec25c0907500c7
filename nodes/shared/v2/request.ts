import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { fieldDisplayName } from '../naming';
import { CREDENTIAL_TYPE_V2, type SkilljarRequest } from '../transport';
import type { SkilljarOperation } from '../types';

/**
 * One item's API v2 request from the fields read by nodes/shared/parameters.ts: the values
 * already sit where their wire names say (`attributes.title` → `{attributes: {title}}`); here the
 * JSON:API document is completed (`type` of the entry and of each relationship) and split into
 * the entry and the members shared by a whole batch.
 */

export interface V2Entry {
	/** One `data` entry: `{type, id?, attributes?, relationships?}`. */
	entry: IDataObject;
	/** Envelope members beside `data` (the same for every entry of one request). */
	shared: IDataObject;
}

export function entryOf(operation: SkilljarOperation, body: IDataObject = {}): V2Entry {
	const jsonApi = operation.v2?.jsonApi;
	if (!jsonApi) return { entry: body, shared: {} };
	const shared: IDataObject = {};
	const entry: IDataObject = { type: jsonApi.type };
	for (const [key, value] of Object.entries(body)) {
		if (jsonApi.shared.includes(key)) shared[key] = value;
		else entry[key] = value;
	}
	if (jsonApi.attributes && entry.attributes === undefined) entry.attributes = {};
	const relationships = entry.relationships as Record<string, { data?: IDataObject }> | undefined;
	for (const [name, type] of Object.entries(jsonApi.relationships ?? {})) {
		const data = relationships?.[name]?.data;
		if (data) data.type = type;
	}
	return { entry, shared };
}

/**
 * A single (not batch) v2 request: the body becomes `{data: entry, …shared}` where the document
 * wants a JSON:API document; a destructive call is refused here unless the user confirmed it.
 */
export function v2Request(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	request: SkilljarRequest,
	itemIndex: number,
): SkilljarRequest {
	checkConfirmation.call(this, operation, request, itemIndex);
	const result: SkilljarRequest = { ...request, credentialType: CREDENTIAL_TYPE_V2 };
	if (operation.v2?.jsonApi && request.body && !Array.isArray(request.body)) {
		const { entry, shared } = entryOf(operation, request.body);
		result.body = { ...shared, data: entry };
	}
	return result;
}

function checkConfirmation(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	request: SkilljarRequest,
	itemIndex: number,
): void {
	const header = operation.v2?.header;
	if (!header) return;
	if (request.headers?.[header.name] === header.value) return;
	const field = operation.fields.find((candidate) => candidate.in === 'header');
	const label = field ? fieldDisplayName(field, this.getNode().typeVersion) : header.name;
	throw new NodeOperationError(
		this.getNode(),
		`${label} is off, so nothing was sent (this action cannot be undone)`,
		{
			itemIndex,
			description: `Switch on "${label}" to let Skilljar erase the record's personal data for good.`,
		},
	);
}
