import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A cold machine, on every npm test: the Node 24 runtime (the smallest one npm start and the
 * end-to-end tests install) is installed from scratch into an empty temporary runtime cache,
 * through `npm run`, as the README starts things, so this project's .npmrc (linked layout, no
 * install scripts, errors only) is exported to the install's caller the way it is for npm start.
 * None of it may reach the install: a runtime installed with the project's settings does not
 * work (n8n's tree fails with ELOOP in the linked layout, Node 24's binary is never fetched
 * without its install script). And an install stopped half way leaves no process behind.
 */

const ROOT = path.join(__dirname, '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let tmp: string;
beforeEach(() => {
	tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-install-test-'));
});
afterEach(() => {
	fs.rmSync(tmp, { recursive: true, force: true });
});

/** Environment for `npm run runtimes:install`: an empty cache, and links kept out of the clone. */
function env(): NodeJS.ProcessEnv {
	return {
		...process.env,
		SKILLJAR_RUNTIME_CACHE: path.join(tmp, 'cache'),
		SKILLJAR_LOCAL_DIR: path.join(tmp, 'local'),
	};
}

const PROCESSES = path.join(ROOT, 'tools', 'lib', 'processes.mjs');

/**
 * Processes whose command line or working folder is inside `dir`, found by the tools' own /proc
 * scan (the one the cold run uses), run in a Node process of its own: Jest cannot load the module.
 */
function processesIn(dir: string): string[] {
	const script = `import { processesIn } from ${JSON.stringify(PROCESSES)};
		process.stdout.write(JSON.stringify(processesIn(process.argv[1])));`;
	const res = spawnSync(process.execPath, ['--input-type=module', '-e', script, dir], {
		encoding: 'utf8',
	});
	if (res.status !== 0) throw new Error(`scanning /proc failed: ${res.stderr}`);
	return JSON.parse(res.stdout) as string[];
}

async function noneLeftIn(dir: string, withinMs: number): Promise<string[]> {
	const deadline = Date.now() + withinMs;
	let left = processesIn(dir);
	while (left.length && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 200));
		left = processesIn(dir);
	}
	return left;
}

function entries(): string[] {
	const cache = path.join(tmp, 'cache');
	return fs.existsSync(cache) ? fs.readdirSync(cache) : [];
}

describe('installing a runtime on a cold machine (npm run runtimes:install)', () => {
	test('npm run exports the project npm settings that an install must not get', () => {
		// Without this the next test would prove nothing: it is what npm start's installs see.
		const res = spawnSync(NPM, ['run', 'env'], { cwd: ROOT, env: env(), encoding: 'utf8' });
		expect(res.status).toBe(0);
		expect(res.stdout).toMatch(/^npm_config_install_strategy=linked$/m);
		expect(res.stdout).toMatch(/^npm_config_ignore_scripts=true$/m);
	});

	test('Node 24 installs from scratch in its own layout, with its install script run', () => {
		const res = spawnSync(NPM, ['run', 'runtimes:install', '--', 'node24'], {
			cwd: ROOT,
			env: env(),
			encoding: 'utf8',
			timeout: 240_000,
		});
		expect(`${res.stdout}${res.stderr}`).toMatch(/node24: ready/);
		expect(res.status).toBe(0);

		const [entry, ...others] = entries();
		expect(others).toEqual([]);
		expect(entry).toMatch(/^node-24\.\d+\.\d+-[0-9a-f]{16}$/);
		const dir = path.join(tmp, 'cache', entry);
		const log = fs.readFileSync(path.join(dir, 'npm-install.log'), 'utf8');
		// Nothing npm exported for this project's scripts reached the install.
		expect(log.split('\n')[0]).toBe('install-guard: npm settings from the calling npm: none');
		// Not the project's linked layout: a real folder per package, no .store.
		expect(fs.existsSync(path.join(dir, 'node_modules', '.store'))).toBe(false);
		expect(fs.lstatSync(path.join(dir, 'node_modules', 'node')).isDirectory()).toBe(true);
		// Not the project's log level either: the install's own log shows its downloads.
		expect(log).toMatch(/npm http fetch GET 200/);
		// The install script ran (the project skips them): the binary answers with its version.
		const binary = path.join(tmp, 'local', 'node24', 'node_modules', '.bin', 'node');
		const version = spawnSync(binary, ['--version'], { encoding: 'utf8' });
		expect(version.stdout.trim()).toMatch(/^v24\./);
		expect(processesIn(tmp)).toEqual([]);
	});

	test.each([
		['SIGTERM to npm', 'npm' as const, 'SIGTERM' as const],
		['SIGKILL to the installing process', 'installer' as const, 'SIGKILL' as const],
	])('an install stopped half way (%s) leaves no process and no entry', async (_, target, signal) => {
		const npm: ChildProcess = spawn(NPM, ['run', 'runtimes:install', '--', 'node24'], {
			cwd: ROOT,
			env: env(),
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const started = new Promise<void>((resolve, reject) => {
			const onData = (chunk: Buffer) => {
				output += chunk;
				if (/Installing node@/.test(output)) resolve();
			};
			npm.stdout?.on('data', onData);
			npm.stderr?.on('data', onData);
			npm.once('exit', () => reject(new Error(`npm exited before installing:\n${output}`)));
		});
		const exited = new Promise((resolve) => npm.once('exit', resolve));
		await started;
		// The install's npm is running now (its working folder is the entry being installed).
		const deadline = Date.now() + 10_000;
		while (!processesIn(path.join(tmp, 'cache')).length && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 50));
		}
		expect(processesIn(path.join(tmp, 'cache')).length).toBeGreaterThan(0);
		if (target === 'npm') {
			npm.kill(signal);
		} else {
			// The guard's command line names the process it watches: the installing one.
			const guard = processesIn(tmp).find((p) => p.includes('install-guard.mjs'));
			const installer = Number(/install-guard\.mjs (\d+)/.exec(guard ?? '')?.[1]);
			expect(installer).toBeGreaterThan(0);
			process.kill(installer, signal);
		}
		await exited;
		expect(await noneLeftIn(tmp, 5000)).toEqual([]);
		// What was half installed is not an entry (a later run removes the .tmp- folder).
		expect(entries().filter((name) => !name.startsWith('.tmp-'))).toEqual([]);
	});
});
