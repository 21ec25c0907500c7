import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The runtime cache (tools/lib/runtime-cache.mjs) in real Node processes: an install killed half
 * way never leaves an entry that looks complete, two processes installing one entry at once both
 * end up with the same complete copy, and .n8n-local's links are replaced without touching what
 * an old link pointed at. The "install" here writes a few files instead of running npm, so that
 * the test takes seconds; ensureEntry does not know the difference.
 */

const MODULE = path.join(__dirname, '..', 'tools', 'lib', 'runtime-cache.mjs');

/** A Node process that installs entry `name` of cache `root`: writes `files` files, `pauseMs` apart. */
function installer(root: string, name: string, files: number, pauseMs: number): string {
	return `
		import fs from 'node:fs';
		import path from 'node:path';
		import { ensureEntry } from ${JSON.stringify(MODULE)};
		const finalDir = path.join(${JSON.stringify(root)}, ${JSON.stringify(name)});
		const result = await ensureEntry({
			finalDir,
			key: 'k1',
			verify: (dir) => fs.existsSync(path.join(dir, 'file-${files - 1}')),
			install: async (dir) => {
				for (let i = 0; i < ${files}; i += 1) {
					fs.writeFileSync(path.join(dir, 'file-' + i), String(process.pid));
					if (i === 0) process.stdout.write('writing\\n');
					await new Promise((resolve) => setTimeout(resolve, ${pauseMs}));
				}
			},
		});
		process.stdout.write(JSON.stringify(result) + '\\n');
	`;
}

function runInstaller(root: string, name: string, files = 3, pauseMs = 10) {
	const res = spawnSync(
		process.execPath,
		['--input-type=module', '-e', installer(root, name, files, pauseMs)],
		{
			encoding: 'utf8',
			timeout: 20000,
		},
	);
	expect(res.stderr).toBe('');
	return JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}') as {
		dir: string;
		installed: boolean;
	};
}

describe('runtime cache (tools/lib/runtime-cache.mjs)', () => {
	let root: string;
	beforeEach(() => {
		root = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-cache-test-'));
	});
	afterEach(() => {
		fs.rmSync(root, { recursive: true, force: true });
	});

	test('installs once; a second run uses the finished entry without installing', () => {
		const first = runInstaller(root, 'entry');
		expect(first).toEqual({ dir: path.join(root, 'entry'), installed: true });
		expect(fs.readdirSync(first.dir).sort()).toEqual(
			['.runtime-entry.json', 'file-0', 'file-1', 'file-2'].sort(),
		);
		expect(runInstaller(root, 'entry')).toEqual({ dir: first.dir, installed: false });
		// Nothing but the entry is left in the cache folder.
		expect(fs.readdirSync(root)).toEqual(['entry']);
	});

	test('an install killed half way leaves no entry; the next run removes its leftovers and installs', async () => {
		const child = spawn(
			process.execPath,
			['--input-type=module', '-e', installer(root, 'entry', 50, 100)],
			{ stdio: ['ignore', 'pipe', 'pipe'] },
		);
		await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
		child.kill('SIGKILL');
		await new Promise((resolve) => child.once('close', resolve));
		expect(fs.existsSync(path.join(root, 'entry'))).toBe(false);
		const leftovers = fs.readdirSync(root);
		expect(leftovers).toHaveLength(1);
		expect(leftovers[0]).toMatch(new RegExp(`^\\.tmp-entry-${child.pid}-`));

		expect(runInstaller(root, 'entry').installed).toBe(true);
		expect(fs.readdirSync(root)).toEqual(['entry']);
	});

	test('an entry whose files were damaged is installed again', () => {
		const { dir } = runInstaller(root, 'entry');
		fs.rmSync(path.join(dir, 'file-2'));
		expect(runInstaller(root, 'entry').installed).toBe(true);
		expect(fs.existsSync(path.join(dir, 'file-2'))).toBe(true);
	});

	test('two processes installing the same entry at once both get the one complete copy', async () => {
		const run = () =>
			new Promise<{ code: number | null; out: string }>((resolve) => {
				const child = spawn(
					process.execPath,
					['--input-type=module', '-e', installer(root, 'entry', 10, 20)],
					{ stdio: ['ignore', 'pipe', 'inherit'] },
				);
				let out = '';
				child.stdout.on('data', (d) => (out += d));
				child.on('close', (code) => resolve({ code, out }));
			});
		const results = await Promise.all([run(), run()]);
		expect(results.map((r) => r.code)).toEqual([0, 0]);
		for (const { out } of results) {
			expect(JSON.parse(out.trim().split('\n').pop() ?? '{}').dir).toBe(path.join(root, 'entry'));
		}
		expect(fs.readdirSync(root)).toEqual(['entry']);
		expect(fs.readdirSync(path.join(root, 'entry'))).toHaveLength(11);
	});

	test('linkEntry replaces an old link (not its target) and an old real folder', () => {
		const target = path.join(root, 'new-entry');
		const oldTarget = path.join(root, 'old-entry');
		fs.mkdirSync(target);
		fs.mkdirSync(oldTarget);
		fs.writeFileSync(path.join(oldTarget, 'keep'), 'x');
		const local = path.join(root, 'local');
		fs.mkdirSync(local);
		fs.symlinkSync(oldTarget, path.join(local, 'v2'));
		fs.mkdirSync(path.join(local, 'v1'));
		fs.writeFileSync(path.join(local, 'v1', 'old-install'), 'x');
		const link = (name: string) =>
			spawnSync(
				process.execPath,
				[
					'--input-type=module',
					'-e',
					`import { linkEntry } from ${JSON.stringify(MODULE)}; linkEntry(${JSON.stringify(path.join(local, name))}, ${JSON.stringify(target)});`,
				],
				{ encoding: 'utf8' },
			);
		expect(link('v2').status).toBe(0);
		expect(link('v1').status).toBe(0);
		expect(fs.readlinkSync(path.join(local, 'v2'))).toBe(target);
		expect(fs.readlinkSync(path.join(local, 'v1'))).toBe(target);
		expect(fs.readFileSync(path.join(oldTarget, 'keep'), 'utf8')).toBe('x');
		expect(fs.readdirSync(local).sort()).toEqual(['v1', 'v2']);
	});

	test('an unusable default cache folder falls back to installing into the clone, with one warning', () => {
		const blocker = path.join(root, 'not-a-folder');
		fs.writeFileSync(blocker, 'x');
		const where = (env: NodeJS.ProcessEnv) =>
			spawnSync(
				process.execPath,
				[
					'--input-type=module',
					'-e',
					`import { runtimeCacheRoot } from ${JSON.stringify(MODULE)}; runtimeCacheRoot(); process.stdout.write(JSON.stringify(runtimeCacheRoot()));`,
				],
				{ encoding: 'utf8', env: { ...process.env, SKILLJAR_RUNTIME_CACHE: '', ...env } },
			);
		const blocked = where({ XDG_CACHE_HOME: blocker });
		expect(blocked.stdout).toBe('null');
		expect(blocked.stderr.match(/cannot be used/g)).toHaveLength(1);
		const usable = where({ XDG_CACHE_HOME: path.join(root, 'cache') });
		expect(usable.stdout).toBe(
			JSON.stringify(path.join(root, 'cache', 'n8n-nodes-skilljar', 'runtimes')),
		);
		expect(usable.stderr).toBe('');
	});
});
