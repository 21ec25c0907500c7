import { randomBytes } from 'crypto';

import { startSandbox, type Sandbox } from '../../sandbox/server';

/** A fresh random key per run: tests can then search outputs and errors for it. */
export const TEST_API_KEY = `sk-test-${randomBytes(12).toString('hex')}`;

/** Starts a seeded sandbox on a random 127.0.0.1 port for one test file. */
export async function startTestSandbox(): Promise<Sandbox> {
	return await startSandbox({ apiKey: TEST_API_KEY, port: 0 });
}

export function credentialsFor(sandbox: Sandbox): { apiKey: string; baseUrl: string } {
	return { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
}

/**
 * One raw HTTP call to the sandbox with the key and JSON headers, for tests of the sandbox itself
 * (node tests go through n8n-core instead). The body is parsed when there is one.
 */
export async function callSandbox<T = unknown>(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: T }> {
	const response = await fetch(`${sandbox.url}${path}`, {
		method,
		headers: {
			Accept: 'application/json',
			Authorization: `Basic ${Buffer.from(`${sandbox.apiKey}:`).toString('base64')}`,
			...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
		},
		body: body === undefined ? undefined : JSON.stringify(body),
		signal: AbortSignal.timeout(10_000),
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}
