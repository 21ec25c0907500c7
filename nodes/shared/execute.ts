import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
} from 'n8n-workflow';

import { readDownloadTarget, withDownloadedFile, type OutputEntry } from './binaryOutput';
import { compositeOf } from './composites';
import { withIdempotency } from './http/idempotency';
import { readRequestOptions } from './requestOptions';
import { readRequest } from './parameters';
import { runPool } from './pool';
import { maskSecrets } from './sanitize';
import { readSimplify } from './simplify';
import { strictBoolean, strictInteger } from './strictValues';
import { skilljarApiRequest, skilljarApiRequestAllItems } from './transport';
import type { SkilljarOperation, SkilljarResource } from './types';
import { executeBatch } from './v2/batch';
import { isBatch } from './v2/catalog';
import { itemsOfDocument } from './v2/jsonApi';
import { v2ListItems } from './v2/list';
import { v2Request } from './v2/request';

/** Finds the table entry for the selected resource and operation. */
export function findOperation(
	resources: SkilljarResource[],
	resourceValue: string,
	operationValue: string,
): SkilljarOperation | undefined {
	return resources
		.find((resource) => resource.value === resourceValue)
		?.operations.find((operation) => operation.value === operationValue);
}

/**
 * Runs the selected operation for every input item, "Requests in Parallel" items at a time (all
 * of them drawing from the credential's one rate limiter). Output keeps input order. With
 * "Continue On Fail" every input item yields its results or exactly one error item, always with
 * its `pairedItem`; without it, the first failing item in input order fails the node and no
 * further item starts once a failure is known.
 */
export async function executeSkilljarNode(
	this: IExecuteFunctions,
	resources: SkilljarResource[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	if (items.length === 0) return [[]];
	// A bulk (API v2) action sends the items together (nodes/shared/v2/batch.ts).
	const bulk = findOperation(
		resources,
		this.getNodeParameter('resource', 0) as string,
		this.getNodeParameter('operation', 0) as string,
	);
	if (bulk && isBatch(bulk)) return await executeBatch.call(this, bulk);
	const perItem: INodeExecutionData[][] = new Array<INodeExecutionData[]>(items.length);
	const continueOnFail = this.continueOnFail();
	let parallelItems = 1;
	try {
		parallelItems = readRequestOptions.call(this, 0).parallelItems;
	} catch (error) {
		// With Continue On Fail each item reports the bad option itself (runItem reads it again).
		if (!continueOnFail) throw asNodeError(this.getNode(), error as Error, 0);
	}

	await runPool(items.length, parallelItems, async (itemIndex) => {
		const pairedItem = { item: itemIndex };
		try {
			perItem[itemIndex] = await runItem.call(this, resources, itemIndex);
		} catch (error) {
			if (!continueOnFail) throw asNodeError(this.getNode(), error as Error, itemIndex);
			perItem[itemIndex] = [{ json: errorItem(error as Error), pairedItem }];
		}
	});

	const output: INodeExecutionData[] = [];
	for (let index = 0; index < perItem.length; index++) {
		for (const entry of perItem[index]) output.push(entry);
		perItem[index] = [];
	}
	return [output];
}

/**
 * One input item: read and check its parameters, then send its request(s). Its output items are
 * final here: secrets masked, each paired with the input item.
 */
async function runItem(
	this: IExecuteFunctions,
	resources: SkilljarResource[],
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };
	const asOutput = (records: IDataObject[]): INodeExecutionData[] =>
		records.map((json) => ({ json: maskSecrets(json), pairedItem }));
	const resource = this.getNodeParameter('resource', itemIndex) as string;
	const operationValue = this.getNodeParameter('operation', itemIndex) as string;
	const operation = findOperation(resources, resource, operationValue);
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`Unknown operation "${operationValue}" for resource "${resource}"`,
			{ itemIndex },
		);
	}
	const settings = readRequestOptions.call(this, itemIndex);
	if (operation.v2) return await runV2Item.call(this, operation, itemIndex, settings);
	const request = withIdempotency(operation, readRequest.call(this, operation, itemIndex));
	if (operation.composite) {
		const call = { input: request, itemIndex, settings };
		return asOutput(await compositeOf(operation.composite).run.call(this, call));
	}
	const simplify = readSimplify.call(this, operation, request.pathParams, itemIndex);
	const downloadInto = readDownloadTarget.call(this, operation, itemIndex);
	if (operation.pagination) {
		const returnAll = readReturnAll.call(this, itemIndex);
		const limit = returnAll ? undefined : readLimit.call(this, itemIndex);
		// Each page is simplified and masked as it arrives, while later pages are still on the way.
		const eachPage = (records: IDataObject[]) => asOutput(simplify(records));
		const { pagination, pageSize } = operation;
		return await (skilljarApiRequestAllItems<INodeExecutionData>).call(
			this,
			request,
			{ pagination, pageSize, limit, eachPage },
			itemIndex,
			settings,
		);
	}
	const response = await skilljarApiRequest.call(this, request, itemIndex, settings);
	if (downloadInto) {
		const entry: OutputEntry = await withDownloadedFile.call(
			this,
			operation,
			response,
			downloadInto,
			itemIndex,
			settings,
		);
		return [{ ...entry, json: maskSecrets(entry.json), pairedItem }];
	}
	if (operation.kind === 'delete' && isEmptyAnswer(response)) {
		return asOutput([deletedItem(request)]);
	}
	return asOutput(simplify(toItems(response)));
}

/** One item of a (not bulk) API v2 action: JSON:API answers become flat items, masked and paired. */
async function runV2Item(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	itemIndex: number,
	settings: ReturnType<typeof readRequestOptions>,
): Promise<INodeExecutionData[]> {
	const pairedItem = { item: itemIndex };
	const asOutput = (records: IDataObject[]): INodeExecutionData[] =>
		records.map((json) => ({ json: maskSecrets(json), pairedItem }));
	const request = v2Request.call(
		this,
		operation,
		readRequest.call(this, operation, itemIndex),
		itemIndex,
	);
	request.scopes = operation.v2?.scopes;
	const simplify = readSimplify.call(this, operation, request.pathParams, itemIndex);
	if (operation.pagination) {
		const returnAll = readReturnAll.call(this, itemIndex);
		const limit = returnAll ? undefined : readLimit.call(this, itemIndex);
		const list = { pageSize: operation.pageSize, limit };
		return asOutput(simplify(await v2ListItems.call(this, request, list, itemIndex, settings)));
	}
	const response = await skilljarApiRequest.call(this, request, itemIndex, settings);
	if (operation.kind === 'delete' && isEmptyAnswer(response)) {
		return asOutput([deletedItem(request)]);
	}
	if (isEmptyAnswer(response)) return asOutput([{ success: true }]);
	return asOutput(simplify(itemsOfDocument(response)));
}

function isEmptyAnswer(response: unknown): boolean {
	return response === '' || response === undefined || response === null;
}

/** A delete answers 204: the item says what is gone, `{ id, deleted: true }`. */
function deletedItem(request: { pathParams?: Record<string, string>; path: string }): IDataObject {
	const names = [...request.path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
	const last = names[names.length - 1];
	return { id: last ? (request.pathParams?.[last] ?? null) : null, deleted: true };
}

/** What a Continue On Fail error item carries: message, HTTP status and description, no more. */
function errorItem(error: Error): IDataObject {
	const { httpCode, description } = error as Error & {
		httpCode?: string | null;
		description?: string | null;
	};
	return {
		error: error.message,
		httpCode: httpCode ?? null,
		description: description ?? null,
	};
}

/** n8n errors pass through unchanged (they carry HTTP context); anything else is wrapped. */
function asNodeError(
	node: INode,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error, { itemIndex });
}

function readReturnAll(this: IExecuteFunctions, itemIndex: number): boolean {
	const value = strictBoolean(this.getNodeParameter('returnAll', itemIndex, false));
	if (typeof value === 'string') {
		throw new NodeOperationError(this.getNode(), `Return All ${value}`, { itemIndex });
	}
	return value;
}

function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	const value = strictInteger(this.getNodeParameter('limit', itemIndex, 50), 1);
	if (typeof value === 'string') {
		throw new NodeOperationError(this.getNode(), `Limit ${value}`, { itemIndex });
	}
	return value;
}

/**
 * An answer Skilljar documents as empty (DELETE, ping) becomes `{ success: true }`; an array
 * becomes one item per element. The transport has already refused other empty or non-JSON bodies.
 */
function toItems(response: unknown): IDataObject[] {
	if (Array.isArray(response)) return response.map((entry) => toObject(entry));
	if (response === '' || response === undefined || response === null) return [{ success: true }];
	return [toObject(response)];
}

function toObject(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null
		? (value as IDataObject)
		: { value: value as string };
}
