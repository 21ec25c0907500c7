import type { Sandbox } from '../sandbox/server';
import referenceOperations from './fixtures/reference-operations.json';
import { runNode } from './harness/run-node';
import { credentialsFor, startTestSandbox } from './harness/sandbox';
import { requiredParameters } from './harness/sample-values';
import { allActions } from './harness/tables';

/**
 * Every action of every node runs through n8n-core against the sandbox; the endpoints the
 * sandbox served must be exactly the API reference's 131 operations: 109 reached by actions,
 * 21 PUT twins of PATCH endpoints (the reference calls them identical; Update sends PATCH),
 * and GET /v1/ping, which the credential test reaches (see credential.test.ts).
 */
describe('coverage of the API reference', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const endpoint = (method: string, path: string) => `${method} ${path}`;
	// Deletes run last so the records other actions need still exist.
	const actions = allActions().sort(
		(a, b) => Number(a.operation.method === 'DELETE') - Number(b.operation.method === 'DELETE'),
	);

	test('the operation tables name each reference operation exactly once, with its method and path', () => {
		const named = actions.flatMap(({ operation }) => operation.reference);
		expect(new Set(named).size).toBe(named.length);
		const expected = referenceOperations
			.filter((op) => op.reference !== 'ping read')
			.map((op) => op.reference);
		expect([...named].sort()).toEqual([...expected].sort());
		for (const { operation } of actions) {
			for (const name of operation.reference) {
				const reference = referenceOperations.find((op) => op.reference === name);
				expect(reference?.path).toBe(operation.path);
				// An Update serving a PUT/PATCH pair sends PATCH; everything else uses the reference's method.
				const twinOfPatch = reference?.method === 'PUT' && operation.reference.length === 2;
				expect(twinOfPatch ? 'PATCH' : reference?.method).toBe(operation.method);
			}
		}
	});

	test('every action succeeds against the sandbox, and together they reach every reference endpoint', async () => {
		sandbox.clearRequests();
		const failures: string[] = [];
		for (const { node, resource, operation } of actions) {
			const result = await runNode({
				type: node.description.name,
				parameters: requiredParameters(resource.value, operation),
				credentials: credentialsFor(sandbox),
			});
			if (result.error) {
				failures.push(
					`${node.description.name} ${resource.value}/${operation.value}: ${result.error.message}`,
				);
			}
		}
		expect(failures).toEqual([]);

		const served = new Set(
			sandbox.requests
				.filter((request) => request.status >= 200 && request.status < 300 && request.template)
				.map((request) => endpoint(request.method, request.template as string)),
		);
		const byActions = new Set(
			referenceOperations
				.filter((op) => op.reference !== 'ping read')
				.filter(
					(op) =>
						!(
							op.method === 'PUT' &&
							referenceOperations.some((twin) => twin.method === 'PATCH' && twin.path === op.path)
						),
				)
				.map((op) => endpoint(op.method, op.path)),
		);
		const putTwins = referenceOperations.filter(
			(op) =>
				op.method === 'PUT' &&
				referenceOperations.some((twin) => twin.method === 'PATCH' && twin.path === op.path),
		);
		expect(byActions.size).toBe(109);
		expect(putTwins).toHaveLength(21);
		expect([...served].sort()).toEqual([...byActions].sort());
		for (const twin of putTwins) expect(served).toContain(endpoint('PATCH', twin.path));
	});
});
