/** Jest runs the TypeScript tests directly (ts-jest); nodes are exercised through real n8n-core. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	setupFiles: ['<rootDir>/test/harness/setup-env.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 60000,
	// Stays on: after several test files ran nodes through n8n-core's WorkflowExecute in parallel
	// workers, something n8n-core starts keeps Jest from exiting ("Jest did not exit one second
	// after the test run"). Any single file exits cleanly, and --detectOpenHandles (which runs
	// in band) finds no handle of ours to close, so Jest is told to exit when the tests are done.
	forceExit: true,
};
