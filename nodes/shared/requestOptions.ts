import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEFAULT_SETTINGS, type RequestSettings } from './http/request';
import { strictInteger } from './strictValues';

/**
 * The node-level "Options" collection every action node gets (appended by buildProperties):
 * how long to wait for an answer, how long to wait for rate-limit budget, and how many input
 * items run at the same time. Reading them strictly lives here too. Every action node carries this
 * collection twice in n8n's `/types/nodes.json` (node and AI tool), so its help stays short.
 */

export const DEFAULT_PARALLEL_ITEMS = 5;

const MAX_PARALLEL_ITEMS = 50;

export const requestOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Wait for Rate Limit (Seconds)',
			name: 'maxWait',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 300,
			description:
				'Longest wait per request when rate-limited (HTTP 429 or the credential’s budget); then the item fails saying when to retry',
		},
		{
			displayName: 'Requests in Parallel',
			name: 'parallelItems',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_ITEMS },
			default: DEFAULT_PARALLEL_ITEMS,
			description:
				'Input items processed at once. Use 1 when an item needs a record an earlier item creates.',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 60,
			description:
				'Longest wait for one answer. A timed-out read is retried; a write Skilljar may have processed is not.',
		},
	],
};

export interface NodeRequestOptions extends RequestSettings {
	parallelItems: number;
}

/** The Options of one item, checked: a bad value fails naming the option before any request. */
export function readRequestOptions(this: IExecuteFunctions, itemIndex: number): NodeRequestOptions {
	const raw = this.getNodeParameter('requestOptions', itemIndex, {}) as Record<string, unknown>;
	const read = (
		name: string,
		label: string,
		fallback: number,
		min: number,
		max?: number,
	): number => {
		if (raw[name] === undefined || raw[name] === '') return fallback;
		const value = strictInteger(raw[name], min, max);
		if (typeof value === 'string') {
			throw new NodeOperationError(this.getNode(), `Options › ${label} ${value}`, { itemIndex });
		}
		return value;
	};
	return {
		timeoutMs: read('timeout', 'Timeout (Seconds)', DEFAULT_SETTINGS.timeoutMs / 1000, 1) * 1000,
		maxWaitMs:
			read('maxWait', 'Max Wait for Rate Limit (Seconds)', DEFAULT_SETTINGS.maxWaitMs / 1000, 0) *
			1000,
		parallelItems: read(
			'parallelItems',
			'Requests in Parallel',
			DEFAULT_PARALLEL_ITEMS,
			1,
			MAX_PARALLEL_ITEMS,
		),
	};
}
