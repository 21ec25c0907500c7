// @ts-check
// One n8n line (1.123 on Node 20, or 2.x on Node 24) as a node:test suite: install it, give it
// a fresh user folder with this package, an in-process sandbox and the imported credential,
// examples and e2e workflow, then run each concern's tests (headless/, trigger/, browser/)
// against it. Everything it starts listens on 127.0.0.1 and is stopped in `after`, also when
// a test fails or the run is interrupted.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { N8nClient } from '../../../tools/lib/n8n-client.mjs';
import { n8nCli, n8nEnv, startN8nServer } from '../../../tools/lib/n8n.mjs';
import {
	credentialFile,
	exampleFiles,
	installPackageInto,
	readJson,
	writeJson,
} from '../../../tools/lib/package.mjs';
import { LOCAL, ROOT } from '../../../tools/lib/paths.mjs';
import { freePort, stopChild } from '../../../tools/lib/processes.mjs';
import { ensureN8n } from '../../../tools/lib/runtimes.mjs';
import { builtSandbox } from '../../../tools/lib/sandbox.mjs';

export const OUT = path.join(ROOT, 'test-output');
export const OWNER = { email: 'e2e-owner@example.com', password: 'E2e-sandbox-pass1' };
/** Ids of the workflows the tests run: the examples' own ids and the e2e fixture's. */
export const WF = {
	enroll: readJson(path.join(ROOT, 'examples', 'enroll-learners.json')).id,
	enrollByEmail: readJson(path.join(ROOT, 'examples', 'enroll-by-email.json')).id,
	bulkEnrollV2: readJson(path.join(ROOT, 'examples', 'bulk-enroll-v2.json')).id,
	export: readJson(path.join(ROOT, 'examples', 'export-domain-users.json')).id,
	completion: readJson(path.join(ROOT, 'examples', 'course-completion-to-group.json')).id,
	allEvents: readJson(path.join(ROOT, 'test', 'e2e', 'fixtures', 'all-events-trigger.json')).id,
	mcpTools: readJson(path.join(ROOT, 'test', 'e2e', 'fixtures', 'mcp-tools.json')).id,
};

/**
 * What the tests of one line share. Filled in step by step; a test whose step is missing
 * fails with the reason instead of running.
 * @typedef {{
 *   line: import('../../../tools/lib/runtimes.mjs').N8nLine, key: string, logs: string,
 *   facts: ReturnType<typeof builtSandbox>,
 *   nodeBinary?: string, sandbox?: import('../../../tools/lib/sandbox.mjs').InProcessSandbox, env?: ReturnType<typeof n8nEnv>, imported?: boolean,
 *   server?: { child: import('../../../tools/lib/processes.mjs').Server, base: string },
 *   client?: import('../../../tools/lib/n8n-client.mjs').N8nClient, triggerActive?: boolean,
 * }} LineContext
 */

/**
 * Fails the current test with `reason` unless `value` is there; returns it otherwise.
 * @template T @param {T | undefined} value @param {string} reason @returns {T}
 */
export function need(value, reason) {
	if (value === undefined || value === false) assert.fail(`not run: ${reason}`);
	return value;
}

/**
 * Run an n8n CLI command of this line; its output is appended to the line's cli.log.
 * @param {LineContext} ctx @param {string[]} args @param {{ timeoutMs?: number, env?: NodeJS.ProcessEnv }} [options]
 */
export async function cli(ctx, args, { timeoutMs, env } = {}) {
	const res = await n8nCli(
		ctx.line,
		need(ctx.nodeBinary, 'n8n is not installed'),
		env ?? need(ctx.env, 'no user folder'),
		args,
		{ timeoutMs },
	);
	fs.appendFileSync(
		path.join(ctx.logs, 'cli.log'),
		`$ n8n ${args.join(' ')}\n${res.stdout}\n${res.stderr}\n`,
	);
	return res;
}

/**
 * @param {import('../../../tools/lib/runtimes.mjs').N8nLine} line @param {string} key
 * @param {Array<(ctx: LineContext) => void>} concerns each registers its tests
 */
export function n8nLineSuite(line, key, concerns) {
	describe(`[${key}] ${line.label}: n8n ${line.version}`, () => {
		const logs = path.join(OUT, `n8n-${key}`);
		fs.rmSync(logs, { recursive: true, force: true });
		fs.mkdirSync(logs, { recursive: true });
		/** @type {LineContext} */
		const ctx = { line, key, logs, facts: builtSandbox() };

		const stop = async () => {
			await stopChild(ctx.server?.child);
			await ctx.sandbox?.close();
		};
		after(stop);
		for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
			process.once(signal, () => void stop().finally(() => process.exit(130)));
		}

		test(`[${key}] n8n ${line.version} installed in .n8n-local (first run only)`, async () => {
			ctx.nodeBinary = await ensureN8n(line);
		});

		test(`[${key}] import the credential, the examples and the e2e workflow (CLI)`, async () => {
			need(ctx.nodeBinary, 'n8n is not installed');
			const userFolder = path.join(LOCAL, 'e2e', key);
			fs.rmSync(userFolder, { recursive: true, force: true });
			installPackageInto(userFolder);
			ctx.sandbox = await ctx.facts.startSandbox({ port: 0 });
			ctx.env = n8nEnv({
				userFolder,
				port: await freePort(),
				line,
				brokerPort: await freePort(),
				extra: { N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true', N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true' },
			});
			const credFile = credentialFile(
				path.join(userFolder, 'credential.json'),
				ctx.sandbox.url,
				ctx.sandbox.apiKey,
			);
			// One folder with the examples and the e2e workflows, so that one CLI call (each costs
			// n8n's start-up, 8-15 s) imports them all. The trigger workflow listens to every event
			// type the package knows; the MCP one offers Skilljar tools to MCP clients.
			const workflows = path.join(userFolder, 'workflows');
			for (const file of exampleFiles()) {
				writeJson(path.join(workflows, path.basename(file)), readJson(file));
			}
			const allEvents = readJson(
				path.join(ROOT, 'test', 'e2e', 'fixtures', 'all-events-trigger.json'),
			);
			allEvents.nodes[0].parameters.events = [...ctx.facts.EVENT_TYPES];
			writeJson(path.join(workflows, 'all-events-trigger.json'), allEvents);
			fs.copyFileSync(
				path.join(ROOT, 'test', 'e2e', 'fixtures', 'mcp-tools.json'),
				path.join(workflows, 'mcp-tools.json'),
			);
			for (const args of [
				['import:credentials', `--input=${credFile}`],
				['import:workflow', '--separate', `--input=${workflows}`],
			]) {
				const res = await cli(ctx, args);
				assert.equal(
					res.code,
					0,
					`n8n ${args[0]} exited ${res.code ?? res.signal}:\n${res.stderr.slice(-1500)}`,
				);
			}
			fs.rmSync(credFile);
			ctx.imported = true;
		});

		for (const register of concerns) register(ctx);
	});
}

/**
 * Stop the line's n8n server and start it again on the same port and database (what a restart
 * of the machine's n8n does); the new server and a logged-in client replace the old ones.
 * `whileDown` runs between the stop and the start.
 * @param {LineContext} ctx @param {string} logName @param {() => Promise<void>} [whileDown]
 */
export async function restartServer(ctx, logName, whileDown) {
	const old = need(ctx.server, 'the n8n server did not start');
	await stopChild(old.child);
	await whileDown?.();
	ctx.server = await startN8nServer(ctx.line, need(ctx.nodeBinary, 'no n8n'), need(ctx.env, 'no env'), {
		logFile: path.join(ctx.logs, logName),
	});
	ctx.client = new N8nClient(ctx.server.base);
	await ctx.client.ensureOwner(OWNER);
}
