// @ts-check
// End-to-end in n8n's queue mode: real n8n 1.123 split into a main process, two
// workers and a webhook process, sharing Redis (Bull queue) and PostgreSQL (database), with this
// package installed as a community package in their shared user folder. Everything listens on
// 127.0.0.1 on free ports and is stopped by PID at the end, also when a check fails.
//
//   npm run test:e2e:queue   (node tools/e2e.mjs test/e2e/queue-mode.test.mjs)
//   E2E_QUEUE=0   skip this suite        E2E_NO_BUILD=1   do not rebuild the package first
//
// Redis and PostgreSQL come from Debian's packages (installed with apt-get when missing). The
// first run of `npm run test:e2e` installs n8n itself (the n8n-v1 suite installs it too; tools/e2e.mjs runs this file alongside).

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { n8nBin, n8nCli, n8nEnv, restApiReady } from '../../tools/lib/n8n.mjs';
import { N8nClient } from '../../tools/lib/n8n-client.mjs';
import { buildPackage, installPackageInto } from '../../tools/lib/package.mjs';
import { LOCAL, ROOT } from '../../tools/lib/paths.mjs';
import { freePort, sleep, startProcess, stopChild, waitFor } from '../../tools/lib/processes.mjs';
import { N8N_V1, ensureN8n } from '../../tools/lib/runtimes.mjs';
import { builtSandbox, membersOf } from '../../tools/lib/sandbox.mjs';
import { ensureDebianPackages, startPostgres, startRedis } from './lib/queue-services.mjs';

const require = createRequire(import.meta.url);
const OUT = path.join(ROOT, 'test-output', 'queue-mode');
const OWNER = { email: 'queue-owner@example.com', password: 'Queue-sandbox-pass1' };
const DOMAIN = 'academy.example.com';
const COURSE = 'pcs0000000001';
const CREDENTIAL = { id: 'SkjSandboxCred01', name: 'Skilljar sandbox' };
const LIMITED_CREDENTIAL = { id: 'SkjQmLimitedCred', name: 'Skilljar sandbox (600/min)' };
const WF = {
	enroll: 'SkjQmEnrollLrnrs',
	export: 'SkjQmExportUsers',
	allEvents: 'SkjE2eAllEvents1',
	bulk: 'SkjQmBulkWrites1',
	stop: 'SkjQmStopWorker1',
};
// The package's event types (nodes/shared/webhookEvents.ts, via the built sandbox), read once
// the package is built; the all-events fixture is filled with them, as in the n8n-line suites.
/** @type {string[]} */
let EVENT_TYPES = [];
// Skilljar's documented burst rate (600 a minute), enforced by the sandbox the bulk check writes
// to, in a 10 s window: the same rate, and the same 429 + Retry-After once the two workers
// (each pacing itself to the credential's 600/min) exceed it, without a minute of waiting.
const RATE_LIMIT = { requests: 100, windowSeconds: 10 };
const BULK_ITEMS_PER_RUN = 100; // two runs: 200 writes, twice the window's budget
const STOP_ITEMS = 300;
const SKIP = process.env.E2E_QUEUE === '0' ? 'E2E_QUEUE=0' : false;

/** @param {string} line */
const report = (line) => process.stdout.write(`# ${line}\n`);

/** @typedef {import('../../tools/lib/sandbox.mjs').InProcessSandbox} InProcessSandbox */
/** A webhook in the sandbox, as the trigger registers it. */
/**
 * @typedef {{
 *   id: string, event_type: string, target_url: string,
 *   basic_auth_username: string, basic_auth_password: string,
 * }} Webhook
 */
/** An execution in n8n's list (REST API). */
/** @typedef {{ id: string, status: string }} Execution */
/** An output item of a node in an execution's run data. */
/**
 * @typedef {{ json: Record<string, unknown>, binary?: Record<string, { fileName?: string }> }} OutputItem
 */
/** An execution's run data: each node's runs and their outputs. */
/** @typedef {Record<string, Array<{ data?: { main?: OutputItem[][] } }>>} RunData */
/** A workflow file (only what these checks change is spelled out). */
/**
 * @typedef {{ name: string, nodes: Array<{ type: string } & Record<string, unknown>> }
 *   & Record<string, unknown>} WorkflowFile
 */

/**
 * What the test files need to know about the running setup. Everything but the first four
 * fields is filled in by setUp, which runs before any check.
 * @typedef {{
 *   timings: Record<string, number>,
 *   processes: Record<string, {
 *     child: import('../../tools/lib/processes.mjs').Server, logFile: string,
 *   }>,
 *   cleanups: Array<() => Promise<unknown>>,
 *   secrets: string[],
 *   nodeBinary: string,
 *   flatted: { parse: (text: string) => { resultData: { runData: RunData } } },
 *   pg: Awaited<ReturnType<typeof startPostgres>>,
 *   sandbox: InProcessSandbox & { seededWebhookIds?: string[] },
 *   limited: InProcessSandbox,
 *   mainBase: string,
 *   webhookBase: string,
 *   client: N8nClient,
 * }} QueueSetup
 */
const env = /** @type {QueueSetup} */ (
	/** @type {unknown} */ ({
		timings: {},
		processes: {}, // name -> { child, logFile }
		cleanups: [],
		secrets: [], // webhook secrets seen in the sandbox, for the log check
	})
);

/** Each Manual Trigger of an example becomes a Webhook node, so that production runs go through
 * the webhook process and the queue. Everything after the trigger is the example, unchanged.
 * @param {string} file @param {string} id @param {string} webhookPath */
function viaWebhook(file, id, webhookPath) {
	/** @type {WorkflowFile} */
	const wf = JSON.parse(fs.readFileSync(file, 'utf8'));
	const trigger = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	assert.ok(trigger, `${path.basename(file)} has no Manual Trigger`);
	Object.assign(trigger, {
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'onReceived', options: {} },
	});
	return { ...wf, id, name: `${wf.name} (queue mode)`, active: false };
}

/**
 * Webhook → one item per email (`{prefix, count}` in the body) → Domain User › Create.
 * @param {string} id @param {string} webhookPath @param {{ id: string, name: string }} credential
 */
function bulkWorkflow(id, webhookPath, credential) {
	return {
		id,
		name: `Queue mode: bulk domain users (${credential.name})`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: randomUUID(),
				name: 'Start',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: {
					httpMethod: 'POST',
					path: webhookPath,
					responseMode: 'onReceived',
					options: {},
				},
			},
			{
				id: randomUUID(),
				name: 'Emails',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: {
					jsCode:
						'const { prefix, count } = $input.first().json.body;\n' +
						'return Array.from({ length: count }, (_, i) => ({ json: { email: `${prefix}-${i + 1}@bulk.example.net` } }));',
				},
			},
			{
				id: randomUUID(),
				name: 'Add to the domain',
				type: 'n8n-nodes-skilljar.skilljarDomain',
				typeVersion: 1,
				position: [440, 0],
				parameters: {
					resource: 'domainUser',
					operation: 'create',
					domainName: { __rl: true, mode: 'id', value: DOMAIN },
					userEmail: '={{ $json.email }}',
				},
				credentials: { skilljarApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Emails', type: 'main', index: 0 }]] },
			Emails: { main: [[{ node: 'Add to the domain', type: 'main', index: 0 }]] },
		},
	};
}

// ---------- talking to the processes ----------

function workerNames() {
	return Object.keys(env.processes).filter((n) => n.startsWith('worker'));
}

/**
 * The workers whose log says they started execution `id` (n8n logs it at level info).
 * @param {string} id
 */
function workersThatRan(id) {
	const marker = new RegExp(`Worker started execution ${id} \\(job`);
	return workerNames().filter((name) =>
		marker.test(fs.readFileSync(env.processes[name].logFile, 'utf8')),
	);
}

/** @param {string} workflowId @returns {Promise<Execution[]>} */
async function executions(workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await env.client.request('GET', `/executions?filter=${filter}&limit=200`);
	assert.equal(res.status, 200, `GET /rest/executions: ${res.text.slice(0, 200)}`);
	const data = res.json?.data ?? {};
	return data.results ?? data;
}

const FINAL = new Set(['success', 'error', 'crashed', 'canceled']);

/**
 * Wait until `count` executions of the workflow have ended; returns them (newest first).
 * @param {string} workflowId @param {number} count
 */
async function finishedExecutions(workflowId, count, timeoutMs = 60000) {
	return waitFor(
		`${count} finished execution(s) of ${workflowId}`,
		async () => {
			const list = await executions(workflowId);
			return list.length >= count && list.every((e) => FINAL.has(e.status)) && list;
		},
		{ timeoutMs, intervalMs: 500 },
	);
}

/**
 * The run data of one execution (stored flatted).
 * @param {string} id @returns {Promise<RunData>}
 */
async function runData(id) {
	const res = await env.client.request('GET', `/executions/${id}`);
	assert.equal(res.status, 200, `GET /rest/executions/${id}`);
	const raw = res.json?.data?.data;
	return (typeof raw === 'string' ? env.flatted.parse(raw) : raw).resultData.runData;
}

/** @param {RunData} data @param {string} nodeName */
function nodeItems(data, nodeName) {
	assert.ok(data[nodeName]?.length, `node "${nodeName}" did not run`);
	return data[nodeName][0].data?.main?.[0] ?? [];
}

/** @param {string} workflowId @param {boolean} active */
async function setActive(workflowId, active) {
	const wf = await env.client.request('GET', `/workflows/${workflowId}`);
	assert.equal(wf.status, 200, `GET /rest/workflows/${workflowId}`);
	const { versionId } = wf.json.data;
	const action = active ? 'activate' : 'deactivate';
	let res = await env.client.request('POST', `/workflows/${workflowId}/${action}`, { versionId });
	if (res.status === 404) {
		res = await env.client.request('PATCH', `/workflows/${workflowId}`, { active, versionId });
	}
	assert.equal(res.status, 200, `${action} ${workflowId}: ${res.text.slice(0, 400)}`);
	assert.equal(res.json?.data?.active, active, `${workflowId} is not ${action}d`);
}

/**
 * POST to a production webhook URL of the webhook process.
 * @param {string} webhookPath @param {Record<string, unknown>} [body]
 */
async function callWebhook(webhookPath, body = {}) {
	const res = await fetch(`${env.webhookBase}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	assert.equal(
		res.status,
		200,
		`POST /webhook/${webhookPath}: HTTP ${res.status} ${await res.text()}`,
	);
}

/** @param {QueueSetup['sandbox']} sandbox */
function sandboxWebhooks(sandbox) {
	// The sandbox seeds one inactive sample webhook of its own; count only the ones added since.
	const seeded = new Set(sandbox.seededWebhookIds ?? []);
	const webhooks = /** @type {Webhook[]} */ (sandbox.list('/v1/webhooks'));
	return webhooks.filter((w) => !seeded.has(w.id));
}

/**
 * Domain-user writes Skilljar carried out (2xx answers), per email, from the request log.
 * @param {InProcessSandbox} sandbox @param {string} prefix
 */
function writesByEmail(sandbox, prefix) {
	const path = `/v1/domains/${DOMAIN}/users`;
	/** @type {Map<string, number>} */
	const counts = new Map();
	for (const r of sandbox.requests) {
		const email = /** @type {{ user?: { email?: string } } | undefined} */ (r.body)?.user?.email;
		if (r.method !== 'POST' || r.path !== path || typeof email !== 'string') continue;
		if (!email.startsWith(`${prefix}-`)) continue;
		if (r.status >= 200 && r.status < 300) counts.set(email, (counts.get(email) ?? 0) + 1);
	}
	return { counts };
}

// ---------- starting and stopping everything ----------

/** The e2e trigger fixture, listening to every event type the package knows. */
function allEventsWorkflow() {
	const wf = JSON.parse(
		fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'fixtures', 'all-events-trigger.json'), 'utf8'),
	);
	wf.nodes[0].parameters.events = [...EVENT_TYPES];
	return wf;
}

/**
 * @param {string} name @param {string[]} args @param {NodeJS.ProcessEnv} processEnv
 * @param {() => Promise<unknown>} ready
 */
async function startN8nProcess(name, args, processEnv, ready) {
	const logFile = path.join(OUT, `${name}.log`);
	const started = Date.now();
	const child = startProcess(env.nodeBinary, [n8nBin(N8N_V1), ...args], {
		cwd: N8N_V1.dir,
		env: processEnv,
		logFile,
	});
	env.processes[name] = { child, logFile };
	await waitFor(`${name} to be ready`, ready, { timeoutMs: 120000, intervalMs: 250, child });
	env.timings[name] = Date.now() - started;
}

/** Whether `url` answers (2xx by default). */
const answers =
	(/** @type {string} */ url, /** @type {(r: Response) => boolean} */ check = (r) => r.ok) =>
	async () => {
		const res = await fetch(url).catch(() => null);
		return Boolean(res && check(res));
	};

async function setUp() {
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });
	const t0 = Date.now();
	ensureDebianPackages(report);
	env.nodeBinary = await ensureN8n(N8N_V1);
	if (process.env.E2E_NO_BUILD !== '1') buildPackage();
	EVENT_TYPES = [...builtSandbox().EVENT_TYPES];
	env.flatted = require(
		require.resolve('flatted', { paths: [path.join(N8N_V1.dir, 'node_modules', 'n8n')] }),
	);

	// Redis and PostgreSQL: data in a temporary folder the postgres user can reach.
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skilljar-queue-'));
	fs.chmodSync(tmp, 0o711);
	env.cleanups.push(async () => fs.rmSync(tmp, { recursive: true, force: true }));
	/**
	 * Starts one of them on a free port, stopped at the end; its start-up time is reported.
	 * @template {{ stop: () => Promise<unknown>, readyMs: number }} S
	 * @param {string} name
	 * @param {(options: { dir: string, port: number, logFile: string }) => Promise<S>} start
	 */
	const service = async (name, start) => {
		const dir = path.join(tmp, name);
		const logFile = path.join(OUT, `${name}.log`);
		const started = await start({ dir, port: await freePort(), logFile });
		env.cleanups.push(started.stop);
		env.timings[name] = started.readyMs;
		return started;
	};
	const redis = await service('redis', startRedis);
	const pg = await service('postgres', startPostgres);
	env.pg = pg;

	// Two sandboxes: one as usual, one enforcing Skilljar's burst limit for the bulk check.
	const { startSandbox } = builtSandbox();
	env.sandbox = await startSandbox({ port: 0 });
	env.sandbox.seededWebhookIds = sandboxWebhooks(env.sandbox).map((w) => w.id);
	env.cleanups.push(() => env.sandbox.close());
	env.limited = await startSandbox({ port: 0 });
	env.limited.faults.setRateLimits([RATE_LIMIT]);
	env.cleanups.push(() => env.limited.close());

	// One user folder (with the package) and one encryption key for every process.
	const userFolder = path.join(LOCAL, 'queue-mode');
	fs.rmSync(userFolder, { recursive: true, force: true });
	installPackageInto(userFolder);
	const ports = { main: await freePort(), webhook: await freePort() };
	env.mainBase = `http://127.0.0.1:${ports.main}`;
	env.webhookBase = `http://127.0.0.1:${ports.webhook}`;
	const shared = {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_DATABASE: pg.database,
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: randomBytes(24).toString('hex'),
		// The URL the main process gives triggers (ours registers it with Skilljar).
		WEBHOOK_URL: `${env.webhookBase}/`,
		N8N_EDITOR_BASE_URL: `${env.mainBase}/`,
		N8N_LOG_LEVEL: 'info', // workers log "Worker started execution N" at info
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'true',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '30',
	};
	// n8n processes stop in parallel (each may take its graceful-shutdown time), before the
	// database and Redis they need while stopping.
	env.cleanups.push(() =>
		Promise.all(Object.values(env.processes).map(({ child }) => stopChild(child, 35000))),
	);
	/** @param {number} port @param {Record<string, string>} [extra] */
	const envFor = async (port, extra = {}) =>
		n8nEnv({ userFolder, port, brokerPort: await freePort(), extra: { ...shared, ...extra } });

	// Credentials and workflows go straight into PostgreSQL with the CLI (this also migrates it).
	const importDir = path.join(userFolder, 'import');
	const wfDir = path.join(importDir, 'workflows');
	fs.mkdirSync(wfDir, { recursive: true });
	const credFile = path.join(importDir, 'credentials.json');
	fs.writeFileSync(
		credFile,
		JSON.stringify([
			{
				...CREDENTIAL,
				type: 'skilljarApi',
				data: { apiKey: env.sandbox.apiKey, baseUrl: env.sandbox.url },
			},
			{
				...LIMITED_CREDENTIAL,
				type: 'skilljarApi',
				data: { apiKey: env.limited.apiKey, baseUrl: env.limited.url },
			},
		]),
	);
	const workflows = [
		viaWebhook(path.join(ROOT, 'examples', 'enroll-learners.json'), WF.enroll, 'queue-enroll'),
		viaWebhook(path.join(ROOT, 'examples', 'export-domain-users.json'), WF.export, 'queue-export'),
		allEventsWorkflow(),
		bulkWorkflow(WF.bulk, 'queue-bulk', LIMITED_CREDENTIAL),
		bulkWorkflow(WF.stop, 'queue-stop', CREDENTIAL),
	];
	for (const wf of workflows)
		fs.writeFileSync(path.join(wfDir, `${wf.id}.json`), JSON.stringify(wf));
	const cliEnv = await envFor(await freePort(), { N8N_LOG_LEVEL: 'warn' });
	const cli = async (/** @type {string[]} */ args) => {
		const started = Date.now();
		const res = await n8nCli(N8N_V1, env.nodeBinary, cliEnv, args);
		fs.appendFileSync(
			path.join(OUT, 'cli.log'),
			`$ n8n ${args.join(' ')}\n${res.stdout}\n${res.stderr}\n`,
		);
		assert.equal(
			res.code,
			0,
			`n8n ${args[0]} exited ${res.code ?? res.signal}: ${res.stderr.slice(-1500)}`,
		);
		env.timings[`CLI ${args[0]}`] = Date.now() - started;
	};
	// The first n8n command migrates the empty database; the processes must not race to do it.
	await cli(['import:credentials', `--input=${credFile}`]);

	// Then everything at once (it saves a minute on two cores): the workflow import, main (UI,
	// REST, activation), the webhook process and two workers.
	const starting = [
		cli(['import:workflow', '--separate', `--input=${wfDir}`]),
		startN8nProcess(
			'main',
			['start'],
			await envFor(ports.main, { N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' }),
			() => restApiReady(env.mainBase),
		),
		startN8nProcess(
			'webhook',
			['webhook'],
			await envFor(ports.webhook),
			answers(`${env.webhookBase}/healthz/readiness`),
		),
	];
	for (const name of ['worker-1', 'worker-2']) {
		const health = await freePort();
		starting.push(
			startN8nProcess(
				name,
				// One execution at a time each, so that two concurrent runs need both workers.
				['worker', '--concurrency=1'],
				await envFor(await freePort(), {
					QUEUE_HEALTH_CHECK_ACTIVE: 'true',
					QUEUE_HEALTH_CHECK_PORT: String(health),
					N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
				}),
				answers(`http://127.0.0.1:${health}/healthz/readiness`),
			),
		);
	}
	await Promise.all(starting);
	env.client = new N8nClient(env.mainBase);
	await env.client.ensureOwner(OWNER);
	env.timings['whole set-up'] = Date.now() - t0;
}

async function tearDown() {
	for (let fn = env.cleanups.pop(); fn; fn = env.cleanups.pop()) {
		await fn().catch((err) => report(`cleanup: ${err.message}`));
	}
}

// ---------- the checks ----------

describe(
	'n8n 1.123 in queue mode: main, two workers, webhook process, Redis, PostgreSQL',
	{ skip: SKIP },
	() => {
		before(setUp, { timeout: 900000 });
		after(
			async () => {
				const t = Object.entries(env.timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`);
				report(`start-up: ${t.join(', ')}`);
				await tearDown();
			},
			{ timeout: 180000 },
		);

		test(
			'the example workflows run on a worker and their results land in the sandbox',
			{ timeout: 120000 },
			async () => {
				const enrollmentsPath = `/v1/domains/${DOMAIN}/published-courses/${COURSE}/enrollments`;
				const before = env.sandbox.list(enrollmentsPath).length;
				await setActive(WF.enroll, true);
				await setActive(WF.export, true);
				await callWebhook('queue-enroll');
				const [enroll] = await finishedExecutions(WF.enroll, 1);
				assert.equal(
					enroll.status,
					'success',
					`enroll execution ${enroll.id} ended ${enroll.status}`,
				);
				assert.equal(
					workersThatRan(enroll.id).length,
					1,
					`execution ${enroll.id} was not run by exactly one worker`,
				);
				const learners = nodeItems(await runData(enroll.id), 'Learners to enroll').map(
					(i) => i.json.email,
				);
				assert.equal(learners.length, 3);
				const members = membersOf(env.sandbox, `/v1/domains/${DOMAIN}/users`);
				const enrollments = membersOf(env.sandbox, enrollmentsPath);
				assert.equal(enrollments.length, before + 3, 'three new enrollments in the sandbox');
				for (const email of learners) {
					const member = members.find((m) => m.user?.email === email);
					assert.ok(member, `${email} was not added to ${DOMAIN}`);
					assert.ok(
						enrollments.some((e) => e.user?.id === member.user.id),
						`${email} is not enrolled`,
					);
				}

				await callWebhook('queue-export');
				const [exp] = await finishedExecutions(WF.export, 1);
				assert.equal(exp.status, 'success', `export execution ${exp.id} ended ${exp.status}`);
				assert.equal(
					workersThatRan(exp.id).length,
					1,
					`execution ${exp.id} was not run by exactly one worker`,
				);
				const data = await runData(exp.id);
				const expected = membersOf(env.sandbox, `/v1/domains/${DOMAIN}/users`)
					.map((m) => m.user.id)
					.sort();
				// The example simplifies (node version 1.1): each row's `id` is the user's ID.
				const exported = nodeItems(data, 'Get all domain users')
					.map((i) => i.json.id)
					.sort();
				assert.deepEqual(exported, expected, 'the export returns every user of the domain');
				const csv = nodeItems(data, 'CSV file');
				assert.equal(csv[0]?.binary?.data?.fileName, 'skilljar-domain-users.csv');
				report(`examples ran on ${workersThatRan(enroll.id)[0]} and ${workersThatRan(exp.id)[0]}`);
			},
		);

		test(
			'a Skilljar Trigger activated in main registers its webhooks at the webhook process; the secret is in PostgreSQL',
			{ timeout: 60000 },
			async () => {
				await setActive(WF.allEvents, true);
				const hooks = await waitFor(
					'ten webhooks in the sandbox',
					() => {
						const found = sandboxWebhooks(env.sandbox);
						return found.length === EVENT_TYPES.length && found;
					},
					{ timeoutMs: 20000, intervalMs: 250 },
				);
				assert.deepEqual(hooks.map((w) => w.event_type).sort(), [...EVENT_TYPES].sort());
				for (const w of hooks) {
					assert.ok(
						w.target_url.startsWith(`${env.webhookBase}/webhook/`),
						`${w.event_type} points at ${w.target_url}, not at the webhook process`,
					);
					assert.ok(
						w.basic_auth_username && w.basic_auth_password,
						`${w.event_type} has no basic auth`,
					);
					env.secrets.push(w.basic_auth_password);
				}
				// The webhook process has no memory of the activation: it can only check deliveries against
				// what main stored with the workflow (its static data) in the shared database.
				const stored = env.pg.query(
					`SELECT "staticData"::text FROM workflow_entity WHERE id = '${WF.allEvents}'`,
				);
				for (const w of hooks) {
					assert.ok(stored.includes(w.id), `webhook ${w.id} is not in the workflow's static data`);
					// (the message never shows the secret itself)
					assert.ok(
						stored.includes(w.basic_auth_password),
						`the secret of webhook ${w.id} is not in the workflow's static data`,
					);
				}
			},
		);

		test(
			'each event delivered to the webhook process starts exactly one execution, on a worker',
			{ timeout: 120000 },
			async () => {
				/** @type {Record<string, string>} */
				const markers = {};
				for (const type of EVENT_TYPES) {
					markers[type] = `queue-${type}-${randomUUID()}`;
					const deliveries = await env.sandbox.deliverEvent(type, { e2e_marker: markers[type] });
					assert.equal(deliveries.length, 1, `${type}: ${deliveries.length} deliveries`);
					assert.ok(
						deliveries[0].url.startsWith(env.webhookBase),
						`${type} went to ${deliveries[0].url}`,
					);
					assert.equal(
						deliveries[0].status,
						200,
						`${type}: webhook process answered ${deliveries[0].status ?? deliveries[0].error}`,
					);
				}
				await finishedExecutions(WF.allEvents, EVENT_TYPES.length, 90000);
				await sleep(1500); // a duplicate would show up now
				const list = await executions(WF.allEvents);
				assert.equal(
					list.length,
					EVENT_TYPES.length,
					`${list.length} executions for ${EVENT_TYPES.length} events`,
				);
				/** @type {string[]} */
				const seen = [];
				/** @type {Record<string, number>} */
				const byWorker = {};
				for (const e of list) {
					assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
					const ran = workersThatRan(e.id);
					assert.equal(ran.length, 1, `execution ${e.id} was run by ${ran.length} workers`);
					byWorker[ran[0]] = (byWorker[ran[0]] ?? 0) + 1;
					const [item] = nodeItems(await runData(e.id), 'Skilljar Trigger');
					assert.equal(
						item.json.e2e_marker,
						markers[String(item.json.event_type)],
						`execution ${e.id} got another event`,
					);
					seen.push(String(item.json.event_type));
				}
				assert.deepEqual(seen.sort(), [...EVENT_TYPES].sort());
				report(`trigger executions per worker: ${JSON.stringify(byWorker)}`);
			},
		);

		test(
			'one Course Completion delivered three times to the webhook process starts one execution; a distinct one starts one',
			{ timeout: 120000 },
			async () => {
				const before = (await executions(WF.allEvents)).length;
				const marker = `queue-dup-${randomUUID()}`;
				const [first] = await env.sandbox.deliverEvent('COURSE_COMPLETION', { e2e_marker: marker });
				assert.equal(first?.status, 200, `first delivery: ${JSON.stringify(first)}`);
				// Skilljar's retries (same body, same headers): one after another, then two at once.
				const copies = [
					...((await env.sandbox.replayDelivery(first.id)) ?? []),
					...((await env.sandbox.replayDelivery(first.id, 2)) ?? []),
				];
				assert.deepEqual(
					copies.map((d) => d.status),
					[200, 200, 200],
					`retries: ${JSON.stringify(copies)}`,
				);
				const [distinct] = await env.sandbox.deliverEvent('COURSE_COMPLETION', {
					e2e_marker: marker,
				});
				assert.equal(distinct?.status, 200);
				await finishedExecutions(WF.allEvents, before + 2, 90000);
				await sleep(2500); // a duplicate would show up now
				const list = await executions(WF.allEvents);
				assert.equal(list.length, before + 2, `${list.length - before} executions for 2 events`);
				const stored = env.pg.query(
					`SELECT "staticData"::text FROM workflow_entity WHERE id = '${WF.allEvents}'`,
				);
				assert.ok(stored.includes('acceptedEvents'), 'no accepted events in the static data');
				assert.ok(stored.includes('"production"'), 'the registration was lost from the static data');
			},
		);

		test(
			'a forged delivery gets 401 from the webhook process and starts nothing',
			{ timeout: 60000 },
			async () => {
				const [hook] = sandboxWebhooks(env.sandbox);
				assert.ok(hook, 'no webhook registered');
				const before = (await executions(WF.allEvents)).length;
				const event = {
					event_type: hook.event_type,
					timestamp: new Date().toISOString(),
					forged: true,
				};
				for (const authorization of [
					undefined,
					`Basic ${Buffer.from(`${hook.basic_auth_username}:not-the-secret`).toString('base64')}`,
				]) {
					const res = await fetch(hook.target_url, {
						method: 'POST',
						headers: {
							'Content-Type': 'application/json',
							'User-Agent': 'skilljar',
							...(authorization ? { Authorization: authorization } : {}),
						},
						body: JSON.stringify(event),
					});
					assert.equal(
						res.status,
						401,
						`forged delivery (${authorization ? 'wrong secret' : 'no secret'})`,
					);
				}
				await sleep(2000);
				assert.equal(
					(await executions(WF.allEvents)).length,
					before,
					'a forged delivery started an execution',
				);
			},
		);

		test(
			'deactivating in main removes the webhooks from Skilljar',
			{ timeout: 60000 },
			async () => {
				await setActive(WF.allEvents, false);
				await waitFor(
					'the webhooks to be removed',
					() => sandboxWebhooks(env.sandbox).length === 0,
					{
						timeoutMs: 20000,
						intervalMs: 250,
					},
				).catch(() => {});
				const left = sandboxWebhooks(env.sandbox).map((w) => w.event_type);
				assert.deepEqual(left, [], 'webhooks left after deactivation');
			},
		);

		test(
			`two workers, bulk writes against a sandbox enforcing ${RATE_LIMIT.requests} requests/${RATE_LIMIT.windowSeconds}s with 429 + Retry-After: every item done exactly once`,
			{ timeout: 240000 },
			async () => {
				await setActive(WF.bulk, true);
				const started = Date.now();
				await Promise.all(
					['bulk-a', 'bulk-b'].map((prefix) =>
						callWebhook('queue-bulk', { prefix, count: BULK_ITEMS_PER_RUN }),
					),
				);
				const runs = await finishedExecutions(WF.bulk, 2, 200000);
				const seconds = (Date.now() - started) / 1000;
				const workers = runs.map((e) => workersThatRan(e.id));
				for (const [i, e] of runs.entries())
					assert.equal(workers[i].length, 1, `execution ${e.id}: workers ${workers[i]}`);
				assert.notEqual(workers[0][0], workers[1][0], 'both runs went to the same worker');
				// Each worker paces itself to 600/min; together they exceed the budget and only
				// Skilljar's 429s (with Retry-After) keep them inside it.
				const throttled = env.limited.faults.throttled;
				for (const prefix of ['bulk-a', 'bulk-b']) {
					const w = writesByEmail(env.limited, prefix);
					const twice = [...w.counts].filter(([, n]) => n > 1);
					assert.deepEqual(twice, [], `${prefix}: items written more than once`);
					assert.equal(
						w.counts.size,
						BULK_ITEMS_PER_RUN,
						`${prefix}: ${w.counts.size} of ${BULK_ITEMS_PER_RUN} items written`,
					);
				}
				report(
					`bulk: ${2 * BULK_ITEMS_PER_RUN} writes by two workers in ${seconds.toFixed(1)}s, ${throttled} answered 429; statuses ${runs.map((e) => e.status)}`,
				);
				assert.ok(
					throttled > 0,
					'the sandbox never answered 429: the rate limit was not exercised',
				);
				for (const e of runs)
					assert.equal(e.status, 'success', `execution ${e.id} ended ${e.status}`);
				const members = new Set(
					membersOf(env.limited, `/v1/domains/${DOMAIN}/users`).map((m) => m.user?.email),
				);
				for (let i = 1; i <= BULK_ITEMS_PER_RUN; i += 1) {
					for (const prefix of ['bulk-a', 'bulk-b'])
						assert.ok(members.has(`${prefix}-${i}@bulk.example.net`));
				}
			},
		);

		test(
			'stopping a worker in the middle of a bulk run writes no item twice',
			{ timeout: 180000 },
			async () => {
				await setActive(WF.stop, true);
				await callWebhook('queue-stop', { prefix: 'stop', count: STOP_ITEMS });
				await waitFor(
					'a fifth of the items to be written',
					() => writesByEmail(env.sandbox, 'stop').counts.size >= STOP_ITEMS / 5,
					{
						timeoutMs: 60000,
						intervalMs: 50,
					},
				);
				const [running] = await executions(WF.stop);
				const [victim] = workersThatRan(running.id);
				assert.ok(victim, `no worker logged execution ${running.id}`);
				const writtenAtStop = writesByEmail(env.sandbox, 'stop').counts.size;
				const stopStarted = Date.now();
				await stopChild(env.processes[victim].child, 45000);
				const stopSeconds = (Date.now() - stopStarted) / 1000;
				const writtenAtExit = writesByEmail(env.sandbox, 'stop').counts.size;
				// Give n8n time to hand the execution elsewhere if it wanted to; then look.
				await sleep(5000);
				const [after] = await executions(WF.stop);
				const { counts } = writesByEmail(env.sandbox, 'stop');
				const twice = [...counts].filter(([, n]) => n > 1);
				report(
					`worker stop: SIGTERM to ${victim} with ${writtenAtStop}/${STOP_ITEMS} written; it exited after ${stopSeconds.toFixed(1)}s with ${writtenAtExit} written; ` +
						`execution ${after.id} is "${after.status}"; ${counts.size} items written, ${twice.length} twice; ran on ${workersThatRan(after.id)}`,
				);
				assert.deepEqual(twice, [], 'items written twice');
				assert.equal(after.id, running.id, 'n8n started another execution');
			},
		);

		test('no process logged the API key or a webhook secret', { timeout: 30000 }, async () => {
			const forbidden = [env.sandbox.apiKey, env.limited.apiKey, ...env.secrets].filter(Boolean);
			assert.ok(env.secrets.length > 0, 'no webhook secret was captured to look for');
			for (const [name, { logFile }] of Object.entries(env.processes)) {
				const text = fs.readFileSync(logFile, 'utf8');
				for (const secret of forbidden)
					assert.ok(!text.includes(secret), `${name}'s log contains a secret`);
			}
		});
	},
);
