import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Runs after each test file (jest.config.js: setupFilesAfterEnv). The first node context a test
 * builds makes n8n-core create its SSH tunnel manager, whose constructor starts a one-minute
 * cleanup interval that only n8n's own shutdown stops; it kept Jest's workers from exiting
 * ("A worker process has failed to exit gracefully", "Jest did not exit one second after the
 * test run"). Stop it the way n8n does when it shuts down. n8n-core does not export the class,
 * so it is loaded by path; Jest's createRequire hands back the very modules n8n-core loaded in
 * this test file, so `Container` is n8n-core's own.
 */
const coreDir = dirname(require.resolve('n8n-core'));
const fromCore = createRequire(join(coreDir, 'index.js'));
const { Container } = fromCore('@n8n/di') as {
	Container: { has(type: unknown): boolean; get<T>(type: new (...args: never[]) => T): T };
};
const { SSHClientsManager } = fromCore('./execution-engine/ssh-clients-manager') as {
	SSHClientsManager: new (...args: never[]) => { onShutdown(): void };
};

afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
	// The per-file n8n user folder setup-env.ts made: one per test file and run, never reused.
	const userFolder = process.env.N8N_USER_FOLDER;
	if (userFolder?.includes('skilljar-n8n-')) rmSync(userFolder, { recursive: true, force: true });
});
