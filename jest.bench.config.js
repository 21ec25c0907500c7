/** `npm run bench`: benchmarks print ratios (ours vs a baseline in the same run); they are not tests. */
const base = require('./jest.config.js');

module.exports = {
	...base,
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	testTimeout: 300000,
	// One benchmark file at a time: the tests' parallel workers would skew every timing.
	maxWorkers: 1,
};
