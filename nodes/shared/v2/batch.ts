import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { readRequest } from '../parameters';
import { runPool } from '../pool';
import { readRequestOptions } from '../requestOptions';
import { maskSecrets } from '../sanitize';
import { CREDENTIAL_TYPE_V2, skilljarApiRequest, type RequestSettings } from '../transport';
import type { SkilljarOperation } from '../types';
import { flattenResource, isResourceObject } from './jsonApi';
import { entryOf } from './request';
import { readBatchSize } from './batchOptions';

/**
 * API v2 batch writes from n8n items: every input item is one `data` entry; entries that share
 * their path and envelope values (e.g. the published course of an enrollment) travel together,
 * at most Batch Size per request, several requests at a time under the credential's limiter.
 *
 * Each input item gets exactly one output item, paired to it: its record, or (Continue On Fail)
 * an error item with Skilljar's per-entry status and code. Without Continue On Fail the node
 * fails naming the first failed item, and no further request starts once a failure is known.
 * A batch is sent once; the transport repeats it only where the document calls it idempotent.
 */

interface Pending {
	itemIndex: number;
	entry: IDataObject;
}

interface Chunk {
	pathParams: Record<string, string>;
	shared: IDataObject;
	entries: Pending[];
}

/** A failed entry, as Skilljar reported it (207) or as its whole request failed. */
class EntryFailure extends Error {
	constructor(
		message: string,
		readonly details: IDataObject,
	) {
		super(message);
	}
}

/** What a bulk run has so far: each item's output, and which items failed with what. */
interface BatchState {
	readonly continueOnFail: boolean;
	readonly outputs: IDataObject[];
	readonly failures: Map<number, Error>;
}

function recordFailure(state: BatchState, itemIndex: number, error: Error): void {
	state.failures.set(itemIndex, error);
	state.outputs[itemIndex] = errorItemOf(error);
}

export async function executeBatch(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
): Promise<INodeExecutionData[][]> {
	const count = this.getInputData().length;
	const state: BatchState = {
		continueOnFail: this.continueOnFail(),
		outputs: new Array<IDataObject>(count),
		failures: new Map(),
	};
	const settings = readRequestOptions.call(this, 0);
	const batchSize = readBatchSize.call(this, operation);
	const chunks = groupIntoChunks(readEntries.call(this, operation, count, state), batchSize);
	await runPool(chunks.length, settings.parallelItems, async (index) => {
		// Without Continue On Fail no further request starts once a failure is known.
		if (!state.continueOnFail && state.failures.size > 0) return;
		await sendChunk.call(this, operation, chunks[index], settings, state);
	});
	if (!state.continueOnFail && state.failures.size > 0) {
		const firstFailed = Math.min(...state.failures.keys());
		throw asItemError(this, state.failures.get(firstFailed) as Error, firstFailed);
	}
	return [
		state.outputs.map((json, itemIndex) => ({
			json: maskSecrets(json ?? { error: 'Not sent: an earlier request failed' }),
			pairedItem: { item: itemIndex },
		})),
	];
}

/** Every item's entry, read and checked before anything is sent. */
function readEntries(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	count: number,
	state: BatchState,
): Array<ReadEntry | undefined> {
	return Array.from({ length: count }, (_unused, itemIndex) => {
		try {
			const request = readRequest.call(this, operation, itemIndex);
			const { entry, shared } = entryOf(operation, request.body as IDataObject | undefined);
			return { itemIndex, entry, shared, pathParams: request.pathParams ?? {} };
		} catch (error) {
			if (!state.continueOnFail) throw asItemError(this, error as Error, itemIndex);
			recordFailure(state, itemIndex, error as Error);
			return undefined;
		}
	});
}

/** One request of up to Batch Size entries; each entry's outcome lands on its own item. */
async function sendChunk(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	chunk: Chunk,
	settings: RequestSettings,
	state: BatchState,
): Promise<void> {
	const first = chunk.entries[0].itemIndex;
	let answer: unknown;
	try {
		answer = await skilljarApiRequest.call(
			this,
			{
				method: operation.method,
				path: operation.path,
				pathParams: chunk.pathParams,
				body: { ...chunk.shared, data: chunk.entries.map((pending) => pending.entry) },
				answer: operation.answer,
				credentialType: CREDENTIAL_TYPE_V2,
				repeatable: operation.v2?.idempotent === true,
				scopes: operation.v2?.scopes,
			},
			first,
			settings,
		);
	} catch (error) {
		// The whole request failed (400, 422, 403, …): every entry in it failed with it.
		for (const pending of chunk.entries) recordFailure(state, pending.itemIndex, error as Error);
		return;
	}
	const results = (answer as { data?: unknown }).data;
	if (!Array.isArray(results) || results.length !== chunk.entries.length) {
		const error = new NodeApiError(
			this.getNode(),
			{ body: JSON.stringify(answer ?? null).slice(0, 500) },
			{
				message: `Skilljar answered a batch of ${chunk.entries.length} with ${Array.isArray(results) ? results.length : 'no'} results; which items succeeded is unknown`,
				itemIndex: first,
			},
		);
		for (const pending of chunk.entries) recordFailure(state, pending.itemIndex, error);
		return;
	}
	chunk.entries.forEach((pending, position) => {
		const outcome = readOutcome(results[position]);
		if (outcome instanceof EntryFailure) recordFailure(state, pending.itemIndex, outcome);
		else state.outputs[pending.itemIndex] = outcome;
	});
}

interface ReadEntry {
	itemIndex: number;
	entry: IDataObject;
	shared: IDataObject;
	pathParams: Record<string, string>;
}

/** Entries grouped by path and envelope values, in input order, cut to `batchSize`. */
export function groupIntoChunks(read: Array<ReadEntry | undefined>, batchSize: number): Chunk[] {
	const groups = new Map<string, Chunk[]>();
	const chunks: Chunk[] = [];
	for (const entry of read) {
		if (!entry) continue;
		const key = JSON.stringify([entry.pathParams, entry.shared]);
		let open = groups.get(key)?.at(-1);
		if (!open || open.entries.length >= batchSize) {
			open = { pathParams: entry.pathParams, shared: entry.shared, entries: [] };
			groups.set(key, [...(groups.get(key) ?? []), open]);
			chunks.push(open);
		}
		open.entries.push({ itemIndex: entry.itemIndex, entry: entry.entry });
	}
	return chunks;
}

/** One entry of a 200/207 answer: its record (flat), `{id, deleted}`, or its failure. */
function readOutcome(result: unknown): IDataObject | EntryFailure {
	const outcome = (typeof result === 'object' && result !== null ? result : {}) as IDataObject;
	if (outcome.status === 'failed' || outcome.error) {
		const error = (outcome.error ?? {}) as IDataObject;
		const code = String(error.code ?? 'failed');
		const detail = typeof error.detail === 'string' ? error.detail : '';
		const pointer = (error.source as IDataObject | null | undefined)?.pointer;
		return new EntryFailure(`Skilljar refused this item: ${code}${detail ? ` (${detail})` : ''}`, {
			httpCode: '207',
			status: 'failed',
			code,
			description: detail || null,
			// Where in the item: the request position (`/data/3`) means nothing to a workflow.
			pointer: typeof pointer === 'string' ? pointer.replace(/^\/data\/\d+/, '') || null : null,
			id: (outcome.id ?? null) as IDataObject[string],
		});
	}
	if (isResourceObject(outcome.result)) return flattenResource(outcome.result);
	if (outcome.status === 'deleted') return { id: outcome.id ?? null, deleted: true };
	return outcome;
}

function errorItemOf(error: Error): IDataObject {
	if (error instanceof EntryFailure) return { error: error.message, ...error.details };
	const { httpCode, description } = error as Error & {
		httpCode?: string | null;
		description?: string | null;
	};
	return { error: error.message, httpCode: httpCode ?? null, description: description ?? null };
}

function asItemError(
	context: IExecuteFunctions,
	error: Error,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof EntryFailure) {
		return new NodeOperationError(context.getNode(), `Item ${itemIndex + 1}: ${error.message}`, {
			itemIndex,
			description: `Skilljar answered 207: code ${String(error.details.code)}${error.details.pointer ? ` at ${String(error.details.pointer)}` : ''}. The other items of its request were processed; switch on Continue On Fail to get one result per item.`,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error, { itemIndex });
}
