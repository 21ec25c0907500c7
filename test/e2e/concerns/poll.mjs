// @ts-check
// The Skilljar Poll Trigger in a running n8n, with the API v2 credential: activating polls once
// (nothing: it starts now); enrollments made while n8n is down come in the first poll after the
// restart, each once; a restart with nothing new emits nothing and reads one page; a completion
// comes with the next scheduled poll (n8n's shortest Poll Times interval is a minute).

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { sleep, waitFor } from '../../../tools/lib/processes.mjs';
import { executionRun, executions, nodeItems, setActive } from '../support/helpers.mjs';
import { need, restartServer } from '../support/n8n-line.mjs';

const require = createRequire(import.meta.url);
const ENROLLMENTS = '/v2/enrollments/';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function poll(ctx) {
	const { key } = ctx;
	const client = () => need(ctx.client, 'the n8n server did not start');
	/** @type {Record<string, string>} event → workflow id */
	const workflows = {};
	/** @type {string[]} ids of the enrollments made while n8n was down */
	let enrolled = [];

	/** A v2 call to the sandbox with a fresh token. @param {string} method @param {string} route @param {unknown} body */
	const v2 = async (method, route, body) => {
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const token = await fetch(`${sandbox.url}/v2/auth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({
				grant_type: 'client_credentials',
				client_id: sandbox.v2ClientId,
				client_secret: sandbox.v2ClientSecret,
			}),
		}).then((r) => r.json());
		const res = await fetch(`${sandbox.url}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access_token}` },
			body: JSON.stringify(body),
		});
		assert.ok(res.ok, `${method} ${route}: HTTP ${res.status}`);
		return /** @type {any} */ (await res.json());
	};

	/** The items of every execution of a workflow, oldest execution first. @param {string} id */
	const emitted = async (id) => {
		const flatted = require(
			require.resolve('flatted', { paths: [path.join(ctx.line.dir, 'node_modules', 'n8n')] }),
		);
		const list = await executions(client(), id);
		const items = [];
		for (const e of [...list].reverse()) {
			const run = await executionRun(client(), flatted, e.id);
			items.push(...nodeItems({ data: run }, 'Skilljar Poll Trigger').map((i) => i.json));
		}
		return items;
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

	test(`[${key}] poll: activating a Skilljar Poll Trigger with the API v2 credential polls once and emits nothing`, async () => {
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const cred = await client().request('POST', '/credentials', {
			name: 'Skilljar v2 sandbox',
			type: 'skilljarV2Api',
			data: { clientId: sandbox.v2ClientId, clientSecret: sandbox.v2ClientSecret, baseUrl: sandbox.url },
		});
		assert.equal(cred.status, 200, `creating the v2 credential: ${cred.text.slice(0, 300)}`);
		const credential = { id: cred.json.data.id, name: 'Skilljar v2 sandbox' };
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
		await sleep(2000);
		for (const id of Object.values(workflows)) {
			assert.equal((await executions(client(), id)).length, 0, 'an activation emitted old records');
		}
	});

	test(`[${key}] poll: enrollments made while n8n is down come once after the restart; a restart with nothing new reads one page`, async () => {
		need(workflows.COURSE_ENROLLMENT, 'the poll workflows were not created');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const course = sandbox.list('/v2/published-courses')[0];
		const emails = ['poll-a@example.com', 'poll-b@example.com'];
		await restartServer(ctx, 'server-poll-1.log', async () => {
			const made = await v2('POST', ENROLLMENTS, {
				published_course_id: course.id,
				data: emails.map((email) => ({ type: 'enrollments', attributes: { email } })),
			});
			enrolled = made.data.map((/** @type {any} */ d) => d.result.id);
		});
		await waitFor(
			'the catch-up execution',
			async () => (await executions(client(), workflows.COURSE_ENROLLMENT)).length >= 1,
			{ timeoutMs: 60000, intervalMs: 1000 },
		);
		const items = await emitted(workflows.COURSE_ENROLLMENT);
		assert.deepEqual(
			items.map((i) => i.user?.email).sort(),
			emails,
			`emitted: ${JSON.stringify(items).slice(0, 400)}`,
		);
		assert.ok(items.every((i) => i.event_type === 'COURSE_ENROLLMENT'));

		const from = sandbox.requests.length;
		await restartServer(ctx, 'server-poll-2.log');
		await sleep(3000);
		assert.equal((await emitted(workflows.COURSE_ENROLLMENT)).length, 2, 'a restart emitted again');
		// Both workflows poll /v2/enrollments/ at activation (and a scheduled poll may come too):
		// each poll reads one page, none a second.
		const reads = enrollmentReads(from);
		assert.ok(reads.first >= 2, `polls after the restart: ${JSON.stringify(reads)}`);
		assert.equal(reads.more, 0, `a poll with nothing new read on: ${JSON.stringify(reads)}`);
	});

	test(`[${key}] poll: a course completion comes once with the next scheduled poll`, { timeout: 150000 }, async () => {
		assert.equal(enrolled.length, 2, 'no enrollments were made');
		await v2('PATCH', `${ENROLLMENTS}completion`, {
			send_notifications: false,
			data: [{ type: 'enrollments', id: enrolled[0], attributes: { completed_at: new Date().toISOString() } }],
		});
		await waitFor(
			'the completion poll',
			async () => (await executions(client(), workflows.COURSE_COMPLETION)).length >= 1,
			{ timeoutMs: 130000, intervalMs: 2000 },
		);
		await sleep(2000);
		const items = await emitted(workflows.COURSE_COMPLETION);
		assert.equal(items.length, 1, `completions emitted: ${JSON.stringify(items).slice(0, 400)}`);
		assert.equal(items[0].event_type, 'COURSE_COMPLETION');
		assert.equal(items[0].enrollment?.id, enrolled[0]);
		for (const id of Object.values(workflows)) await setActive(client(), id, false);
	});
}
