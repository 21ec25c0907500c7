// @ts-check
// `npm start` cleans up whatever stops it. Each test starts it on free ports (with the installed
// n8n 1.123, no build), waits until it is ready, stops it one way, and checks within 10 s that
// npm, n8n, the sandbox and every process in their groups are gone and both ports are free.
// Ways: SIGINT, SIGTERM and SIGHUP to npm alone and to npm's whole process group (Ctrl-C, a
// closed terminal, an IDE's stop button, `timeout`), and the death of the process that ran npm.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
	LOCAL,
	ROOT,
	alive,
	freePort,
	portInUse,
	readJson,
	sleep,
	waitFor,
} from '../../tools/lib/runtime.mjs';

const HOME = path.join(LOCAL, 'e2e', 'start');
const LOGS = path.join(ROOT, 'test-output', 'start-signals');
const STOP_WITHIN_MS = 10000;

/** @typedef {{ launcher: import('node:child_process').ChildProcess, npmPid: number, ports: number[], pids: number[], output: () => string }} Started */

/** Pids whose process group is one of `groups` (Linux /proc). @param {number[]} groups */
function processesInGroups(groups) {
	const found = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			if (fields[0] !== 'Z' && groups.includes(Number(fields[2]))) found.push(Number(entry));
		} catch {
			/* exited meanwhile */
		}
	}
	return found;
}

/** @type {Started[]} */
const everStarted = [];
/** @type {number[] | undefined} */
let ports;

/**
 * Start `npm start` through a small Node launcher (standing in for a terminal or an IDE),
 * npm leading a process group of its own as a shell's job does, and wait for "Ready".
 * @param {string} name
 * @returns {Promise<Started>}
 */
async function startNpm(name) {
	// The same ports every time: a new sandbox address would re-import the credential.
	ports ??= [await freePort(), await freePort()];
	fs.mkdirSync(LOGS, { recursive: true });
	const logFile = path.join(LOGS, `${name}.log`);
	const launcher = spawn(
		process.execPath,
		[
			'-e',
			`const c = require('child_process').spawn('npm', ['start'], { stdio: 'inherit', detached: true });
			 process.stdout.write('npm pid ' + c.pid + '\\n');
			 c.on('exit', (code, signal) => { process.stdout.write('npm exited ' + (code ?? signal) + '\\n'); process.exit(0); });
			 for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(s, () => {});`,
		],
		{
			cwd: ROOT,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				N8N_PORT: String(ports[0]),
				SKILLJAR_SANDBOX_PORT: String(ports[1]),
				START_HOME: HOME,
				START_NO_BUILD: '1',
			},
		},
	);
	let output = '';
	/** @param {Buffer} d */
	const keep = (d) => {
		output += d;
		fs.appendFileSync(logFile, d);
	};
	launcher.stdout?.on('data', keep);
	launcher.stderr?.on('data', keep);
	const started = {
		launcher,
		npmPid: 0,
		ports,
		pids: /** @type {number[]} */ ([]),
		output: () => output,
	};
	everStarted.push(started);
	await waitFor('npm start to be ready', () => /Ready in/.test(output), {
		timeoutMs: 240000,
		intervalMs: 250,
	});
	started.npmPid = Number(/npm pid (\d+)/.exec(output)?.[1]);
	const state = readJson(path.join(HOME, 'start.json'));
	const children = state.children.map((/** @type {{ pid: number }} */ c) => c.pid);
	assert.equal(children.length, 2, `start.json lists ${children.length} children`);
	// Everything to be gone: npm's group (npm, sh, node) and the groups n8n and the sandbox lead.
	started.pids = processesInGroups([started.npmPid, ...children]);
	assert.ok(started.pids.length >= 4, `only ${started.pids.length} processes found`);
	for (const port of ports)
		assert.ok(await portInUse(port), `port ${port} is not in use while running`);
	return started;
}

/** @param {Started} started */
async function assertAllGone(started) {
	const t0 = Date.now();
	const deadline = t0 + STOP_WITHIN_MS;
	let left = started.pids;
	let busy = started.ports;
	while (Date.now() < deadline) {
		left = started.pids.filter(alive);
		busy = [];
		for (const port of started.ports) if (await portInUse(port)) busy.push(port);
		if (!left.length && !busy.length) return Date.now() - t0;
		await sleep(200);
	}
	assert.fail(
		`after ${STOP_WITHIN_MS / 1000}s still running: ${left.join(', ') || 'none'}; ports in use: ${busy.join(', ') || 'none'}\n${started.output().slice(-1500)}`,
	);
}

describe('npm start stops everything it started', () => {
	before(() => fs.rmSync(LOGS, { recursive: true, force: true }));
	after(async () => {
		// Bounded clean-up if a check failed half-way: nothing this file started may survive.
		for (const s of everStarted) {
			for (const pid of s.pids.filter(alive)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					/* gone */
				}
			}
			try {
				if (s.npmPid) process.kill(-s.npmPid, 'SIGKILL');
				if (s.launcher.pid) process.kill(-s.launcher.pid, 'SIGKILL');
			} catch {
				/* gone */
			}
		}
	});

	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		test(`npm start: ${signal} to npm alone stops n8n and the sandbox within 10 s`, async () => {
			const started = await startNpm(`${signal}-npm`);
			process.kill(started.npmPid, signal);
			await assertAllGone(started);
		});
		test(`npm start: ${signal} to the process group stops n8n and the sandbox within 10 s`, async () => {
			const started = await startNpm(`${signal}-group`);
			process.kill(-started.npmPid, signal);
			await assertAllGone(started);
		});
	}

	test('npm start: the death of the process that ran npm stops everything within 10 s', async () => {
		const started = await startNpm('parent-killed');
		const launcherPid = /** @type {number} */ (started.launcher.pid);
		process.kill(launcherPid, 'SIGKILL');
		await assertAllGone({ ...started, pids: started.pids.filter((p) => p !== launcherPid) });
	});
});
