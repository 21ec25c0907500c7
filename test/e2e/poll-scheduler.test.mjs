// @ts-check
// The Skilljar Poll Trigger under n8n 2.41's opt-in poll scheduler, in one real n8n (SQLite, all on
// 127.0.0.1), with the Skilljar sandbox answering API v2 in this process.
//
// 1. Scheduler on (N8N_SCHEDULER_ENABLED, N8N_SCHEDULER_POLL_TRIGGERS_ENABLED), poll timeout 4 s:
//    n8n gives each poll 2 s (getPollBudgetMs: the timeout less a margin of max(20%, 5 s), at most
//    half) and abandons it at 4 s. A bulk enrollment whose whole read takes longer (2,500
//    enrollments, 25 pages at 200 ms) is emitted over many polls, each record once and in time
//    order, and n8n abandons no poll: once with lists served oldest first, once newest first (API
//    v2 documents no order; the sandbox can serve either).
// 2. After a restart with durable poll cursors too (N8N_POLLER_DURABLE_CURSORS_ENABLED): an
//    enrollment made right after an activation comes once, with the first scheduled poll; after
//    another restart nothing comes twice, in either workflow.
//
// Scaled down from n8n's default 45 s so that the catch-up fits in a few minutes: n8n refuses a
// Poll Times entry that fires more than once a minute, but takes several; twelve, 5 s apart, poll
// every 5 s. Polls are counted from n8n's scheduler log (debug, JSON), pages from the sandbox's
// request log.
//
//   node tools/e2e.mjs test/e2e/poll-scheduler.test.mjs      E2E_SCHEDULER=0: npm run test:e2e skips it

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { n8nEnv, startN8nServer } from '../../tools/lib/n8n.mjs';
import { N8nClient } from '../../tools/lib/n8n-client.mjs';
import { installPackageInto } from '../../tools/lib/package.mjs';
import { LOCAL, ROOT } from '../../tools/lib/paths.mjs';
import { freePort, sleep, stopChild, waitFor } from '../../tools/lib/processes.mjs';
import { N8N_V2, ensureN8n } from '../../tools/lib/runtimes.mjs';
import { builtSandbox } from '../../tools/lib/sandbox.mjs';
import { executionRun, executions, nodeItems, sandboxV2, setActive } from './support/helpers.mjs';
import { OWNER } from './support/n8n-line.mjs';

const require = createRequire(import.meta.url);
const LOGS = path.join(ROOT, 'test-output', 'poll-scheduler');
const HOME = path.join(LOCAL, 'e2e', 'poll-scheduler');
const NODE = 'Skilljar Poll Trigger';
const ENROLLMENTS = '/v2/enrollments/';

/** n8n's poll timeout here, and the budget n8n 2.41 derives from it (see the header). */
const POLL_TIMEOUT_S = 4;
const BUDGET_MS = POLL_TIMEOUT_S * 1000 - Math.min(Math.max(0.2 * POLL_TIMEOUT_S * 1000, 5000), POLL_TIMEOUT_S * 500);
/** The node reads for 60% of the budget (nodes/SkilljarPollTrigger/catchUp.ts). */
const READ_MS = 0.6 * BUDGET_MS;
/** 25 pages of 100 at 200 ms: reading it whole takes 5 s and more, longer than n8n allows. */
const BACKLOG = 2500;
const LATENCY_MS = 200;
/** How long the catch-up may take here (about 25 polls, one every 5 s). */
const CATCH_UP_MS = 170_000;
const POLL_TIMES = Array.from({ length: 12 }, (_, i) => ({ mode: 'custom', cronExpression: `${i * 5} * * * * *` }));
/** The two orders the backlog is served in, each to its own workflow. */
const ORDERS = /** @type {const} */ (['oldest', 'newest']);

const SCHEDULER = {
	N8N_SCHEDULER_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TRIGGERS_ENABLED: 'true',
	N8N_SCHEDULER_POLL_TIMEOUT: String(POLL_TIMEOUT_S),
	// Due polls are picked up each second instead of every 5 s.
	N8N_SCHEDULER_EXECUTOR_INTERVAL: '1',
	// Only the scheduler's lines, as JSON: one per poll, with its workflow.
	N8N_LOG_LEVEL: 'debug',
	N8N_LOG_FORMAT: 'json',
	N8N_LOG_SCOPES: 'scheduler',
};
const DURABLE = { ...SCHEDULER, N8N_POLLER_DURABLE_CURSORS_ENABLED: 'true' };

/** The scheduler's words for how a poll ended. */
const POLL_ENDS = {
	emitted: 'Poll returned new data',
	empty: 'Poll returned no new data',
	abandoned: 'Poll exceeded its timeout and was abandoned',
	failed: 'Poll failed at runtime',
	backingOff: 'Poll is backing off',
};

/**
 * One poll workflow of this file and the sandbox it reads.
 * @typedef {{
 *   label: string, sandbox: import('../../tools/lib/sandbox.mjs').InProcessSandbox,
 *   id?: string, outputs: Map<string, any[]>,
 * }} Watched
 */

describe(`[sched] Skilljar Poll Trigger under the poll scheduler of n8n ${N8N_V2.version}`, () => {
	fs.rmSync(LOGS, { recursive: true, force: true });
	fs.mkdirSync(LOGS, { recursive: true });
	const facts = builtSandbox();
	/** @type {{ nodeBinary?: string, env?: ReturnType<typeof n8nEnv>, server?: { child: import('../../tools/lib/processes.mjs').Server, base: string }, client?: N8nClient }} */
	const run = {};
	/** @type {Record<'oldest' | 'newest' | 'durable', Watched>} */
	const watched = /** @type {any} */ ({});
	/** @type {string[]} the n8n logs of this run, in order */
	const serverLogs = [];

	const stop = async () => {
		await stopChild(run.server?.child);
		for (const w of Object.values(watched)) await w.sandbox.close();
	};
	after(stop);
	for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
		process.once(signal, () => void stop().finally(() => process.exit(130)));
	}

	const client = () => {
		assert.ok(run.client, 'not run: the n8n server did not start');
		return run.client;
	};
	const flatted = () =>
		require(require.resolve('flatted', { paths: [path.join(N8N_V2.dir, 'node_modules', 'n8n')] }));

	/** (Re)start n8n with `extra` settings on the same user folder and database. @param {Record<string, string>} extra @param {string} logName */
	const startServer = async (extra, logName) => {
		await stopChild(run.server?.child);
		assert.ok(run.nodeBinary && run.env, 'not run: n8n is not installed');
		const logFile = path.join(LOGS, logName);
		serverLogs.push(logFile);
		run.server = await startN8nServer(N8N_V2, run.nodeBinary, { ...run.env, ...extra }, { logFile });
		run.client = new N8nClient(run.server.base);
		await run.client.ensureOwner(OWNER);
	};

	/**
	 * How each poll of a workflow ended, from the scheduler's log lines, oldest first.
	 * @param {string} workflowId @returns {Array<keyof typeof POLL_ENDS>}
	 */
	const pollEnds = (workflowId) => {
		/** @type {Array<keyof typeof POLL_ENDS>} */
		const ends = [];
		for (const file of serverLogs) {
			for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
				if (!line.startsWith('{') || !line.includes(workflowId)) continue;
				const entry = JSON.parse(line);
				if ((entry.metadata?.workflowId ?? entry.workflowId) !== workflowId) continue;
				const end = /** @type {Array<keyof typeof POLL_ENDS>} */ (Object.keys(POLL_ENDS)).find((key) =>
					String(entry.message).startsWith(POLL_ENDS[key]),
				);
				if (end) ends.push(end);
			}
		}
		return ends;
	};

	/** Enrollment list reads the sandbox received after `since` (epoch ms). @param {Watched} w @param {number} since */
	const reads = (w, since) =>
		w.sandbox.requests.filter((r) => r.method === 'GET' && r.path === ENROLLMENTS && r.receivedAt > since);

	/**
	 * The items of each finished execution of a workflow, oldest first; an execution is read once.
	 * @param {Watched} w @returns {Promise<any[][]>}
	 */
	const outputsOf = async (w) => {
		const list = await executions(client(), /** @type {string} */ (w.id));
		for (const e of list.filter((x) => !w.outputs.has(x.id))) {
			// One still being saved is read whole next time.
			if (e.status === 'running' || e.status === 'new') continue;
			const data = await executionRun(client(), flatted(), e.id);
			w.outputs.set(e.id, nodeItems({ data }, NODE).map((i) => i.json));
		}
		return [...w.outputs.entries()].sort((a, b) => Number(a[0]) - Number(b[0])).map(([, items]) => items);
	};

	/** Create a credential for `w`'s sandbox and a poll workflow using it; activate it. @param {Watched} w */
	const activate = async (w) => {
		const cred = await client().request('POST', '/credentials', {
			name: `Skilljar v2 ${w.label}`,
			type: 'skilljarV2Api',
			data: { clientId: w.sandbox.v2ClientId, clientSecret: w.sandbox.v2ClientSecret, baseUrl: w.sandbox.url },
		});
		assert.equal(cred.status, 200, `creating the ${w.label} credential: ${cred.text.slice(0, 300)}`);
		const wf = await client().request('POST', '/workflows', {
			name: `e2e: poll scheduler, ${w.label}`,
			nodes: [
				{
					id: `poll-${w.label}`,
					name: NODE,
					type: 'n8n-nodes-skilljar.skilljarPollTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { event: 'COURSE_ENROLLMENT', pollTimes: { item: POLL_TIMES } },
					credentials: { skilljarV2Api: { id: cred.json.data.id, name: `Skilljar v2 ${w.label}` } },
				},
			],
			connections: {},
			active: false,
			settings: { executionOrder: 'v1' },
		});
		assert.equal(wf.status, 200, `creating the ${w.label} workflow: ${wf.text.slice(0, 300)}`);
		w.id = String(wf.json.data.id);
		const before = Date.now();
		const active = await setActive(client(), w.id, true);
		assert.equal(active?.active, true, `activating ${w.label}: ${JSON.stringify(active).slice(0, 300)}`);
		// The activation's poll (it may run a moment after n8n's answer) sets where the trigger starts.
		await waitFor(`the activation poll of ${w.label}`, () => reads(w, before).length > 0, { timeoutMs: 30000 });
		return reads(w, before)[0].receivedAt;
	};

	/** Whether every item was emitted once and in time order, within and across executions. @param {any[][]} outputs */
	const inTimeOrder = (outputs) => {
		const times = outputs.flat().map((item) => Date.parse(item.timestamp));
		return times.every((time, i) => i === 0 || times[i - 1] <= time);
	};

	test(`[sched] n8n ${N8N_V2.version} starts with the poll scheduler and a ${POLL_TIMEOUT_S} s poll timeout`, async () => {
		run.nodeBinary = await ensureN8n(N8N_V2);
		fs.rmSync(HOME, { recursive: true, force: true });
		installPackageInto(HOME);
		for (const label of /** @type {const} */ ([...ORDERS, 'durable'])) {
			watched[label] = { label, sandbox: await facts.startSandbox({ port: 0 }), outputs: new Map() };
		}
		watched.newest.sandbox.v2NewestFirst = true;
		run.env = n8nEnv({ userFolder: HOME, port: await freePort(), line: N8N_V2, brokerPort: await freePort() });
		await startServer(SCHEDULER, 'scheduler.log');
	});

	for (const order of ORDERS) test(
		`[sched] a backlog of ${BACKLOG} enrollments that takes longer than n8n's poll timeout to read comes over several polls, each once and in time order, no poll abandoned (lists ${order} first)`,
		{ timeout: CATCH_UP_MS + 60_000 },
		async (t) => {
			const w = watched[order];
			// One enrollment a millisecond from a second after the activation's poll, all in the past
			// when they appear: a bulk enrollment while n8n was busy, or down.
			const from = (await activate(w)) + 1000;
			await sleep(from + BACKLOG + 500 - Date.now());
			const insertedAt = Date.now();
			const course = w.sandbox.list('/v2/published-courses')[0];
			w.sandbox.insertMany(
				`/v1/domains/${String(course.domain_name)}/published-courses/${String(course.id)}/enrollments`,
				Array.from({ length: BACKLOG }, (_, i) =>
					facts.enrollment(
						`enrbacklog${i}`,
						{ id: `usrbacklog${i}`, email: `backlog-${i}@example.com` },
						new Date(from + i).toISOString(),
					),
				),
			);
			w.sandbox.faults.latencyMs = LATENCY_MS;
			const polls = () => JSON.stringify(countEnds(pollEnds(/** @type {string} */ (w.id))));
			try {
				await waitFor('the backlog emitted whole', async () => (await outputsOf(w)).flat().length >= BACKLOG, {
					timeoutMs: CATCH_UP_MS,
					intervalMs: 3000,
				});
			} catch (error) {
				const items = [...w.outputs.values()];
				throw new Error(
					`${/** @type {Error} */ (error).message}; ${items.flat().length} items in ${items.length} executions, ` +
						`polls ${polls()}, ${reads(w, insertedAt).length} pages`,
				);
			} finally {
				w.sandbox.faults.latencyMs = 0;
			}
			const doneAt = Date.now();

			const outputs = await outputsOf(w);
			const ids = outputs.flat().map((item) => item.user?.id);
			const ends = pollEnds(/** @type {string} */ (w.id));
			const pages = reads(w, insertedAt).filter((r) => r.receivedAt <= doneAt);
			// A poll's reads come together (at most 1.4 s); polls are 5 s apart.
			/** @type {number[][]} */
			const bursts = [];
			for (const r of pages) {
				const last = bursts.at(-1);
				if (last && r.receivedAt - /** @type {number} */ (last.at(-1)) < 1500) last.push(r.receivedAt);
				else bursts.push([r.receivedAt]);
			}
			const longest = Math.max(...bursts.map((b) => /** @type {number} */ (b.at(-1)) - b[0]));
			t.diagnostic(
				`${order} first: ${outputs.length} executions (${outputs.map((o) => o.length).join(', ')} items), ` +
					`polls ${polls()}, ${pages.length} pages in ${bursts.length} polls that read, ` +
					`longest read ${longest} ms (the node's share: ${READ_MS} ms of n8n's ${BUDGET_MS} ms)`,
			);
			assert.equal(ids.length, BACKLOG, 'items emitted');
			assert.equal(new Set(ids).size, BACKLOG, 'a record emitted twice');
			assert.ok(inTimeOrder(outputs), 'items out of time order');
			assert.ok(outputs.length > 1, 'the backlog came in one execution');
			assert.equal(ends.filter((end) => end === 'abandoned' || end === 'failed').length, 0, `polls ${ends.join(' ')}`);
			// No page is asked for after the node's share of the budget (the last takes 200 ms;
			// the rest is room for a busy machine): well short of n8n's 2 s.
			assert.ok(longest <= READ_MS + LATENCY_MS + 500, `a poll read for ${longest} ms`);
		},
	);

	test('[sched] with durable poll cursors, an enrollment right after the activation comes once with the first scheduled poll; a restart emits nothing twice', { timeout: 150_000 }, async (t) => {
		const backlogs = ORDERS.map((order) => watched[order]);
		assert.ok(backlogs.every((b) => b.id), 'not run: the backlog workflows were not created');
		const before = new Map(backlogs.map((b) => [b, b.outputs.size]));
		await startServer(DURABLE, 'durable-1.log');
		const w = watched.durable;
		await activate(w);
		const course = w.sandbox.list('/v2/published-courses')[0];
		const email = 'poll-early@example.com';
		await sandboxV2(w.sandbox, 'POST', ENROLLMENTS, {
			published_course_id: course.id,
			data: [{ type: 'enrollments', attributes: { email } }],
		});
		const madeAt = Date.now();
		await waitFor('the first scheduled poll', async () => (await outputsOf(w)).length > 0, { timeoutMs: 45000, intervalMs: 2000 });
		// One more poll, which must find nothing new.
		await waitFor('the poll after it', () => reads(w, madeAt + 1000).length > 1, { timeoutMs: 30000 });
		await sleep(2000);
		const outputs = await outputsOf(w);
		const ends = pollEnds(/** @type {string} */ (w.id));
		t.diagnostic(`durable: executions ${outputs.length}, polls ${ends.join(' ')}`);
		assert.deepEqual(outputs.map((items) => items.map((i) => i.user?.email)), [[email]]);
		assert.equal(ends[0], 'emitted', `the first scheduled poll: ${ends.join(' ')}`);

		// Nothing again after a restart: n8n now holds every position in its poller_state table.
		const restarted = Date.now();
		await startServer(DURABLE, 'durable-2.log');
		const all = [...backlogs, w];
		await waitFor('a poll of each workflow after the restart', () => all.every((x) => reads(x, restarted).length > 0), {
			timeoutMs: 45000,
		});
		await sleep(3000);
		for (const x of all) {
			const count = (await outputsOf(x)).length;
			t.diagnostic(`${x.label}: ${count} executions, polls in all ${JSON.stringify(countEnds(pollEnds(/** @type {string} */ (x.id))))}`);
			assert.equal(count, x === w ? 1 : before.get(x), `${x.label}: executions after the restarts`);
			assert.equal(pollEnds(/** @type {string} */ (x.id)).filter((end) => end === 'abandoned' || end === 'failed').length, 0);
		}
	});
});

/** How many polls ended each way. @param {string[]} ends */
function countEnds(ends) {
	/** @type {Record<string, number>} */
	const counts = {};
	for (const end of ends) counts[end] = (counts[end] ?? 0) + 1;
	return counts;
}
