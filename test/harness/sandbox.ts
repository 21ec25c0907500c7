import { startSandbox, type Sandbox } from '../../sandbox/server';

export const TEST_API_KEY = 'sk-test-4f8a2c91d7e3b6a05f1c';

/** Starts a seeded sandbox on a random 127.0.0.1 port for one test file. */
export async function startTestSandbox(): Promise<Sandbox> {
	return await startSandbox({ apiKey: TEST_API_KEY, port: 0 });
}

export function credentialsFor(sandbox: Sandbox): { apiKey: string; baseUrl: string } {
	return { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
}
