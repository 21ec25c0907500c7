import { randomBytes } from 'crypto';

import { startSandbox, type Sandbox } from '../../sandbox/server';
import type { V2Credentials } from './run-node';

/** A fresh random key per run: tests can then search outputs and errors for it. */
export const TEST_API_KEY = `sk-test-${randomBytes(12).toString('hex')}`;

/** Starts a seeded sandbox on a random 127.0.0.1 port for one test file. */
export async function startTestSandbox(): Promise<Sandbox> {
	return await startSandbox({ apiKey: TEST_API_KEY, port: 0 });
}

/**
 * One seeded sandbox for the enclosing `describe`: started before its tests, closed after them.
 * Before each test, `'requests'` empties the request log; `'all'` also switches faults off and
 * restores the seed. `started` receives the sandbox (a test file keeps it in its own variable).
 */
export function useTestSandbox(
	started: (sandbox: Sandbox) => void,
	beforeEachTest: 'requests' | 'all' = 'requests',
): void {
	let sandbox: Sandbox | undefined;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		started(sandbox);
	});
	afterAll(async () => {
		await sandbox?.close();
	});
	beforeEach(() => {
		if (!sandbox) return;
		if (beforeEachTest === 'all') {
			sandbox.faults.clear();
			sandbox.reset();
		} else sandbox.clearRequests();
	});
}

export function credentialsFor(sandbox: Sandbox): { apiKey: string; baseUrl: string } {
	return { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
}

/** The Skilljar V2 API credential for the sandbox's client (a stored token and its time may be given). */
export function v2CredentialsFor(sandbox: Sandbox, stored: Partial<V2Credentials> = {}): V2Credentials {
	return {
		clientId: sandbox.v2ClientId,
		clientSecret: sandbox.v2ClientSecret,
		baseUrl: sandbox.url,
		...stored,
	};
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
