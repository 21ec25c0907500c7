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
