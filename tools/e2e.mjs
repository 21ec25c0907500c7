// @ts-check
// npm run test:e2e: build the package, then run the end-to-end suites in test/e2e/ with
// node:test, several files at once. Prints each test as it finishes, writes
// test-output/e2e-results.json (read by .ci/run) and ends with `N passed, N failed`.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureChromium } from '../test/e2e/browser.mjs';
import { ensureDebianPackages } from '../test/e2e/lib/queue-services.mjs';
import { bold, green, log, red } from './lib/log.mjs';
import { buildPackage, readJson } from './lib/package.mjs';
import { ROOT } from './lib/paths.mjs';
import { signalGroup, watchParents } from './lib/processes.mjs';
import { N8N_V1, N8N_V2, ensureN8n } from './lib/runtimes.mjs';

const HELP = `Usage: npm run test:e2e   (node tools/e2e.mjs [test files…])

Runs test/e2e/*.test.mjs on node:test against real n8n (installed on the first run on this
machine into the runtime cache, linked from .n8n-local/v1 and v2).

Environment:
  E2E_LINES=v1,v2     which n8n lines to test (v1: n8n 1.123 on Node 20, v2: n8n 2.x on Node 24)
  E2E_BROWSER=0       skip the browser checks (both lines)
  E2E_SIGNALS=0       skip the npm start signal test
  E2E_QUEUE=0         skip the queue-mode suite (n8n main + workers + webhook, Redis, PostgreSQL)
  E2E_SCHEDULER=0     skip the poll trigger under n8n 2.x's opt-in poll scheduler and durable
                      poll cursors (test/e2e/poll-scheduler.test.mjs, about 4 minutes)
  E2E_NO_BUILD=1      do not rebuild the package first (.ci/run: npm test has just built it)
  E2E_CONCURRENCY=4   how many test files run at once
  SKILLJAR_RUNTIME_CACHE=DIR  where n8n is installed once per machine
                      (default ~/.cache/n8n-nodes-skilljar/runtimes; 0: in .n8n-local/)

Results: test-output/e2e-results.json; n8n logs under test-output/n8n-*/.`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
	log(HELP);
	process.exit(0);
}

const OUT = path.join(ROOT, 'test-output');
const RESULTS = path.join(OUT, 'e2e-results.json');

function testFiles() {
	const given = process.argv.slice(2).filter((a) => !a.startsWith('-'));
	if (given.length) return given;
	const lines = (process.env.E2E_LINES || 'v1,v2').split(',').map((s) => s.trim());
	const files = lines.map((line) => `test/e2e/n8n-${line}.test.mjs`);
	if (process.env.E2E_SIGNALS !== '0') files.push('test/e2e/start-signals.test.mjs');
	// Queue mode runs when a slot frees up (E2E_CONCURRENCY), usually after the signal test.
	if (process.env.E2E_QUEUE !== '0') files.push('test/e2e/queue-mode.test.mjs');
	if (process.env.E2E_SCHEDULER !== '0') files.push('test/e2e/poll-scheduler.test.mjs');
	return files;
}

/**
 * Installs, once and before any suite starts, what several suites share: the n8n runtimes
 * (runtime cache, linked from .n8n-local/), Chromium and Redis/PostgreSQL from Debian. The suites run side by side; left to
 * themselves on a fresh machine they would run two npm installs into one folder, or two apt-gets
 * that fight over dpkg's lock.
 * @param {string[]} files
 */
async function prepare(files) {
	const uses = (/** @type {string} */ name) => files.some((file) => file.includes(name));
	const v1 = uses('n8n-v1') || uses('start-signals') || uses('queue-mode');
	if (uses('queue-mode')) ensureDebianPackages(log);
	if (process.env.E2E_BROWSER !== '0' && (uses('n8n-v1') || uses('n8n-v2'))) ensureChromium(log);
	await Promise.all([
		...(v1 ? [ensureN8n(N8N_V1)] : []),
		...(uses('n8n-v2') || uses('poll-scheduler') ? [ensureN8n(N8N_V2)] : []),
	]);
}

async function main() {
	const t0 = Date.now();
	fs.mkdirSync(OUT, { recursive: true });
	fs.rmSync(RESULTS, { force: true });
	if (process.env.E2E_NO_BUILD !== '1') buildPackage();
	await prepare(testFiles());
	const child = spawn(
		process.execPath,
		[
			'--test',
			`--test-concurrency=${process.env.E2E_CONCURRENCY || 4}`,
			'--test-reporter=spec',
			'--test-reporter-destination=stdout',
			`--test-reporter=${path.join(ROOT, 'tools', 'e2e-report.mjs')}`,
			`--test-reporter-destination=${RESULTS}`,
			...testFiles(),
		],
		// Built once above: a suite rebuilding build/ would pull it from under the others. A group
		// of its own, so that stopping it reaches every suite (each stops its n8n and sandbox).
		{ cwd: ROOT, stdio: 'inherit', env: { ...process.env, E2E_NO_BUILD: '1' }, detached: true },
	);
	/** @param {NodeJS.Signals} signal */
	const stopSuites = (signal) => {
		signalGroup(child, signal);
		// Suites get time to stop their servers; whatever still runs then is killed.
		setTimeout(() => signalGroup(child, 'SIGKILL'), 30_000).unref();
	};
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.on(signal, () => stopSuites(signal));
	}
	// npm passes a signal to the shell that runs us, not to us: a gone npm stops the suites too.
	watchParents(() => stopSuites('SIGTERM'));
	const code = await new Promise((resolve) => child.on('close', resolve));
	if (!fs.existsSync(RESULTS)) {
		log(red(`node --test wrote no results (exit ${code})`));
		process.exit(1);
	}
	/** @type {{ passed: number, failed: number }} */
	let results;
	try {
		results = readJson(RESULTS);
	} catch {
		// Stopped while the reporter was writing: say so instead of failing on half a file.
		log(red(`node --test left incomplete results in ${path.relative(ROOT, RESULTS)} (exit ${code})`));
		process.exit(1);
	}
	const { passed, failed } = results;
	log(
		`\nTotal ${((Date.now() - t0) / 1000).toFixed(0)}s; results in ${path.relative(ROOT, RESULTS)}, logs in test-output/`,
	);
	log((failed || code ? red : green)(bold(`${passed} passed, ${failed} failed`)));
	process.exit(failed || code ? 1 : 0);
}

void main();
