// @ts-check
// Installing the real n8n runtimes: n8n 1.123 on this Node, n8n 2.x on a Node 24 binary from
// the npm registry. Pinned lockfiles under scripts/n8n-runtime/ make the installs reproducible;
// each is installed once per machine into the runtime cache (runtime-cache.mjs) and linked from
// .n8n-local/v1, v2 and node24. An install prints a heartbeat so minutes of npm never look stuck.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bold, dim, green, log } from './log.mjs';
import { readJson, writeJson } from './package.mjs';
import { LOCAL, ROOT } from './paths.mjs';
import { signalGroup } from './processes.mjs';
import { ensureEntry, entryKey, linkEntry, runtimeCacheRoot } from './runtime-cache.mjs';

/**
 * @typedef {{ version: string, dir: string, pinned: string }} NodeRuntime
 * @typedef {{
 *   label: string, version: string, dir: string, pinned: string,
 *   overrides: Record<string, string>, ignoreScripts?: boolean, rebuild?: string[],
 *   webhookUrlEnv?: string, env?: Record<string, string>, node: NodeRuntime | null,
 * }} N8nLine
 */

/** The n8n lines we run. 1.123 is the last one that runs on Node 20; 2.x needs Node 24. */
/** @type {N8nLine} */
export const N8N_V1 = {
	label: 'n8n 1.123 (Node 20)',
	version: process.env.N8N_V1_VERSION || '1.123.81',
	dir: path.join(LOCAL, 'v1'),
	pinned: 'scripts/n8n-runtime/1.123',
	// n8n-core pulls in isolated-vm; only 5.0.4 builds on Node 20. xlsx's own tarball lives on a
	// CDN this kind of machine cannot reach, the registry copy is the same library.
	overrides: { xlsx: '0.18.5', 'isolated-vm': '5.0.4' },
	node: null,
};
/** @type {N8nLine} */
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
	// Only in 2.x: the MCP server registry fetches https://api.n8n.io/api/mcp-servers at start-up
	// and every 8 hours, with no setting of its own to turn that off. (1.123 does not know the
	// module's name and would refuse to start.)
	env: { N8N_DISABLED_MODULES: 'mcp-registry' },
	node: {
		version: process.env.NODE24_VERSION || '24.21.0',
		dir: path.join(LOCAL, 'node24'),
		pinned: 'scripts/n8n-runtime/node24',
	},
};

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

/** @param {string} dir @param {string} name @returns {string | null} */
function installedVersion(dir, name) {
	try {
		return readJson(path.join(dir, 'node_modules', name, 'package.json')).version;
	} catch {
		return null;
	}
}

/** @param {string} dir */
function dirSizeMb(dir) {
	const r = spawnSync('du', ['-sm', dir], { encoding: 'utf8' });
	return r.status === 0 ? Number(r.stdout.split(/\s/)[0]) : null;
}

/**
 * How npm installs a runtime, chosen here and nowhere else. `npm start` and `npm run test:e2e`
 * run under npm, which exports the project's .npmrc to its scripts as npm_config_* variables
 * (install-strategy=linked, ignore-scripts=true, loglevel=error): passed on, they made n8n's tree
 * install in a layout it does not survive (ELOOP) and Node 24's install script recurse. So those
 * variables are dropped (installEnv) and every setting that decides what lands on disk is given
 * on the command line, which outranks any .npmrc; the registry, proxy and certificates stay the
 * user's own (~/.npmrc, the global npmrc, NPM_CONFIG_* set by the user). These settings are part
 * of each cache entry's key: a change makes a new entry.
 * @param {{ ignoreScripts?: boolean }} options
 */
export function installSettings({ ignoreScripts = false } = {}) {
	return {
		'install-strategy': 'hoisted',
		'ignore-scripts': String(ignoreScripts),
		loglevel: 'http',
		audit: 'false',
		fund: 'false',
		'update-notifier': 'false',
		'foreground-scripts': 'false',
	};
}

/** @param {Record<string, string>} settings */
const settingFlags = (settings) => Object.entries(settings).map(([k, v]) => `--${k}=${v}`);

/**
 * The environment of a runtime install: ours without what npm exported for this project's own
 * scripts (npm_config_*, npm_package_*, npm_lifecycle_*, npm_execpath, ...), with `nodeBinary`'s
 * folder first on PATH so install scripts run on the Node that will run the runtime.
 * @param {string} nodeBinary @param {NodeJS.ProcessEnv} [from]
 */
export function installEnv(nodeBinary, from = process.env) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(from)) {
		if (!/^npm_/.test(key) && key !== 'INIT_CWD') env[key] = value;
	}
	env.PATH = `${path.dirname(nodeBinary)}${path.delimiter}${from.PATH ?? ''}`;
	return env;
}

/** Minutes an install may take before it is stopped (SKILLJAR_INSTALL_TIMEOUT_MIN, default 60). */
const INSTALL_TIMEOUT_MS = Number(process.env.SKILLJAR_INSTALL_TIMEOUT_MIN || 60) * 60_000;
const GUARD = path.join(ROOT, 'tools', 'lib', 'install-guard.mjs');

/**
 * Run one npm command in `dir` under install-guard.mjs: its own process group, killed whole when
 * the command ends, when this process goes away (any signal, SIGKILL included) or on timeout.
 * @param {string} dir @param {string} nodeBinary @param {string[]} npmArgs @param {number} out
 * @returns {Promise<number | string>} the exit code, or a reason it was stopped
 */
function guardedNpm(dir, nodeBinary, npmArgs, out) {
	const child = spawn(
		process.execPath,
		[GUARD, String(process.pid), nodeBinary, npmCliPath(), ...npmArgs],
		{ cwd: dir, stdio: ['ignore', out, out], env: installEnv(nodeBinary), detached: true },
	);
	activeInstalls.add(child);
	const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), INSTALL_TIMEOUT_MS);
	return new Promise((resolve) => {
		child.on('error', (error) => resolve(`could not start: ${error.message}`));
		child.on('exit', (code, signal) => {
			clearTimeout(timer);
			activeInstalls.delete(child);
			// A group member that escaped the guard's own clean-up goes with the group.
			signalGroup(child, 'SIGKILL');
			resolve(code ?? `stopped by ${signal}`);
		});
	});
}

/** @type {Set<import('node:child_process').ChildProcess>} */
const activeInstalls = new Set();


// A normal exit (process.exit from a signal handler included) takes running installs along; a
// death without exit handlers is covered by the guard watching this pid.
process.on('exit', () => activeInstalls.forEach((child) => signalGroup(child, 'SIGKILL')));

/**
 * npm ci/install in `dir` with the settings above, printing a heartbeat so a 5-minute install
 * never looks stuck.
 * @param {string} dir @param {string} nodeBinary @param {string} what
 * @param {{ ignoreScripts?: boolean, rebuild?: string[], ci?: boolean }} [options]
 */
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
			`› Installing ${what} into ${dir} (once per machine${what.startsWith('n8n@') ? '; ~5 minutes, ~2-3 GB' : ''})`,
		),
	);
	log(
		dim(
			`  npm ${ci ? 'ci (pinned lockfile)' : 'install'} with ${nodeBinary === process.execPath ? `Node ${process.version}` : nodeBinary}; output: ${logFile}`,
		),
	);
	const out = fs.openSync(logFile, 'w');
	let beats = 0;
	const timer = setInterval(() => {
		const secs = Math.round((Date.now() - started) / 1000);
		// `du` over n8n's ~100,000 files took a quarter of a core on a busy machine: once a minute.
		const size = beats++ % 4 === 0 ? dirSizeMb(path.join(dir, 'node_modules')) : null;
		let fetched = 0;
		try {
			fetched = (fs.readFileSync(logFile, 'utf8').match(/fetch GET 200/g) ?? []).length;
		} catch {
			/* not yet written */
		}
		log(
			dim(
				`  … ${what}: ${secs}s, ${fetched} downloads${size === null ? '' : `, node_modules ${size} MB`}`,
			),
		);
	}, 15000);
	const flags = settingFlags(installSettings({ ignoreScripts }));
	let code = await guardedNpm(dir, nodeBinary, [ci ? 'ci' : 'install', ...flags], out);
	if (code === 0 && rebuild.length) {
		log(dim(`  building native modules: ${rebuild.join(', ')}`));
		const rebuildFlags = settingFlags({ ...installSettings({ ignoreScripts: false }) });
		code = await guardedNpm(
			dir,
			nodeBinary,
			['rebuild', ...rebuildFlags, '--foreground-scripts', ...rebuild],
			out,
		);
	}
	clearInterval(timer);
	fs.closeSync(out);
	if (code !== 0) {
		const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
		throw new Error(`npm install of ${what} failed (${typeof code === 'number' ? `exit ${code}` : code}). Last lines:\n${tail}`);
	}
	log(green(`  ✓ ${what} installed in ${Math.round((Date.now() - started) / 1000)}s`));
}

/**
 * The manifest and lockfile to install from. Fresh resolution of n8n's ~1900 dependencies is
 * not reproducible (a registry mirror may lack a version some new release asks for, as seen
 * with n8n 2.41.3 and @aws-sdk), so the versions we use are pinned with their lockfile under
 * scripts/n8n-runtime/ and installed with `npm ci`; any other version falls back to
 * `npm install` of the manifest alone.
 * @param {string} pinned @param {{ dependencies: Record<string, string> } & Record<string, unknown>} manifest
 * @returns {{ manifest: Record<string, unknown>, lockfile: string | null }}
 */
function installSource(pinned, manifest) {
	const pinnedDir = path.join(ROOT, pinned);
	const lockFile = path.join(pinnedDir, 'package-lock.json');
	const pinnedManifest = fs.existsSync(lockFile) && readJson(path.join(pinnedDir, 'package.json'));
	const same = (/** @type {string} */ field) =>
		JSON.stringify(pinnedManifest[field] ?? null) === JSON.stringify(manifest[field] ?? null);
	if (pinnedManifest && same('dependencies') && same('overrides')) {
		return { manifest: pinnedManifest, lockfile: fs.readFileSync(lockFile, 'utf8') };
	}
	return { manifest, lockfile: null };
}

/**
 * Make `linkDir` (.n8n-local/v1, v2 or node24) hold the install described by `manifest`,
 * installing it only when no finished copy exists: in the runtime cache (linked from
 * `linkDir`), or in `linkDir` itself when the cache is turned off.
 * @param {{ name: string, linkDir: string, pinned: string, nodeBinary: string, nodeVersion: string,
 *   manifest: { dependencies: Record<string, string> } & Record<string, unknown>,
 *   what: string, options?: { ignoreScripts?: boolean, rebuild?: string[] },
 *   verify: (dir: string) => boolean }} spec
 */
async function ensureInstalled({
	name,
	linkDir,
	pinned,
	nodeBinary,
	nodeVersion,
	manifest,
	what,
	options = {},
	verify,
}) {
	ensureLocalFolder();
	const source = installSource(pinned, manifest);
	// Everything that decides what ends up on disk; a change makes a new entry.
	const key = entryKey([
		source.manifest,
		source.lockfile,
		nodeVersion,
		process.platform,
		process.arch,
		installSettings(options),
		options.rebuild ?? [],
	]);
	const root = runtimeCacheRoot();
	const finalDir = root ? path.join(root, `${name}-${key}`) : linkDir;
	await ensureEntry({
		finalDir,
		key,
		verify,
		install: async (dir) => {
			// For a person who runs npm by hand in the entry later: the same settings as the install.
			fs.writeFileSync(
				path.join(dir, '.npmrc'),
				Object.entries(installSettings(options))
					.map(([k, v]) => `${k}=${v}\n`)
					.join(''),
			);
			writeJson(path.join(dir, 'package.json'), source.manifest);
			if (source.lockfile) fs.writeFileSync(path.join(dir, 'package-lock.json'), source.lockfile);
			await npmInstall(dir, nodeBinary, what, { ...options, ci: Boolean(source.lockfile) });
		},
	});
	if (root) linkEntry(linkDir, finalDir);
	return finalDir;
}

/**
 * Create .n8n-local/ with an ESLint config that ignores it: `npm run lint` lints the whole
 * tree, and n8n copies its editor's bundles (~530 minified .js files per user folder) into
 * the user folders kept here, which took ESLint about two minutes per folder.
 */
function ensureLocalFolder() {
	const config = path.join(LOCAL, 'eslint.config.mjs');
	if (fs.existsSync(config)) return;
	fs.mkdirSync(LOCAL, { recursive: true });
	fs.writeFileSync(
		config,
		"// Written by tools/lib/runtimes.mjs: installed runtimes and n8n user folders are not linted.\nexport default [{ ignores: ['**/*'] }];\n",
	);
	if (fs.existsSync(path.join(LOCAL, 'node_modules', 'n8n'))) {
		log(
			dim(
				'  .n8n-local/node_modules holds n8n from before the runtime cache and is no longer used: delete it (and .n8n-local/package*.json) to free ~1.7 GB',
			),
		);
	}
}

/**
 * Absolute path of the Node binary that runs this n8n line (installing Node 24 if needed).
 * @param {N8nLine} line @returns {Promise<string>}
 */
export async function ensureNode(line) {
	if (!line.node) return process.execPath;
	const { version, dir, pinned } = line.node;
	const binIn = (/** @type {string} */ d) => path.join(d, 'node_modules', '.bin', 'node');
	await ensureInstalled({
		name: `node-${version}`,
		linkDir: dir,
		pinned,
		nodeBinary: process.execPath,
		nodeVersion: process.version,
		manifest: {
			name: 'n8n-local-node24',
			private: true,
			description:
				'Node 24 from the npm registry, to run n8n 2.x (installed by tools/lib/runtimes.mjs)',
			dependencies: { node: version },
		},
		what: `node@${version}`,
		// The binary itself must answer with its version, not just be on disk.
		verify: (d) =>
			installedVersion(d, 'node') === version &&
			spawnSync(binIn(d), ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${version}`,
	});
	return binIn(dir);
}

/**
 * Install n8n (skipped when a finished install of the pinned version exists). Returns the node binary.
 * @param {N8nLine} line @returns {Promise<string>}
 */
export async function ensureN8n(line) {
	const nodeBinary = await ensureNode(line);
	await ensureInstalled({
		name: `n8n-${line.version}`,
		linkDir: line.dir,
		pinned: line.pinned,
		nodeBinary,
		nodeVersion: line.node ? line.node.version : process.version,
		manifest: {
			name: line.node ? 'n8n-local-runtime-v2' : 'n8n-local-runtime',
			private: true,
			description:
				'Real n8n for npm start / npm run test:e2e (installed by tools/lib/runtimes.mjs)',
			dependencies: { n8n: line.version },
			overrides: line.overrides,
		},
		what: `n8n@${line.version}`,
		options: { ignoreScripts: line.ignoreScripts, rebuild: line.rebuild },
		verify: (d) => installedVersion(d, 'n8n') === line.version,
	});
	return nodeBinary;
}
