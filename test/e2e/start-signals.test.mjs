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
import { readJson } from '../../tools/lib/package.mjs';
import { LOCAL, ROOT } from '../../tools/lib/paths.mjs';
import { freePort, portInUse, sleep, waitFor } from '../../tools/lib/processes.mjs';

const HOME = path.join(LOCAL, 'e2e', 'start');
const LOGS = path.join(ROOT, 'test-output', 'start-signals');
const STOP_WITHIN_MS = 10000;

/**
 * A process as seen once: its pid, its process group and its start time (clock ticks after
 * boot). A pid is reused once its process is gone; the start time tells the two apart, so a
 * check or a clean-up never mistakes someone else's new process for one of ours.
 * @typedef {{ pid: number, group: number, since: string }} Seen
 */
/** @typedef {{ launcher: import('node:child_process').ChildProcess, npmPid: number, ports: number[], pids: Seen[], output: () => string }} Started */

/** Linux /proc/<pid>/stat: state, group and start time; undefined once gone. @param {number} pid */
function statOf(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name: state is field 3 of stat(5), pgrp 5, starttime 22.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { state: fields[0], group: Number(fields[2]), since: fields[19] };
	} catch {
		return undefined; // exited meanwhile
	}
}

/** Processes whose process group is one of `groups`. @param {number[]} groups @returns {Seen[]} */
function processesInGroups(groups) {
	const found = [];
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const stat = statOf(Number(entry));
		if (stat && stat.state !== 'Z' && groups.includes(stat.group))
			found.push({ pid: Number(entry), group: stat.group, since: stat.since });
	}
	return found;
}

/** Whether the very process seen still runs (a zombie counts as gone). @param {Seen} seen */
function stillRuns(seen) {
	const stat = statOf(seen.pid);
	return !!stat && stat.state !== 'Z' && stat.since === seen.since;
}

/**
 * Signal the groups of the seen processes that still run, and only those: an emptied group's
 * number, like a pid, can belong to some other process by now.
 * @param {Seen[]} seen @param {NodeJS.Signals} signal @returns {Seen[]} the processes still running
 */
function signalGroups(seen, signal) {
	const running = seen.filter(stillRuns);
	for (const group of new Set(running.map((p) => p.group))) {
		try {
			process.kill(-group, signal);
		} catch {
			/* gone meanwhile */
		}
	}
	return running;
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
		pids: /** @type {Seen[]} */ ([]),
		output: () => output,
	};
	everStarted.push(started);
	await waitFor('the launcher to start npm', () => /npm pid \d+/.test(output), {
		timeoutMs: 30000,
		intervalMs: 100,
	});
	started.npmPid = Number(/npm pid (\d+)/.exec(output)?.[1]);
	// npm's group as soon as it exists, so that a start that never gets ready is stopped too.
	started.pids = processesInGroups([started.npmPid]);
	try {
		await waitFor('npm start to be ready', () => /Ready in/.test(output), {
			timeoutMs: 240000,
			intervalMs: 250,
		});
	} catch (error) {
		// SIGTERM to npm's group: npm start's own shutdown then stops n8n and the sandbox.
		signalGroups(started.pids, 'SIGTERM');
		throw error;
	}
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
		left = started.pids.filter(stillRuns);
		busy = [];
		for (const port of started.ports) if (await portInUse(port)) busy.push(port);
		if (!left.length && !busy.length) return Date.now() - t0;
		await sleep(200);
	}
	assert.fail(
		`after ${STOP_WITHIN_MS / 1000}s still running: ${left.map((p) => p.pid).join(', ') || 'none'}; ports in use: ${busy.join(', ') || 'none'}\n${started.output().slice(-1500)}`,
	);
}

/**
 * Bounded clean-up if a check failed half-way or the suite is stopped: nothing this file started
 * may survive, and nothing else may be hit: only processes seen (same pid and start time) and
 * their groups.
 */
function killEverythingStarted() {
	const kill = (/** @type {number} */ target) => {
		try {
			process.kill(target, 'SIGKILL');
		} catch {
			/* gone */
		}
	};
	for (const s of everStarted) {
		for (const p of signalGroups(s.pids, 'SIGKILL')) kill(p.pid);
		const { launcher } = s;
		if (launcher.pid && launcher.exitCode === null && launcher.signalCode === null)
			kill(-launcher.pid);
	}
}

describe('npm start stops everything it started', () => {
	before(() => fs.rmSync(LOGS, { recursive: true, force: true }));
	before(() => {
		// Stopped from outside (tools/e2e.mjs passes a signal to the suites' group): after() hooks
		// do not run then, and the npm starts lead groups of their own, so clean up here too.
		for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
			process.once(signal, async () => {
				// TERM first: npm start's own shutdown also stops the n8n and sandbox it may be
				// starting, which are not in the groups seen yet.
				for (const s of everStarted) signalGroups(s.pids, 'SIGTERM');
				const deadline = Date.now() + 10_000;
				while (Date.now() < deadline && everStarted.some((s) => s.pids.some(stillRuns)))
					await sleep(200);
				killEverythingStarted();
				process.exit(1);
			});
		}
	});
	after(killEverythingStarted);

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
		await assertAllGone({ ...started, pids: started.pids.filter((p) => p.pid !== launcherPid) });
	});
});
