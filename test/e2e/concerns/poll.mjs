// @ts-check
// The Skilljar Poll Trigger in a running n8n, with the API v2 credential: activating polls once
// (nothing: it starts now) and saves where it starts; an enrollment made next comes with the first
// scheduled poll; enrollments made while n8n is down come in
// the first poll after the restart, each once, and the saved position moves to the newest; a
// completion comes with the next scheduled poll (n8n's shortest Poll Times interval is a minute);
// a restart with nothing new emits nothing and each poll reads one page. The diagnostics print
// the counts measured.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { sleep, waitFor } from '../../../tools/lib/processes.mjs';
import { executionOutputs, executions, sandboxV2, setActive } from '../support/helpers.mjs';
import { need, restartServer } from '../support/n8n-line.mjs';

const require = createRequire(import.meta.url);
const ENROLLMENTS = '/v2/enrollments/';
/** The learner enrolled between the activation and the first scheduled poll. */
const EARLY = 'poll-early@example.com';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function poll(ctx) {
	const { key } = ctx;
	const client = () => need(ctx.client, 'the n8n server did not start');
	/** @type {Record<string, string>} event → workflow id */
	const workflows = {};
	/** @type {string[]} ids of the enrollments made while n8n was down */
	let enrolled = [];

	/** A v2 call to the sandbox. @param {string} method @param {string} route @param {unknown} body */
	const v2 = (method, route, body) => sandboxV2(need(ctx.sandbox, 'no sandbox'), method, route, body);

	/** The items of every execution of a workflow, oldest execution first. @param {string} id */
	const emitted = async (id) => {
		const flatted = require(
			require.resolve('flatted', { paths: [path.join(ctx.line.dir, 'node_modules', 'n8n')] }),
		);
		const outputs = await executionOutputs(client(), flatted, id, 'Skilljar Poll Trigger');
		return outputs.flatMap((output) => output.items);
	};

	/**
	 * Enrollment pages the sandbox served since `from` (its request log index): first pages (one
	 * per poll) and follow-up pages (`page[cursor]`, a poll reading on).
	 * @param {number} from
	 */
	const enrollmentReads = (from) => {
		const reads = need(ctx.sandbox, 'no sandbox')
			.requests.slice(from)
			.filter((r) => r.method === 'GET' && r.path === ENROLLMENTS);
		const more = reads.filter((r) => r.query['page[cursor]'] !== undefined);
		return { first: reads.length - more.length, more: more.length };
	};

	/**
	 * A workflow's items once it has more than `before` executions, and a moment later, so that a
	 * second execution of the same records would show too.
	 * @param {string} event @param {string} what @param {number} before @param {number} timeoutMs
	 */
	const emittedOnceMoreThan = async (event, what, before, timeoutMs) => {
		await waitFor(what, async () => (await executions(client(), workflows[event])).length > before, {
			timeoutMs,
			intervalMs: 2000,
		});
		await sleep(2000);
		return await emitted(workflows[event]);
	};

	/** The cursor n8n keeps for a workflow's trigger (its static data). @param {string} id @param {string} event */
	const storedCursor = async (id, event) => {
		const res = await client().request('GET', `/workflows/${id}`);
		assert.equal(res.status, 200, `GET /rest/workflows/${id}: HTTP ${res.status}`);
		return res.json?.data?.staticData?.['node:Skilljar Poll Trigger']?.[event];
	};

	/**
	 * Restart n8n with nothing new in Skilljar: neither workflow emits again, and each poll (the
	 * activations', which n8n 2.x runs a little after its API answers, and any scheduled one)
	 * reads one page.
	 * @param {string} logName @param {Record<string, number>} before emitted items per event
	 * @param {import('node:test').TestContext} t
	 */
	const restartWithNothingNew = async (logName, before, t) => {
		const from = need(ctx.sandbox, 'no sandbox').requests.length;
		await restartServer(ctx, logName);
		await waitFor('the activation polls after the restart', () => enrollmentReads(from).first >= 2, {
			timeoutMs: 60000,
			intervalMs: 500,
		});
		await sleep(3000);
		for (const [event, count] of Object.entries(before)) {
			assert.equal((await emitted(workflows[event])).length, count, `${event} items emitted in all`);
		}
		const reads = enrollmentReads(from);
		t.diagnostic(`polls after the restart: ${reads.first}, follow-up pages: ${reads.more}`);
		assert.ok(reads.first >= 2, `polls after the restart: ${JSON.stringify(reads)}`);
		assert.equal(reads.more, 0, `a poll with nothing new read on: ${JSON.stringify(reads)}`);
	};

	test(`[${key}] poll: activating a Skilljar Poll Trigger with the API v2 credential polls once, emits nothing and stores where it starts`, async (t) => {
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const cred = await client().request('POST', '/credentials', {
			name: 'Skilljar v2 sandbox',
			type: 'skilljarV2Api',
			data: { clientId: sandbox.v2ClientId, clientSecret: sandbox.v2ClientSecret, baseUrl: sandbox.url },
		});
		assert.equal(cred.status, 200, `creating the v2 credential: ${cred.text.slice(0, 300)}`);
		const credential = { id: cred.json.data.id, name: 'Skilljar v2 sandbox' };
		const from = sandbox.requests.length;
		const activatedAt = Date.now();
		for (const event of ['COURSE_ENROLLMENT', 'COURSE_COMPLETION']) {
			const wf = await client().request('POST', '/workflows', {
				name: `e2e: Skilljar Poll Trigger ${event}`,
				nodes: [
					{
						id: `poll-${event}`,
						name: 'Skilljar Poll Trigger',
						type: 'n8n-nodes-skilljar.skilljarPollTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: { event, pollTimes: { item: [{ mode: 'everyMinute' }] } },
						credentials: { skilljarV2Api: credential },
					},
				],
				connections: {},
				active: false,
				settings: { executionOrder: 'v1' },
			});
			assert.equal(wf.status, 200, `creating the ${event} workflow: ${wf.text.slice(0, 300)}`);
			workflows[event] = wf.json.data.id;
			const active = await setActive(client(), workflows[event], true);
			assert.equal(active?.active, true, `activating the ${event} poll: ${JSON.stringify(active).slice(0, 300)}`);
		}
		await waitFor('the activation polls', () => enrollmentReads(from).first >= 2, { timeoutMs: 30000 });
		await sleep(2000);
		for (const id of Object.values(workflows)) {
			assert.equal((await executions(client(), id)).length, 0, 'an activation emitted old records');
		}
		// The activation's start is saved, so that a restart before the first record resumes there.
		for (const [event, id] of Object.entries(workflows)) {
			const cursor = await storedCursor(id, event);
			t.diagnostic(`${event} cursor after activation: ${JSON.stringify(cursor)}`);
			const since = Date.parse(cursor?.since);
			assert.ok(Math.abs(since - activatedAt) < 30000, `stored start of ${event}: ${JSON.stringify(cursor)}`);
		}
	});

	test(`[${key}] poll: an enrollment made after the activation comes once with the next scheduled poll`, { timeout: 150000 }, async (t) => {
		need(workflows.COURSE_ENROLLMENT, 'the poll workflows were not created');
		const course = need(ctx.sandbox, 'no sandbox').list('/v2/published-courses')[0];
		await v2('POST', ENROLLMENTS, {
			published_course_id: course.id,
			data: [{ type: 'enrollments', attributes: { email: EARLY } }],
		});
		const items = await emittedOnceMoreThan('COURSE_ENROLLMENT', 'the first scheduled poll that finds it', 0, 130000);
		t.diagnostic(`enrollments emitted after the activation: ${items.length}`);
		assert.deepEqual(
			items.map((i) => i.user?.email),
			[EARLY],
			`emitted: ${JSON.stringify(items).slice(0, 400)}`,
		);
	});

	test(`[${key}] poll: enrollments made while n8n is down come once after the restart; a restart with nothing new reads one page`, async (t) => {
		need(workflows.COURSE_ENROLLMENT, 'the poll workflows were not created');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const course = sandbox.list('/v2/published-courses')[0];
		const emails = ['poll-a@example.com', 'poll-b@example.com'];
		// Counted before the restart: n8n 1.x polls (and emits) before its API answers again.
		const before = (await executions(client(), workflows.COURSE_ENROLLMENT)).length;
		await restartServer(ctx, 'server-poll-1.log', async () => {
			const made = await v2('POST', ENROLLMENTS, {
				published_course_id: course.id,
				data: emails.map((email) => ({ type: 'enrollments', attributes: { email } })),
			});
			enrolled = made.data.map((/** @type {any} */ d) => d.result.id);
		});
		const items = (await emittedOnceMoreThan('COURSE_ENROLLMENT', 'the catch-up execution', before, 60000)).filter(
			(i) => i.user?.email !== EARLY,
		);
		t.diagnostic(`enrollments emitted after the restart: ${items.length}`);
		assert.deepEqual(
			items.map((i) => i.user?.email).sort(),
			emails,
			`emitted: ${JSON.stringify(items).slice(0, 400)}`,
		);
		assert.ok(items.every((i) => i.event_type === 'COURSE_ENROLLMENT'));
		// The saved position is the newest record emitted.
		const newest = Math.max(...items.map((i) => Date.parse(i.timestamp)));
		const cursor = await storedCursor(workflows.COURSE_ENROLLMENT, 'COURSE_ENROLLMENT');
		assert.equal(Date.parse(cursor?.since), newest, `stored cursor: ${JSON.stringify(cursor)}`);

		await restartWithNothingNew('server-poll-2.log', { COURSE_ENROLLMENT: 3, COURSE_COMPLETION: 0 }, t);
	});

	test(`[${key}] poll: a course completion comes once with the next scheduled poll, and not again after a restart`, { timeout: 210000 }, async (t) => {
		assert.equal(enrolled.length, 2, 'no enrollments were made');
		await v2('PATCH', `${ENROLLMENTS}completion`, {
			send_notifications: false,
			data: [{ type: 'enrollments', id: enrolled[0], attributes: { completed_at: new Date().toISOString() } }],
		});
		const items = await emittedOnceMoreThan('COURSE_COMPLETION', 'the completion poll', 0, 130000);
		t.diagnostic(`completions emitted: ${items.length}`);
		assert.equal(items.length, 1, `completions emitted: ${JSON.stringify(items).slice(0, 400)}`);
		assert.equal(items[0].event_type, 'COURSE_COMPLETION');
		assert.equal(items[0].enrollment?.id, enrolled[0]);

		await restartWithNothingNew('server-poll-3.log', { COURSE_ENROLLMENT: 3, COURSE_COMPLETION: 1 }, t);
		for (const id of Object.values(workflows)) await setActive(client(), id, false);
	});
}
