import type { ApiOperation } from './apiFacts';
import { API_OPERATIONS } from './generated/operations';
import { API_V2_OPERATIONS } from './generated/operationsV2';

/**
 * One API's generated operations, indexed once. Everything the catalog needs to know across
 * operations (lookup by operation ID, the PUT twin of a PATCH, whether a path is a collection) is
 * answered from this index, so a second API is a second table, not a second engine.
 */
export interface FactsTable {
	readonly operations: readonly ApiOperation[];
	/** The operation with this operationId; throws naming the ID when the document lacks it. */
	get(id: string): ApiOperation;
	has(id: string): boolean;
	/** The PUT at the same path as a PATCH: Skilljar documents the pair as one partial update. */
	putTwinOf(facts: ApiOperation): ApiOperation | undefined;
	/** Whether other operations work on this path or on records below it (`{path}/{id}`). */
	isCollection(facts: ApiOperation): boolean;
}

export function indexFacts(operations: readonly ApiOperation[]): FactsTable {
	const byId = new Map(operations.map((operation) => [operation.id, operation]));
	const puts = new Map(
		operations
			.filter((operation) => operation.method === 'PUT')
			.map((operation) => [operation.path, operation]),
	);
	const pathCounts = new Map<string, number>();
	const parents = new Set<string>();
	for (const { path } of operations) {
		pathCounts.set(path, (pathCounts.get(path) ?? 0) + 1);
		const child = path.lastIndexOf('/{');
		for (let end = child; end > 0; end = path.lastIndexOf('/{', end - 1)) {
			parents.add(path.slice(0, end));
		}
	}
	return {
		operations,
		get(id) {
			const facts = byId.get(id);
			if (!facts)
				throw new Error(`Overlay names "${id}", which the OpenAPI document does not have`);
			return facts;
		},
		has: (id) => byId.has(id),
		putTwinOf: (facts) => (facts.method === 'PATCH' ? puts.get(facts.path) : undefined),
		isCollection: (facts) => (pathCounts.get(facts.path) ?? 0) > 1 || parents.has(facts.path),
	};
}

/** Skilljar API v1 (`/v1/...`, API key). */
export const V1_FACTS = indexFacts(API_OPERATIONS);

/** Skilljar API v2 (`/v2/...`, OAuth client credentials, JSON:API). */
export const V2_FACTS = indexFacts(API_V2_OPERATIONS);

/**
 * The table that holds an operation ID: `preferred` (a node's own API) if it has it, else API v2's.
 * A node's overlay may name operations of both APIs.
 */
export function tableFor(id: string, preferred: FactsTable = V1_FACTS): FactsTable {
	return !preferred.has(id) && V2_FACTS.has(id) ? V2_FACTS : preferred;
}
