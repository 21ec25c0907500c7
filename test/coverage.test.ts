import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { fieldParameterName } from '../nodes/shared/naming';
import type { Sandbox } from '../sandbox/server';
import { runNode } from './harness/run-node';
import { credentialsFor, startTestSandbox } from './harness/sandbox';
import { allParameters, requiredParameters } from './harness/sample-values';
import { allActions } from './harness/tables';

/**
 * Every action of every node runs through n8n-core against the sandbox over HTTP. Together the
 * actions must reach every operation of Skilljar's OpenAPI document: each endpoint by its
 * action, the PUT twin of each PATCH by the Update that sends PATCH, and GET /v1/ping by the
 * credential test (credential.test.ts). Each action also runs once with every field set, and the
 * body Skilljar received must be exactly what the fields say.
 */
describe('coverage of the OpenAPI document', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	const endpoint = (method: string, path: string) => `${method} ${path}`;
	// API v1 actions; the v2 ones are covered with the v2 credential (coverage-v2.test.ts).
	const actions = allActions().filter(({ operation }) => !operation.v2);
	const isPutTwin = (method: string, path: string) =>
		method === 'PUT' &&
		API_OPERATIONS.some((other) => other.method === 'PATCH' && other.path === path);

	/**
	 * Actions that Skilljar refuses with nothing but their required fields, with its answer: an
	 * Update of email domain rules needs something to add or remove (the document cannot say
	 * "one of these two lists").
	 */
	const REFUSED_BARE: Record<string, string> = {
		'skilljarGroup emailDomainRule/update':
			'Skilljar rejected the request: At least one of "add" or "remove" must be provided.',
	};

	test('every action succeeds with its required fields, and together they reach every operation of the document', async () => {
		const failures: string[] = [];
		const served = new Set<string>();
		for (const { node, resource, operation } of actions) {
			// Each action starts from the seeded organisation, so deletes cannot starve later reads.
			sandbox.reset();
			const variants = operation.fields.find((field) => field.in === 'path' && field.options);
			for (const choice of variants?.options ?? [undefined]) {
				const extra = choice && variants ? { [fieldParameterName(variants)]: choice } : {};
				const result = await runNode({
					type: node.description.name,
					parameters: requiredParameters(resource.value, operation, extra),
					credentials: credentialsFor(sandbox),
				});
				const label = `${node.description.name} ${resource.value}/${operation.value}`;
				if (REFUSED_BARE[label]) {
					expect(result.error?.message).toBe(REFUSED_BARE[label]);
					const { parameters } = allParameters(resource.value, operation);
					const full = await runNode({
						type: node.description.name,
						parameters,
						credentials: credentialsFor(sandbox),
					});
					if (full.error) failures.push(`${label} (all fields): ${full.error.message}`);
				} else if (result.error) {
					failures.push(`${label}: ${result.error.message}`);
				}
			}
			for (const request of sandbox.requests) {
				if (request.status >= 200 && request.status < 300 && request.template) {
					served.add(endpoint(request.method, request.template));
				}
			}
		}
		expect(failures).toEqual([]);

		const putTwins = API_OPERATIONS.filter((op) => isPutTwin(op.method, op.path));
		const byActions = API_OPERATIONS.filter(
			(op) => op.id !== 'ping_retrieve' && !isPutTwin(op.method, op.path),
		).map((op) => endpoint(op.method, op.path));
		expect(byActions.length + putTwins.length + 1).toBe(API_OPERATIONS.length);
		expect([...served].sort()).toEqual([...byActions].sort());
		for (const twin of putTwins) expect(served).toContain(endpoint('PATCH', twin.path));
		// One node run per operation, one after another: minutes on a busy 2-core machine.
	}, 240_000);

	test('every action with all its fields set sends exactly those values (dotted names, ID and string lists, JSON, null)', async () => {
		const failures: string[] = [];
		const encodings = new Set<string>();
		for (const { node, resource, operation } of actions) {
			if (!operation.fields.some((field) => field.in !== 'path')) continue;
			// A composite sends several requests built from its inputs (composites.test.ts).
			if (operation.kind === 'composite') continue;
			sandbox.reset();
			const { parameters, body, qs } = allParameters(resource.value, operation);
			const result = await runNode({
				type: node.description.name,
				parameters,
				credentials: credentialsFor(sandbox),
			});
			const label = `${node.description.name} ${resource.value}/${operation.value}`;
			if (result.error) {
				failures.push(`${label}: ${result.error.message}`);
				continue;
			}
			const sent = sandbox.requests.find(
				(request) => request.method === operation.method && request.template === operation.path,
			);
			if (!sent) {
				failures.push(`${label}: no ${operation.method} ${operation.path} reached the sandbox`);
				continue;
			}
			if (operation.method !== 'GET' && operation.method !== 'DELETE') {
				try {
					expect(sent.body).toEqual(body);
				} catch {
					failures.push(
						`${label}: sent ${JSON.stringify(sent.body)}, expected ${JSON.stringify(body)}`,
					);
				}
			}
			for (const [name, value] of Object.entries(qs)) {
				if (value !== null && sent.query[name] !== String(value)) {
					failures.push(`${label}: query ${name}=${sent.query[name]}, expected ${String(value)}`);
				}
			}
			for (const field of operation.fields) {
				if (field.name.includes('.')) encodings.add('dotted');
				if (!field.required && field.nullable) encodings.add('null');
				encodings.add(field.type);
			}
		}
		expect(failures).toEqual([]);
		expect([...encodings]).toEqual(
			expect.arrayContaining(['dotted', 'null', 'idList', 'stringList', 'json', 'options']),
		);
		// One node run per operation, one after another: minutes on a busy 2-core machine.
	}, 240_000);
});
