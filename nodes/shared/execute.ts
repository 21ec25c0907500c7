import {
	NodeApiError,
	NodeOperationError,
	type INode,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { readRequest } from './parameters';
import { skilljarApiRequest, skilljarApiRequestAllItems } from './transport';
import type { SkilljarOperation, SkilljarResource } from './types';

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
 * Runs the selected operation once per input item. With "Continue On Fail" every input item
 * yields exactly one output item per result or one error item, always with its `pairedItem`.
 */
export async function executeSkilljarNode(
	this: IExecuteFunctions,
	resources: SkilljarResource[],
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const pairedItem = { item: itemIndex };
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operationValue = this.getNodeParameter('operation', itemIndex) as string;
			const operation = findOperation(resources, resource, operationValue);
			if (!operation) {
				throw new NodeOperationError(
					this.getNode(),
					`Unknown operation "${operationValue}" for resource "${resource}"`,
					{
						itemIndex,
					},
				);
			}
			const request = readRequest.call(this, operation, itemIndex);
			if (operation.pagination) {
				const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
				const limit = returnAll ? undefined : readLimit.call(this, itemIndex);
				const results = await skilljarApiRequestAllItems.call(
					this,
					request,
					{ pagination: operation.pagination, pageSize: operation.pageSize, limit },
					itemIndex,
				);
				for (const result of results) output.push({ json: result, pairedItem });
			} else {
				const response = await skilljarApiRequest.call(this, request, itemIndex);
				for (const json of toItems(response)) output.push({ json, pairedItem });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem });
				continue;
			}
			const failure = asNodeError(this.getNode(), error as Error, itemIndex);
			throw failure;
		}
	}
	return [output];
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

function readLimit(this: IExecuteFunctions, itemIndex: number): number {
	const limit = Number(this.getNodeParameter('limit', itemIndex, 50));
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(
			this.getNode(),
			`Limit must be a whole number of at least 1, got "${limit}"`,
			{
				itemIndex,
			},
		);
	}
	return limit;
}

/** A 204 or empty body becomes `{ success: true }`; an array becomes one item per element. */
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
