// @ts-check
// npm run test:cold: what a new user's machine does, with nothing cached. A fresh clone of this
// repository's HEAD in a temporary folder, an empty runtime cache and an empty npm cache, then
// exactly the README's two commands:
//   1. npm install && npm start   until "Ready" with every node of the package loaded in n8n,
//                                 then SIGTERM to npm; nothing of it may keep running;
//   2. npm ci && npm test && npm run test:e2e
// Prints the time and disk each took and writes test-output/cold-run.json. Takes 20-40 minutes
// on a 2-core machine (two n8n installs and every package downloaded). Stops by itself: each
// step has a bound, and on any signal what it started is stopped.
//
// Environment: COLD_KEEP=1 keeps the temporary folder; COLD_SKIP_TESTS=1 stops after step 1;
// CI_E2E_LOCK=FILE runs the e2e step under flock (one e2e run per machine at a time).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bold, dim, green, log, red } from './lib/log.mjs';
import { N8nClient } from './lib/n8n-client.mjs';
import { ROOT } from './lib/paths.mjs';
import { freePort, processesIn, signalGroup, sleep, watchParents } from './lib/processes.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skilljar-cold-'));
const clone = path.join(tmp, 'n8n-nodes-skilljar');
const env = {
	...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/.test(k))),
	// Both settings as a user's environment would give them: npm and the runtime installs read them.
	SKILLJAR_RUNTIME_CACHE: path.join(tmp, 'runtime-cache'),
	NPM_CONFIG_CACHE: path.join(tmp, 'npm-cache'),
};
/** @type {Array<{ step: string, seconds: number, ok: boolean, detail?: string }>} */
const results = [];
/** @type {import('node:child_process').ChildProcess | null} */
let current = null;

/** @param {string} dir */
const sizeMb = (dir) =>
	Number(spawnSync('du', ['-sm', dir], { encoding: 'utf8' }).stdout.split(/\s/)[0]) || 0;

/**
 * Run a command in the clone as a job of its own group; resolves with its exit code and output.
 * @param {string} step @param {string} command @param {string[]} args
 * @param {{ timeoutMs: number, extraEnv?: Record<string, string>, until?: RegExp }} options
 */
async function runStep(step, command, args, { timeoutMs, extraEnv = {}, until }) {
	log(bold(`\n› ${step}: ${command} ${args.join(' ')}`));
	const started = Date.now();
	const child = spawn(command, args, {
		cwd: clone,
		env: { ...env, ...extraEnv },
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	current = child;
	let output = '';
	/** @param {Buffer} chunk */
	const onData = (chunk) => {
		output += chunk;
		if (output.length > 400_000) output = output.slice(-200_000);
		process.stdout.write(chunk);
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
	const timer = setTimeout(() => {
		log(red(`${step}: no end after ${timeoutMs / 60000} min; stopping it`));
		signalGroup(child, 'SIGKILL');
	}, timeoutMs);
	/** @type {unknown} */
	let code;
	if (until) {
		code = await Promise.race([
			exited,
			(async () => {
				while (!until.test(output)) await sleep(500);
				return 'matched';
			})(),
		]);
	} else {
		code = await exited;
	}
	clearTimeout(timer);
	const seconds = Math.round((Date.now() - started) / 1000);
	return { code, seconds, output, child, exited };
}

/**
 * The package's node types that the running n8n serves to its editor, read as the editor reads
 * them, logged in with the account npm start printed.
 * @param {number} port @param {string} startOutput
 */
async function loadedNodes(port, startOutput) {
	// eslint-disable-next-line no-control-regex
	const plain = startOutput.replace(/\x1b\[[0-9;]*m/g, '');
	const login = /Log in as:\s+(\S+) \/ (\S+)/.exec(plain);
	if (!login) throw new Error('npm start printed no login');
	const client = new N8nClient(`http://127.0.0.1:${port}`);
	await client.login(login[1], login[2]);
	const response = await fetch(`${client.base}/types/nodes.json`, {
		headers: { Cookie: client.cookie, 'browser-id': client.browserId },
	});
	/** @type {Array<{ name: string }>} */
	const types = await response.json();
	return new Set(
		types.map((t) => t.name).filter((n) => /^n8n-nodes-skilljar\.[a-zA-Z]+$/.test(n) && !n.endsWith('Tool')),
	);
}

async function main() {
	log(bold(`Cold run in ${tmp}`));
	const head = spawnSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
	const clonedAt = spawnSync('git', ['clone', '--quiet', '--no-local', ROOT, clone], { stdio: 'inherit' });
	if (clonedAt.status !== 0) throw new Error('git clone failed');
	// CI lays Skilljar's documents beside the clone; so does this run.
	const shared = path.join(ROOT, '..', 'shared');
	if (fs.existsSync(shared)) fs.symlinkSync(shared, path.join(tmp, 'shared'));

	const n8nPort = await freePort();
	const sandboxPort = await freePort();
	const install = await runStep('npm install', 'npm', ['install'], { timeoutMs: 20 * 60_000 });
	results.push({ step: 'npm install', seconds: install.seconds, ok: install.code === 0 });
	if (install.code !== 0) return;

	const start = await runStep('npm start', 'npm', ['start'], {
		timeoutMs: 45 * 60_000,
		extraEnv: { N8N_PORT: String(n8nPort), SKILLJAR_SANDBOX_PORT: String(sandboxPort) },
		until: /Ready in [\d.]+s/,
	});
	const expected = JSON.parse(fs.readFileSync(path.join(clone, 'package.json'), 'utf8')).n8n.nodes
		.length;
	let loaded = 0;
	if (start.code === 'matched') loaded = (
			await loadedNodes(n8nPort, start.output).catch((error) => {
				log(red(`could not read the loaded nodes: ${error.message}`));
				return new Set();
			})
		).size;
	// SIGTERM to npm alone, as an IDE's stop button or `kill` sends it.
	if (start.child.pid) process.kill(start.child.pid, 'SIGTERM');
	await Promise.race([start.exited, sleep(30_000)]);
	await sleep(10_000);
	const left = processesIn(tmp);
	signalGroup(start.child, 'SIGKILL');
	results.push({
		step: 'npm start (cold: installs n8n 1.123)',
		seconds: start.seconds,
		ok: start.code === 'matched' && loaded === expected && left.length === 0,
		detail: `${loaded} of ${expected} nodes loaded; ${left.length ? `left running after SIGTERM: ${left.join('; ')}` : 'nothing left running after SIGTERM'}`,
	});
	results.push({ step: 'disk after npm start', seconds: 0, ok: true, detail: disk() });
	if (process.env.COLD_SKIP_TESTS === '1') return;

	for (const [step, args, minutes] of /** @type {const} */ ([
		['npm ci', ['ci'], 20],
		['npm test', ['test'], 30],
		['npm run test:e2e (cold: installs Node 24 and n8n 2.x)', ['run', 'test:e2e'], 90],
	])) {
		const lock = process.env.CI_E2E_LOCK;
		const [command, commandArgs] =
			lock && args[0] === 'run' ? ['flock', [lock, 'npm', ...args]] : ['npm', [...args]];
		const res = await runStep(step, command, commandArgs, { timeoutMs: minutes * 60_000 });
		const counts = /(\d+) passed, (\d+) failed/.exec(res.output.split('\n').slice(-40).join('\n'));
		const jest = /Tests:\s+(.*)$/m.exec(res.output);
		results.push({
			step,
			seconds: res.seconds,
			ok: res.code === 0,
			detail: counts ? counts[0] : jest ? jest[1] : `exit ${res.code}`,
		});
		// The README chains them with &&; a failed npm test still lets the e2e step run here, so
		// that one cold run measures every first install (the summary marks the failure).
		if (res.code !== 0 && step === 'npm ci') break;
	}
	results.push({ step: 'disk at the end', seconds: 0, ok: true, detail: disk() });
	log(dim(`(HEAD ${head.stdout.trim()})`));
}

function disk() {
	return `runtime cache ${sizeMb(env.SKILLJAR_RUNTIME_CACHE)} MB, npm cache ${sizeMb(env.NPM_CONFIG_CACHE)} MB, clone ${sizeMb(clone)} MB`;
}

function finish(/** @type {number} */ code) {
	if (current) signalGroup(current, 'SIGKILL');
	log(bold('\nCold run:'));
	for (const r of results) {
		log(`  ${r.ok ? green('✓') : red('✗')} ${r.step}${r.seconds ? ` ${r.seconds}s` : ''}${r.detail ? `: ${r.detail}` : ''}`);
	}
	fs.mkdirSync(path.join(ROOT, 'test-output'), { recursive: true });
	fs.writeFileSync(
		path.join(ROOT, 'test-output', 'cold-run.json'),
		`${JSON.stringify({ at: new Date().toISOString(), results }, null, 2)}\n`,
	);
	if (process.env.COLD_KEEP === '1') log(dim(`kept ${tmp}`));
	else fs.rmSync(tmp, { recursive: true, force: true });
	process.exit(code);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => finish(143));
}
watchParents(() => finish(143));
main().then(
	() => finish(results.length && results.every((r) => r.ok) ? 0 : 1),
	(error) => {
		log(red(String(error?.stack ?? error)));
		finish(1);
	},
);
