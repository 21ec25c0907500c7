// @ts-check
// @ts-check
// Redis and PostgreSQL from Debian's packages, run as throw-away processes for the queue-mode
// suite: data in a temporary folder, listening on 127.0.0.1 only, on ports picked by the caller,
// stopped by PID. Nothing here touches a system-wide Redis or PostgreSQL service.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { portInUse, startProcess, stopChild, waitFor } from '../../../tools/lib/processes.mjs';

const PG_ROOT = '/usr/lib/postgresql';
// PostgreSQL refuses to run as root; Debian's package creates this user.
const PG_USER = 'postgres';

/** The bin folder of the newest PostgreSQL installed from Debian's packages, or null. */
export function postgresBinDir() {
	if (!fs.existsSync(PG_ROOT)) return null;
	const versions = fs
		.readdirSync(PG_ROOT)
		.filter((v) => fs.existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(PG_ROOT, versions[0], 'bin') : null;
}

function redisBinary() {
	for (const candidate of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (fs.existsSync(candidate)) return candidate;
	}
	return null;
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {string} what
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function runChecked(cmd, args, what, options = {}) {
	const result = spawnSync(cmd, args, { encoding: 'utf8', ...options });
	if (result.error) throw new Error(`${what}: ${result.error.message}`);
	if (result.status !== 0) {
		throw new Error(
			`${what} exited ${result.status ?? result.signal}:\n${`${result.stdout}\n${result.stderr}`.trim().slice(-2000)}`,
		);
	}
	return String(result.stdout);
}

/**
 * Install redis-server and postgresql with apt when either is missing (CI runs as root on a fresh
 * Debian machine). Idempotent: does nothing when both are there. Returns what it installed.
 * @param {(message: string) => void} [log]
 */
export function ensureDebianPackages(log = () => {}) {
	const missing = [];
	if (!redisBinary()) missing.push('redis-server');
	if (!postgresBinDir()) missing.push('postgresql');
	if (!missing.length) return [];
	if (process.getuid?.() !== 0) {
		throw new Error(
			`${missing.join(' and ')} missing; install with: apt-get install -y ${missing.join(' ')}`,
		);
	}
	log(`installing ${missing.join(', ')} with apt-get (first run only)`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	runChecked('apt-get', ['update', '-qq'], 'apt-get update', { env, timeout: 300000 });
	runChecked('apt-get', ['install', '-y', '-qq', ...missing], 'apt-get install', {
		env,
		timeout: 600000,
	});
	return missing;
}

/**
 * Send one inline Redis command and return the first reply line.
 * @param {number} port
 * @param {string} command
 */
function redisCommand(port, command) {
	return new Promise((resolve, reject) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		let reply = '';
		socket.setTimeout(3000, () => socket.destroy(new Error('redis did not answer')));
		socket.once('connect', () => socket.write(`${command}\r\n`));
		socket.on('data', (d) => {
			reply += d;
			if (reply.includes('\r\n')) {
				socket.end();
				resolve(reply.split('\r\n')[0]);
			}
		});
		socket.once('error', reject);
	});
}

/**
 * redis-server in the foreground: no persistence, loopback only.
 * @param {{ dir: string, port: number, logFile: string }} options
 */
export async function startRedis({ dir, port, logFile }) {
	const bin = redisBinary();
	if (!bin) throw new Error('redis-server is not installed');
	fs.mkdirSync(dir, { recursive: true });
	const started = Date.now();
	const child = startProcess(
		bin,
		[
			'--bind',
			'127.0.0.1',
			'--port',
			String(port),
			'--dir',
			dir,
			'--save',
			'',
			'--appendonly',
			'no',
			'--protected-mode',
			'yes',
		],
		{ logFile },
	);
	await waitFor(
		'redis to answer PING',
		async () => (await redisCommand(port, 'PING')) === '+PONG',
		{
			timeoutMs: 20000,
			intervalMs: 100,
			child,
		},
	);
	return { child, port, readyMs: Date.now() - started, stop: () => stopChild(child, 5000) };
}

/**
 * A PostgreSQL cluster in `dir` (owned by the postgres user, because initdb and postgres refuse
 * to run as root), trust authentication on loopback, its socket inside `dir`, one database `n8n`.
 * The folders above `dir` must let that user through (mkdtemp makes 0700 folders: chmod 0711).
 * @param {{ dir: string, port: number, logFile: string }} options
 */
export async function startPostgres({ dir, port, logFile }) {
	const bin = postgresBinDir();
	if (!bin) throw new Error('PostgreSQL is not installed');
	const asRoot = process.getuid?.() === 0;
	// As root, drop to the postgres user; as any other user, run the binaries directly.
	/** @type {(cmd: string, args: string[]) => [string, string[]]} */
	const asPg = (cmd, args) =>
		asRoot ? ['runuser', ['-u', PG_USER, '--', cmd, ...args]] : [cmd, args];
	const data = path.join(dir, 'data');
	const socketDir = path.join(dir, 'socket');
	fs.mkdirSync(socketDir, { recursive: true });
	if (asRoot) runChecked('chown', ['-R', `${PG_USER}:`, dir], 'chown of the PostgreSQL folder');
	const started = Date.now();
	runChecked(
		...asPg(path.join(bin, 'initdb'), [
			'-D',
			data,
			'-U',
			PG_USER,
			'-A',
			'trust',
			'-E',
			'UTF8',
			'--no-sync',
		]),
		'initdb',
		{ cwd: dir, timeout: 120000 },
	);
	const initMs = Date.now() - started;
	const [cmd, args] = asPg(path.join(bin, 'postgres'), [
		'-D',
		data,
		'-p',
		String(port),
		'-k',
		socketDir,
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		'fsync=off',
		'-c',
		'max_connections=60',
	]);
	const child = startProcess(cmd, args, { cwd: dir, logFile });
	await waitFor('PostgreSQL to accept connections', () => portInUse(port), {
		timeoutMs: 30000,
		intervalMs: 200,
		child,
	});
	const psqlArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', PG_USER, '-v', 'ON_ERROR_STOP=1'];
	await waitFor(
		'PostgreSQL to create the n8n database',
		async () => {
			const r = spawnSync(
				...asPg(path.join(bin, 'psql'), [
					...psqlArgs,
					'-d',
					'postgres',
					'-c',
					'CREATE DATABASE n8n',
				]),
				{ encoding: 'utf8', cwd: dir },
			);
			return r.status === 0;
		},
		{ timeoutMs: 20000, intervalMs: 300, child },
	);
	/** Run one SQL statement against the n8n database; returns psql's unaligned output. */
	/** @param {string} sql */
	const query = (sql) =>
		runChecked(
			...asPg(path.join(bin, 'psql'), [...psqlArgs, '-d', 'n8n', '-At', '-c', sql]),
			'psql',
			{
				cwd: dir,
				timeout: 20000,
			},
		).trim();
	const stop = async () => {
		// SIGINT is PostgreSQL's "fast" shutdown (SIGTERM would wait for every client to leave).
		const pidFile = path.join(data, 'postmaster.pid');
		const pid = fs.existsSync(pidFile)
			? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0])
			: 0;
		if (pid > 0) {
			try {
				process.kill(pid, 'SIGINT');
			} catch {
				/* already gone */
			}
			await Promise.race([
				new Promise((resolve) => child.once('exit', resolve)),
				new Promise((resolve) => setTimeout(resolve, 10000)),
			]);
		}
		await stopChild(child, 5000);
	};
	return {
		child,
		port,
		user: PG_USER,
		database: 'n8n',
		initMs,
		readyMs: Date.now() - started,
		query,
		stop,
	};
}
