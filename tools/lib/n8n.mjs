// @ts-check
// Running a real n8n: its environment (loopback only, no outside calls), one-shot CLI commands
// and the long-running server.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killTree, startProcess, waitFor } from './processes.mjs';
import { N8N_V1 } from './runtimes.mjs';

/**
 * Environment for an n8n process: loopback only, nothing phoned home.
 * @param {{ userFolder: string, port: number, brokerPort: number, line?: import('./runtimes.mjs').N8nLine, extra?: Record<string, string> }} options
 * @returns {NodeJS.ProcessEnv & { N8N_PORT: string }}
 */
export function n8nEnv({ userFolder, port, brokerPort, line = N8N_V1, extra = {} }) {
	const env = { ...process.env };
	for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
	return {
		...env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The Skilljar Trigger registers this URL with Skilljar (the sandbox delivers to loopback only).
		[line.webhookUrlEnv ?? 'WEBHOOK_URL']: `http://127.0.0.1:${port}/`,
		N8N_EDITOR_BASE_URL: `http://127.0.0.1:${port}/`,
		N8N_SECURE_COOKIE: 'false',
		// Outside calls, each off: telemetry, the version check, templates, the vetted community
		// node list (fetched from api-staging.n8n.io outside production builds), banners, AI.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_VERIFIED_PACKAGES_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		EXTERNAL_FRONTEND_HOOKS_URLS: '',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		DB_SQLITE_POOL_SIZE: '2',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL || 'warn',
		...line.env,
		...extra,
	};
}

/** @param {import('./runtimes.mjs').N8nLine} line */
export function n8nBin(line) {
	return path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/**
 * Run an n8n CLI command to completion.
 *
 * Its output goes to files, read once it has exited, not to pipes: n8n prints `execute`'s
 * result (hundreds of KB for a big list) through its logger and calls process.exit straight
 * after, and its stdout pipe is non-blocking (O_NONBLOCK in /proc/<pid>/fdinfo/1, n8n 2.41 on
 * Node 24), so what the pipe could not take at once was lost: once in three e2e runs the JSON
 * ended at character 657,792, exit code 0. A write to a file completes before process.exit.
 * @param {import('./runtimes.mjs').N8nLine} line @param {string} nodeBinary @param {NodeJS.ProcessEnv} env @param {string[]} args
 * @param {{ timeoutMs?: number, onStart?: (child: import('node:child_process').ChildProcess) => void }} [options]
 *   `onStart` gets the process at once, so a caller that is stopped meanwhile can stop it too.
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }>}
 *   `signal` names what ended it when it did not exit by itself (`code` is then null).
 */
export function n8nCli(line, nodeBinary, env, args, { timeoutMs = 180000, onStart } = {}) {
	// A private folder (mode 0700): the output can hold workflow data.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-cli-'));
	const files = { stdout: path.join(dir, 'stdout'), stderr: path.join(dir, 'stderr') };
	const out = fs.openSync(files.stdout, 'w');
	const err = fs.openSync(files.stderr, 'w');
	return new Promise((resolve, reject) => {
		/** What the command printed; the folder goes with the first call (the later get nothing). */
		const output = () => {
			if (!fs.existsSync(dir)) return { stdout: '', stderr: '' };
			const read = (/** @type {string} */ file) => fs.readFileSync(file, 'utf8');
			const result = { stdout: read(files.stdout), stderr: read(files.stderr) };
			fs.rmSync(dir, { recursive: true, force: true });
			return result;
		};
		const child = spawn(nodeBinary, [n8nBin(line), ...args], {
			cwd: line.dir,
			env,
			detached: true,
			stdio: ['ignore', out, err],
		});
		fs.closeSync(out);
		fs.closeSync(err);
		onStart?.(child);
		const timer = setTimeout(() => {
			killTree(child);
			const { stdout, stderr } = output();
			reject(
				new Error(`n8n ${args[0]} timed out after ${timeoutMs / 1000}s\n${stdout}\n${stderr}`),
			);
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			output();
			reject(error);
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, ...output() });
		});
	});
}

/**
 * Start `n8n start` in its own process group and wait until its REST API answers.
 * @param {import('./runtimes.mjs').N8nLine} line @param {string} nodeBinary @param {NodeJS.ProcessEnv & { N8N_PORT: string }} env
 * @param {{ logFile: string, echo?: boolean, timeoutMs?: number, onStart?: (child: import('./processes.mjs').Server) => void }} options
 *   `onStart` gets the process as soon as it is spawned, before it answers.
 */
export async function startN8nServer(
	line,
	nodeBinary,
	env,
	{ logFile, echo = false, timeoutMs = 180000, onStart },
) {
	const child = startProcess(nodeBinary, [n8nBin(line), 'start'], {
		cwd: line.dir,
		env,
		logFile,
		echo,
	});
	onStart?.(child);
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	await waitFor(`n8n to answer on ${base}`, () => restApiReady(base), {
		timeoutMs,
		intervalMs: 1000,
		child,
	});
	return { child, base };
}

/**
 * Whether n8n's REST API at `base` is mounted. /healthz answers before the REST routes are, and
 * until then a GET of /rest/settings can come back 200 with the editor's HTML (its page
 * fallback), so only the settings JSON counts: that route comes last.
 * @param {string} base
 */
export async function restApiReady(base) {
	const res = await fetch(`${base}/rest/settings`, {
		headers: { Accept: 'application/json' },
	}).catch(() => null);
	if (!res?.ok) return false;
	const json = /** @type {{ data?: unknown } | null} */ (await res.json().catch(() => null));
	return Boolean(json?.data);
}
