import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from '../requestOptions';
import { strictInteger } from '../strictValues';
import type { SkilljarOperation, SkilljarResource } from '../types';
import { DEFAULT_BATCH_CAP } from './catalog';

/**
 * "Batch Size": how many input items one API v2 bulk request carries. Offered in the Options of
 * nodes that have bulk actions; never more than the action's documented cap.
 */

const BATCH_SIZE_OPTION: INodeProperties = {
	displayName: 'Batch Size',
	name: 'batchSize',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 200 },
	default: DEFAULT_BATCH_CAP,
	description:
		'Bulk (API v2) actions only: input items per request, never above the action’s own limit (200 students, 100 of most records)',
};

/** The node's Options collection, with Batch Size where the node has bulk actions. */
export function requestOptionsFor(resources: SkilljarResource[]): INodeProperties {
	const hasBatch = resources.some((resource) =>
		resource.operations.some((operation) => operation.v2?.batchCap !== undefined),
	);
	if (!hasBatch) return requestOptionsProperty;
	return {
		...requestOptionsProperty,
		options: [BATCH_SIZE_OPTION, ...(requestOptionsProperty.options ?? [])],
	};
}

/** Batch Size for this action: the option (checked), at most the action's cap. */
export function readBatchSize(this: IExecuteFunctions, operation: SkilljarOperation): number {
	const cap = operation.v2?.batchCap ?? DEFAULT_BATCH_CAP;
	const raw = (this.getNodeParameter('requestOptions', 0, {}) as Record<string, unknown>).batchSize;
	if (raw === undefined || raw === '') return cap;
	const value = strictInteger(raw, 1, 200);
	if (typeof value === 'string') {
		throw new NodeOperationError(this.getNode(), `Options › Batch Size ${value}`, { itemIndex: 0 });
	}
	return Math.min(value, cap);
}
