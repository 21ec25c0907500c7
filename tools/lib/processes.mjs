// @ts-check
// Child processes and ports: start long-running servers in their own process group, stop a
// whole group (SIGTERM, then SIGKILL), wait for conditions with a bound, notice when the
// process that started us is gone, find processes left running (Linux /proc).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { dim } from './log.mjs';
import { ROOT } from './paths.mjs';

/** A child started by startProcess: its recent output is kept for error messages. */
/** @typedef {import('node:child_process').ChildProcess & { output: string }} Server */

/** @param {number} ms */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Run a command to completion, output shown; throws on a non-zero exit.
 * @param {string} cmd @param {string[]} args @param {import('node:child_process').SpawnSyncOptions} [options]
 */
export function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
	}
	return result;
}

/** A port the OS says is free on 127.0.0.1 right now. @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** Whether something accepts connections on 127.0.0.1:port. @param {number} port @returns {Promise<boolean>} */
export function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** @param {import('node:child_process').ChildProcess} child */
const running = (child) => child.exitCode === null && child.signalCode === null;

/**
 * Send `signal` to the process group `child` leads (it was started detached). Members can outlive
 * their leader, so this reaches them after the leader exited too. False when no such group is left.
 * @param {import('node:child_process').ChildProcess | undefined} child @param {NodeJS.Signals} signal
 */
export function signalGroup(child, signal) {
	if (!child?.pid) return false;
	try {
		process.kill(-child.pid, signal);
		return true;
	} catch {
		return false;
	}
}

/**
 * Signal a running child's whole process group: n8n's task runner and anything else it started go
 * with it (the child alone when it leads no group).
 * @param {import('node:child_process').ChildProcess | undefined} child @param {NodeJS.Signals} [signal]
 */
export function killTree(child, signal = 'SIGTERM') {
	if (!child || !child.pid || !running(child)) return;
	if (signalGroup(child, signal)) return;
	try {
		child.kill(signal);
	} catch {
		/* already gone */
	}
}

/**
 * Stop a child: SIGTERM to its group, then SIGKILL after `graceMs`. Resolves when it has exited.
 * @param {import('node:child_process').ChildProcess | undefined} child @param {number} [graceMs]
 */
export async function stopChild(child, graceMs = 6000) {
	if (!child || !running(child)) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killTree(child, 'SIGTERM');
	const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
	if (timedOut) {
		killTree(child, 'SIGKILL');
		await Promise.race([exited, sleep(3000)]);
	}
}

/**
 * Start a long-running child in its own process group; output goes to `logFile` (and
 * optionally the console).
 * @param {string} cmd @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile: string, echo?: boolean }} options
 * @returns {Server}
 */
export function startProcess(cmd, args, { cwd = ROOT, env = process.env, logFile, echo = false }) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.createWriteStream(logFile);
	const child = /** @type {Server} */ (
		spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
	);
	child.output = '';
	/** @param {Buffer} d */
	const onData = (d) => {
		out.write(d);
		child.output += d;
		if (child.output.length > 200000) child.output = child.output.slice(-100000);
		if (echo) process.stdout.write(dim(String(d)));
	};
	child.stdout?.on('data', onData);
	child.stderr?.on('data', onData);
	child.on('exit', () => out.end());
	return child;
}

/**
 * Poll `fn` until it returns a truthy value or `timeoutMs` passes (then throws, naming `what`).
 * @template T
 * @param {string} what @param {() => Promise<T> | T}  fn
 * @param {{ timeoutMs?: number, intervalMs?: number, child?: Server }} [options]
 * @returns {Promise<Exclude<T, false | null | undefined | 0 | ''>>}
 */
export async function waitFor(what, fn, { timeoutMs = 60000, intervalMs = 500, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	/** @type {unknown} */
	let lastError;
	while (Date.now() < deadline) {
		if (child && !running(child)) {
			throw new Error(
				`${what}: process exited (${child.exitCode ?? child.signalCode})\n${(child.output ?? '').slice(-3000)}`,
			);
		}
		try {
			const value = await fn();
			if (value) return /** @type {Exclude<T, false | null | undefined | 0 | ''>} */ (value);
		} catch (err) {
			lastError = err;
		}
		await sleep(intervalMs);
	}
	const reason = lastError instanceof Error ? ` (${lastError.message})` : '';
	throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}${reason}`);
}

// Linux /proc: what the tools need to know about processes they did not start themselves.

/** Pids in /proc, this process left out. */
function otherPids() {
	return fs
		.readdirSync('/proc')
		.filter((name) => /^\d+$/.test(name))
		.map(Number)
		.filter((pid) => pid !== process.pid);
}

/**
 * The fields of /proc/<pid>/stat after the command name, which may itself hold spaces and
 * parentheses: [state, parent pid, process group, ...]. Null once the process is gone.
 * @param {number} pid
 */
function statFields(pid) {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	} catch {
		return null;
	}
}

/** Parent pid of `pid`, or null. @param {number} pid */
function parentOf(pid) {
	return Number(statFields(pid)?.[1]) || null;
}

/** @param {number} pid */
function commandOf(pid) {
	try {
		return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
	} catch {
		return '';
	}
}

/** Whether `pid` runs (a zombie, dead but not yet reaped, counts as gone). @param {number} pid */
export function alive(pid) {
	const fields = statFields(pid);
	if (fields) return fields[0] !== 'Z';
	if (fs.existsSync('/proc/self')) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
	}
}

/** Pids of the processes in process group `group`, this process left out. @param {number} group */
export function groupMembers(group) {
	return otherPids().filter((pid) => Number(statFields(pid)?.[2]) === group);
}

/**
 * Processes whose command line or working folder is inside `dir`, as "pid: command line": what an
 * install or a run in a temporary folder left running.
 * @param {string} dir @returns {string[]}
 */
export function processesIn(dir) {
	/** @type {string[]} */
	const found = [];
	for (const pid of otherPids()) {
		try {
			const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
			let cwd = '';
			try {
				cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
			} catch {
				/* not ours to read, or gone */
			}
			if (cmdline.includes(dir) || cwd.startsWith(dir)) found.push(`${pid}: ${cmdline.trim()}`);
		} catch {
			/* gone meanwhile */
		}
	}
	return found;
}

/**
 * Call `onGone` once when whoever started us goes away. `npm start` runs us as
 * (terminal or IDE) → npm → sh -c → node. When npm is killed, or the terminal or IDE behind it
 * dies, the shell may stay and our parent pid does not change; so the chain up to and including
 * npm's parent is watched. Polls twice a second; the timer does not keep the process alive.
 * @param {() => void} onGone
 */
export function watchParents(onGone) {
	const watched = [process.ppid];
	let pid = process.ppid;
	for (let depth = 0; depth < 4 && pid > 1; depth += 1) {
		const command = commandOf(pid);
		const isNpm = /^npm\b/.test(command);
		if (!isNpm && !/^(sh|dash|bash)$/.test(command)) break;
		const parent = parentOf(pid);
		if (!parent || parent <= 1) break;
		watched.push(parent);
		if (isNpm) break;
		pid = parent;
	}
	const timer = setInterval(() => {
		if (process.ppid !== watched[0] || watched.some((p) => !alive(p))) {
			clearInterval(timer);
			onGone();
		}
	}, 500);
	timer.unref();
	return watched;
}
