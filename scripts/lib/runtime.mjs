// Shared helpers for `npm start` and `npm run test:e2e`: install a real n8n into a git-ignored
// folder, load this package into it as a community package, start/stop the sandbox and n8n,
// and talk to n8n's REST API. Plain Node (no dependencies) so it runs before anything is built.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const LOCAL = path.join(ROOT, '.n8n-local');
export const PACKAGE_NAME = 'n8n-nodes-skilljar';

/** The n8n lines we run. 1.123 is the last one that runs on Node 20; 2.x needs Node 24. */
export const N8N_V1 = {
	label: 'n8n 1.123 (Node 20)',
	version: process.env.N8N_V1_VERSION || '1.123.81',
	dir: LOCAL,
	pinned: 'scripts/n8n-runtime/1.123',
	// n8n-core pulls in isolated-vm; only 5.0.4 builds on Node 20. xlsx's own tarball lives on a
	// CDN this kind of machine cannot reach, the registry copy is the same library.
	overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4' },
	node: null,
};
export const N8N_V2 = {
	label: 'n8n 2.x (Node 24)',
	version: process.env.N8N_V2_VERSION || '2.41.1',
	dir: path.join(LOCAL, 'v2'),
	pinned: 'scripts/n8n-runtime/2.x',
	overrides: { xlsx: '0.18.5' },
	// 2.x also pulls in @confluentinc/kafka-javascript, whose prebuilt binary is downloaded from
	// GitHub (unreachable here) and whose source build needs librdkafka's toolchain. So install
	// without lifecycle scripts and build only the native modules n8n needs to run: sqlite3 (the
	// database) and isolated-vm (prebuilt for Node 24 inside the package).
	ignoreScripts: true,
	rebuild: ['sqlite3', 'isolated-vm'],
	// 2.x renamed WEBHOOK_URL.
	webhookUrlEnv: 'N8N_WEBHOOK_URL',
	node: {
		version: process.env.NODE24_VERSION || '24.21.0',
		dir: path.join(LOCAL, 'node24'),
		pinned: 'scripts/n8n-runtime/node24',
	},
};

export const SANDBOX_API_KEY = process.env.SKILLJAR_SANDBOX_API_KEY || 'sk-sandbox-demo';
/** Fixed ids, also referenced by the example workflows in examples/. */
export const CREDENTIAL_ID = 'SkjSandboxCred01';
export const CREDENTIAL_NAME = 'Skilljar sandbox';

const tty = process.stdout.isTTY;
const paint = (code) => (text) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = paint('1');
export const dim = paint('2');
export const green = paint('32');
export const red = paint('31');
export const yellow = paint('33');

export function log(message) {
	process.stdout.write(`${message}\n`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

export function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Run a command to completion, output shown; throws on a non-zero exit. */
export function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...options });
	if (result.error) throw result.error;
	if (result.status !== 0) {
		throw new Error(`${cmd} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
	}
	return result;
}

/** Compile nodes/credentials to dist/ and the sandbox to build/. */
export function buildPackage() {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	log(bold('› Building the package (npm run build)'));
	run(npm, ['run', 'build', '--silent']);
	const pkg = readJson(path.join(ROOT, 'package.json'));
	if (!/tsconfig\.tools\.json/.test(pkg.scripts?.build ?? '')) {
		log(bold('› Building the sandbox (tsc -p tsconfig.tools.json)'));
		run(process.execPath, [
			path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
			'-p',
			'tsconfig.tools.json',
		]);
	}
}

/** The npm CLI script, so npm can be run by another Node binary (Node 24 for n8n 2.x). */
function npmCliPath() {
	const candidates = [
		process.env.npm_execpath,
		path.join(
			path.dirname(process.execPath),
			'..',
			'lib',
			'node_modules',
			'npm',
			'bin',
			'npm-cli.js',
		),
		'/usr/lib/node_modules/npm/bin/npm-cli.js',
		'/usr/local/lib/node_modules/npm/bin/npm-cli.js',
	];
	const found = candidates.find((c) => c && /npm-cli\.js$/.test(c) && fs.existsSync(c));
	if (!found) throw new Error('Cannot find npm-cli.js (run this through npm, e.g. npm start)');
	return found;
}

function installedVersion(dir, name) {
	try {
		return readJson(path.join(dir, 'node_modules', name, 'package.json')).version;
	} catch {
		return null;
	}
}

function dirSizeMb(dir) {
	const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
	return r.status === 0 ? Number(r.stdout.split(/\s/)[0]) : null;
}

/** npm install in `dir`, printing a heartbeat so a 5-minute install never looks stuck. */
async function npmInstall(
	dir,
	nodeBinary,
	what,
	{ ignoreScripts = false, rebuild = [], ci = false } = {},
) {
	const started = Date.now();
	const logFile = path.join(dir, 'npm-install.log');
	log(
		bold(
			`› Installing ${what} into ${path.relative(ROOT, dir) || '.'} (first run only${what.startsWith('n8n@') ? '; ~5 minutes, ~2-3 GB' : ''})`,
		),
	);
	log(
		dim(
			`  npm ${ci ? 'ci (pinned lockfile)' : 'install'} with ${nodeBinary === process.execPath ? `Node ${process.version}` : nodeBinary}; output: ${path.relative(ROOT, logFile)}`,
		),
	);
	const out = fs.openSync(logFile, 'w');
	const child = spawn(
		nodeBinary,
		[
			npmCliPath(),
			ci ? 'ci' : 'install',
			'--no-audit',
			'--no-fund',
			'--loglevel=http',
			`--ignore-scripts=${ignoreScripts}`,
		],
		{
			cwd: dir,
			stdio: ['ignore', out, out],
			env: {
				...process.env,
				PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH}`,
			},
		},
	);
	const timer = setInterval(() => {
		const secs = Math.round((Date.now() - started) / 1000);
		const size = dirSizeMb(path.join(dir, 'node_modules'));
		let fetched = 0;
		try {
			fetched = (fs.readFileSync(logFile, 'utf8').match(/fetch GET 200/g) ?? []).length;
		} catch {
			/* not yet written */
		}
		log(dim(`  … ${what}: ${secs}s, ${fetched} downloads, node_modules ${size ?? '?'} MB`));
	}, 15000);
	let code = await new Promise((resolve) => child.on('close', resolve));
	if (code === 0 && rebuild.length) {
		log(dim(`  building native modules: ${rebuild.join(', ')}`));
		const again = spawn(
			nodeBinary,
			[npmCliPath(), 'rebuild', '--ignore-scripts=false', '--foreground-scripts', ...rebuild],
			{
				cwd: dir,
				stdio: ['ignore', out, out],
				env: {
					...process.env,
					PATH: `${path.dirname(nodeBinary)}${path.delimiter}${process.env.PATH}`,
				},
			},
		);
		code = await new Promise((resolve) => again.on('close', resolve));
	}
	clearInterval(timer);
	fs.closeSync(out);
	if (code !== 0) {
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
		throw new Error(`npm install of ${what} failed (exit ${code}). Last lines:\n${tail}`);
	}
	log(green(`  ✓ ${what} installed in ${Math.round((Date.now() - started) / 1000)}s`));
}

/**
 * Put the manifest in `dir` and install. Fresh resolution of n8n's ~1900 dependencies is not
 * reproducible (a registry mirror may lack a version some new release asks for, as seen with
 * n8n 2.41.3 and @aws-sdk), so the versions we use are pinned with their lockfile under
 * scripts/n8n-runtime/ and installed with `npm ci`; any other version falls back to `npm install`.
 */
async function installPinned(dir, pinned, manifest, nodeBinary, what, options) {
	fs.mkdirSync(dir, { recursive: true });
	// The package's own .npmrc (ignore-scripts) must not apply: n8n needs its native builds.
	fs.writeFileSync(path.join(dir, '.npmrc'), 'ignore-scripts=false\nfund=false\naudit=false\n');
	const pinnedDir = pinned && path.join(ROOT, pinned);
	const usePinned =
		pinnedDir &&
		fs.existsSync(path.join(pinnedDir, 'package-lock.json')) &&
		JSON.stringify(readJson(path.join(pinnedDir, 'package.json')).dependencies) ===
			JSON.stringify(manifest.dependencies);
	if (usePinned) {
		fs.copyFileSync(path.join(pinnedDir, 'package.json'), path.join(dir, 'package.json'));
		fs.copyFileSync(path.join(pinnedDir, 'package-lock.json'), path.join(dir, 'package-lock.json'));
	} else {
		writeJson(path.join(dir, 'package.json'), manifest);
		fs.rmSync(path.join(dir, 'package-lock.json'), { force: true });
	}
	await npmInstall(dir, nodeBinary, what, { ...options, ci: usePinned });
}

/** Absolute path of the Node binary that runs this n8n line (installing Node 24 if needed). */
export async function ensureNode(line) {
	if (!line.node) return process.execPath;
	const { version, dir, pinned } = line.node;
	const bin = path.join(dir, 'node_modules', '.bin', 'node');
	if (installedVersion(dir, 'node') === version && fs.existsSync(bin)) return bin;
	const manifest = {
		name: 'n8n-local-node24',
		private: true,
		description:
			'Node 24 from the npm registry, to run n8n 2.x (installed by scripts/lib/runtime.mjs)',
		dependencies: { node: version },
	};
	await installPinned(dir, pinned, manifest, process.execPath, `node@${version}`);
	return bin;
}

/** Install n8n (skipped when the installed version already matches). Returns the node binary. */
export async function ensureN8n(line) {
	const nodeBinary = await ensureNode(line);
	const manifest = {
		name: line.node ? 'n8n-local-runtime-v2' : 'n8n-local-runtime',
		private: true,
		description: 'Real n8n for npm start / npm run test:e2e (installed by scripts/lib/runtime.mjs)',
		dependencies: { n8n: line.version },
		overrides: line.overrides,
	};
	const manifestFile = path.join(line.dir, 'package.json');
	const current = fs.existsSync(manifestFile) ? readJson(manifestFile) : null;
	const upToDate =
		installedVersion(line.dir, 'n8n') === line.version &&
		JSON.stringify(current?.overrides) === JSON.stringify(manifest.overrides);
	if (!upToDate) {
		await installPinned(line.dir, line.pinned, manifest, nodeBinary, `n8n@${line.version}`, line);
	}
	return nodeBinary;
}

/**
 * Load the built package the way n8n installs community packages:
 * <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<pkg>. A copy, not a symlink, so that
 * `require('n8n-workflow')` from the nodes resolves to this n8n's own copy.
 */
export function installPackageInto(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ missing: build first');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const pkg = readJson(path.join(ROOT, 'package.json'));
	// Keep what an `npm install` of the published tarball would have.
	writeJson(path.join(target, 'package.json'), {
		name: pkg.name,
		version: pkg.version,
		description: pkg.description,
		license: pkg.license,
		keywords: pkg.keywords,
		main: pkg.main,
		n8n: pkg.n8n,
		peerDependencies: pkg.peerDependencies,
	});
	fs.cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	const nodesManifest = path.join(nodesDir, 'package.json');
	const manifest = fs.existsSync(nodesManifest)
		? readJson(nodesManifest)
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...(manifest.dependencies ?? {}), [pkg.name]: pkg.version };
	writeJson(nodesManifest, manifest);
	return target;
}

export function credentialFile(file, sandboxUrl, apiKey = SANDBOX_API_KEY) {
	writeJson(file, [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'skilljarApi',
			data: { apiKey, baseUrl: sandboxUrl },
		},
	]);
	return file;
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

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

/** Environment for an n8n process: loopback only, nothing phoned home. */
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
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_DIAGNOSTICS_CONFIG_FRONTEND: '',
		N8N_DIAGNOSTICS_CONFIG_BACKEND: '',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
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
		...extra,
	};
}

export function n8nBin(line) {
	return path.join(line.dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

/** Run an n8n CLI command to completion; returns { code, stdout, stderr }. */
export function n8nCli(line, nodeBinary, env, args, { timeoutMs = 180000 } = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(nodeBinary, [n8nBin(line), ...args], {
			cwd: line.dir,
			env,
			detached: true,
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		const timer = setTimeout(() => {
			killTree(child);
			reject(
				new Error(`n8n ${args[0]} timed out after ${timeoutMs / 1000}s\n${stdout}\n${stderr}`),
			);
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr });
		});
	});
}

export function killTree(child, signal = 'SIGTERM') {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	try {
		process.kill(-child.pid, signal); // the child was started detached: its own process group
	} catch {
		try {
			child.kill(signal);
		} catch {
			/* already gone */
		}
	}
}

/** Stop a child: SIGTERM, then SIGKILL after `graceMs`. Resolves when it has exited. */
export async function stopChild(child, graceMs = 10000) {
	if (!child || child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	killTree(child, 'SIGTERM');
	const timedOut = await Promise.race([exited.then(() => false), sleep(graceMs).then(() => true)]);
	if (timedOut) {
		killTree(child, 'SIGKILL');
		await Promise.race([exited, sleep(3000)]);
	}
}

/** Start a long-running child in its own process group; output goes to `logFile` (and optionally the console). */
export function startProcess(
	cmd,
	args,
	{ cwd = ROOT, env = process.env, logFile, echo = false } = {},
) {
	fs.mkdirSync(path.dirname(logFile), { recursive: true });
	const out = fs.createWriteStream(logFile);
	const child = spawn(cmd, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
	child.output = '';
	const onData = (d) => {
		out.write(d);
		child.output += d;
		if (child.output.length > 200000) child.output = child.output.slice(-100000);
		if (echo) process.stdout.write(dim(String(d)));
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	child.on('exit', () => out.end());
	return child;
}

/** Poll `fn` until it returns a truthy value or `timeoutMs` passes (then throws `what`). */
export async function waitFor(what, fn, { timeoutMs = 60000, intervalMs = 500, child } = {}) {
	const deadline = Date.now() + timeoutMs;
	let lastError;
	while (Date.now() < deadline) {
		if (child && (child.exitCode !== null || child.signalCode !== null)) {
			throw new Error(
				`${what}: process exited (${child.exitCode ?? child.signalCode})\n${(child.output ?? '').slice(-3000)}`,
			);
		}
		try {
			const value = await fn();
			if (value) return value;
		} catch (err) {
			lastError = err;
		}
		await sleep(intervalMs);
	}
	throw new Error(
		`Timed out after ${timeoutMs / 1000}s waiting for ${what}${lastError ? ` (${lastError.message})` : ''}`,
	);
}

export async function startSandboxProcess({ port, apiKey = SANDBOX_API_KEY, logFile, echo }) {
	const child = startProcess(process.execPath, [path.join(ROOT, 'build', 'sandbox', 'cli.js')], {
		env: { ...process.env, SKILLJAR_SANDBOX_PORT: String(port), SKILLJAR_SANDBOX_API_KEY: apiKey },
		logFile,
		echo,
	});
	const url = `http://127.0.0.1:${port}`;
	await waitFor(
		'the sandbox',
		async () => (await fetch(`${url}/v1/ping`, { headers: sandboxHeaders(apiKey) })).ok,
		{
			timeoutMs: 20000,
			intervalMs: 200,
			child,
		},
	);
	return { child, url };
}

export function sandboxHeaders(apiKey = SANDBOX_API_KEY) {
	return {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`,
	};
}

export async function startN8nServer(
	line,
	nodeBinary,
	env,
	{ logFile, echo = false, timeoutMs = 180000 },
) {
	const child = startProcess(nodeBinary, [n8nBin(line), 'start'], {
		cwd: line.dir,
		env,
		logFile,
		echo,
	});
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	await waitFor(
		`n8n to answer on ${base}`,
		async () => {
			// /healthz answers before the REST routes are mounted; the settings route comes last.
			const res = await fetch(`${base}/rest/settings`, {
				headers: { Accept: 'application/json' },
			}).catch(() => null);
			if (!res?.ok) return false;
			const json = await res.json().catch(() => null);
			return Boolean(json?.data);
		},
		{ timeoutMs, intervalMs: 1000, child },
	);
	return { child, base };
}

/** A tiny cookie-keeping client for n8n's internal REST API (what the editor uses). */
export class N8nClient {
	constructor(base) {
		this.base = base;
		this.cookie = '';
		// n8n binds the auth cookie to the browser-id header it was issued with.
		this.browserId = `skilljar-scripts-${createHash('sha1').update(base).digest('hex').slice(0, 8)}`;
	}

	async request(method, route, body) {
		const res = await fetch(`${this.base}/rest${route}`, {
			method,
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { Cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await res.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: res.status, json, text };
	}

	async ensureOwner({ email, password, firstName = 'Sandbox', lastName = 'Owner' }) {
		const settings = await this.request('GET', '/settings');
		const needsSetup = settings.json?.data?.userManagement?.showSetupOnFirstLoad;
		if (needsSetup) {
			const res = await this.request('POST', '/owner/setup', {
				email,
				password,
				firstName,
				lastName,
			});
			if (res.status !== 200)
				throw new Error(`Owner setup failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
			return 'created';
		}
		await this.login(email, password);
		return 'existing';
	}

	async login(email, password) {
		let res = await this.request('POST', '/login', { emailOrLdapLoginId: email, password });
		if (res.status === 400) res = await this.request('POST', '/login', { email, password });
		if (res.status !== 200)
			throw new Error(`Login failed: HTTP ${res.status} ${res.text.slice(0, 300)}`);
	}
}

/** Fingerprint of files, to skip re-importing examples that have not changed. */
export function fingerprint(values) {
	const hash = createHash('sha256');
	for (const v of values)
		hash.update(typeof v === 'string' && fs.existsSync(v) ? fs.readFileSync(v) : String(v));
	return hash.digest('hex');
}

export function exampleFiles() {
	const dir = path.join(ROOT, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(dir, f));
}
