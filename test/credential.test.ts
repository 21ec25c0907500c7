import type { Sandbox } from '../sandbox/server';
import { runNode } from './harness/run-node';
import { useTestSandbox } from './harness/sandbox';

describe('Skilljar API credential', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started));

	const testCredential = async (apiKey: string, baseUrl: string) =>
		await runNode({
			type: 'harness.credentialTest',
			parameters: {},
			credentials: { apiKey, baseUrl },
		});

	test('the credential test calls GET /v1/ping with the key as Basic username and passes', async () => {
		const result = await testCredential(sandbox.apiKey, sandbox.url);
		expect(result.error).toBeUndefined();
		expect(
			sandbox.requests.map((request) => [request.method, request.template, request.status]),
		).toEqual([['GET', '/v1/ping', 200]]);
	});

	test('a trailing slash on the Base URL still reaches /v1/ping', async () => {
		const result = await testCredential(sandbox.apiKey, `${sandbox.url}/`);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/v1/ping']);
	});

	test('a Base URL ending in /v1/ is normalised for the credential test too', async () => {
		const result = await testCredential(sandbox.apiKey, `${sandbox.url}/v1/`);
		expect(result.error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toEqual(['/v1/ping']);
	});

	test('a wrong API key fails the credential test with 401', async () => {
		const result = await testCredential('sk-wrong-key', sandbox.url);
		expect(result.error?.httpCode).toBe('401');
		// n8n retries a 401 once after pre-authentication; every attempt must have been refused.
		expect(sandbox.requests.length).toBeGreaterThan(0);
		expect(sandbox.requests.every((request) => request.status === 401)).toBe(true);
	});
});
