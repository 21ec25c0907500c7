/** Jest runs the TypeScript tests directly (ts-jest); nodes are exercised through real n8n-core. */
const os = require('node:os');

module.exports = {
	testEnvironment: 'node',
	// Most of a test file's time is spent waiting: on the sandbox over HTTP, on Retry-After,
	// back-off and timeout scenarios. Jest's default (one worker less than the CPUs: a single
	// worker on a 2-core machine) ran the files one after another; three at once took the suite
	// from ~180 s to ~60 s on 2 busy cores; four instead of three took another ~3 s off.
	maxWorkers: Math.max(4, os.availableParallelism() - 1),
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/harness/teardown.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 60000,
	// No forceExit: Jest exits on its own once test/harness/teardown.ts has stopped the interval
	// n8n-core's SSH tunnel manager starts (the one handle left open after the tests).
};
