// @ts-check
// The Skilljar Trigger in a running n8n: activating registers one webhook per event type with
// basic auth, each event starts one execution, forged deliveries are refused, deactivating
// removes the webhooks, and the course-completion example adds the learner to its group.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../../../tools/lib/paths.mjs';
import { membersOf } from '../../../tools/lib/sandbox.mjs';
import { sleep, waitFor } from '../../../tools/lib/processes.mjs';
import {
	executionRun,
	executions,
	fireEvent,
	nodeItems,
	replayDelivery,
	sandboxWebhooks,
	setActive,
} from '../support/helpers.mjs';
import { WF, need, restartServer } from '../support/n8n-line.mjs';

const require = createRequire(import.meta.url);

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function trigger(ctx) {
	const { key } = ctx;
	const { DEMO, EVENT_TYPES } = ctx.facts;
	const GROUP = DEMO.groupIds[2];

	const client = () => need(ctx.client, 'the n8n server did not start');
	const base = () => need(ctx.server, 'the n8n server did not start').base;
	const sandbox = () => need(ctx.sandbox, 'no sandbox');
	const ourHooks = async () =>
		(await sandboxWebhooks(sandbox())).filter((w) => String(w.target_url).startsWith(base()));
	/**
	 * n8n 2.x publishes (and unpublishes) a workflow's triggers in the background after the
	 * REST call has answered: poll the sandbox, bounded, until `done` holds; return what is there.
	 * @param {(hooks: any[]) => boolean} done
	 */
	const settledHooks = async (done) => {
		try {
			return await waitFor(
				'the webhooks to settle',
				async () => {
					const found = await ourHooks();
					return done(found) && found;
				},
				{ timeoutMs: 20000, intervalMs: 250 },
			);
		} catch {
			return ourHooks();
		}
	};
	const triggerActive = () => need(ctx.triggerActive, 'activating the trigger workflow failed');

	test(`[${key}] trigger: activating registers one webhook per event type with basic auth`, async () => {
		client();
		assert.ok(
			fs.existsSync(path.join(ROOT, 'dist', 'nodes', 'SkilljarTrigger', 'SkilljarTrigger.node.js')),
			'dist/nodes/SkilljarTrigger/SkilljarTrigger.node.js does not exist (the trigger node is not built)',
		);
		const wf = await setActive(client(), WF.allEvents, true);
		assert.equal(
			wf?.active,
			true,
			`n8n did not activate the workflow: ${JSON.stringify(wf).slice(0, 300)}`,
		);
		const hooks = await settledHooks((found) => found.length >= EVENT_TYPES.length);
		if (hooks.length !== EVENT_TYPES.length) {
			const all = (await sandboxWebhooks(sandbox())).map(
				(w) => `${w.event_type} → ${w.target_url}`,
			);
			assert.fail(
				`expected ${EVENT_TYPES.length} webhooks to ${base()}, sandbox has: ${all.join(', ') || 'none'}`,
			);
		}
		assert.deepEqual(hooks.map((w) => w.event_type).sort(), [...EVENT_TYPES].sort());
		for (const w of hooks) {
			assert.ok(w.basic_auth_username, `webhook ${w.id} (${w.event_type}) has no basic auth`);
			assert.notEqual(w.active, false, `webhook ${w.id} is inactive`);
		}
		ctx.triggerActive = true;
	});

	test(`[${key}] trigger: each of the ten event types starts exactly one execution with the event`, async () => {
		triggerActive();
		const flatted = require(
			require.resolve('flatted', { paths: [path.join(ctx.line.dir, 'node_modules', 'n8n')] }),
		);
		/** @type {Record<string, string>} */
		const markers = {};
		for (const type of EVENT_TYPES) {
			markers[type] = `e2e-${key}-${type}-${Date.now()}`;
			const deliveries = await fireEvent(sandbox(), type, { e2e_marker: markers[type] });
			assert.equal(deliveries.length, 1, `${type}: ${deliveries.length} deliveries`);
			assert.equal(
				deliveries[0].status,
				200,
				`${type}: n8n answered ${deliveries[0].status ?? deliveries[0].error}`,
			);
		}
		const done = await waitFor(
			'ten finished executions',
			async () => {
				const list = await executions(client(), WF.allEvents);
				return (
					list.length >= EVENT_TYPES.length &&
					list.every((e) => e.finished || e.status === 'success') &&
					list
				);
			},
			{ timeoutMs: 60000, intervalMs: 1000 },
		);
		await sleep(1500);
		const list = await executions(client(), WF.allEvents);
		assert.equal(
			list.length,
			EVENT_TYPES.length,
			`${list.length} executions for ${EVENT_TYPES.length} events`,
		);
		assert.ok(
			done.every((e) => e.status === 'success'),
			`statuses: ${done.map((e) => e.status).join(', ')}`,
		);
		const seen = [];
		for (const e of list) {
			const run = await executionRun(client(), flatted, e.id);
			const items = nodeItems({ data: run }, 'Skilljar Trigger');
			assert.equal(items.length, 1, `execution ${e.id}: ${items.length} trigger items`);
			const event = items[0].json;
			assert.equal(
				event.e2e_marker,
				markers[event.event_type],
				`execution ${e.id}: unexpected event ${JSON.stringify(event).slice(0, 200)}`,
			);
			assert.ok(
				event.timestamp && typeof event.user === 'object',
				`execution ${e.id}: event lacks timestamp/user`,
			);
			seen.push(event.event_type);
		}
		assert.equal(new Set(seen).size, EVENT_TYPES.length, `event types seen: ${seen.join(', ')}`);
	});

	/** Executions of the all-events workflow once none is running, after a quiet moment. */
	const settledExecutions = async () => {
		await sleep(2500);
		return waitFor(
			'the executions to end',
			async () => {
				const list = await executions(client(), WF.allEvents);
				return list.every((e) => e.status !== 'running' && e.status !== 'new') && list;
			},
			{ timeoutMs: 60000, intervalMs: 1000 },
		);
	};

	test(`[${key}] trigger: one Course Completion delivered four times (three retries, the last after an n8n restart) starts one execution; a distinct one starts one`, async () => {
		triggerActive();
		const before = (await settledExecutions()).length;
		const [first] = await fireEvent(sandbox(), 'COURSE_COMPLETION', { e2e_marker: `dup-${key}` });
		assert.equal(first?.status, 200, `first delivery: ${JSON.stringify(first)}`);
		// Skilljar's retries: the same body and headers, one after another.
		const retries = [
			...(await replayDelivery(sandbox(), first.id)),
			...(await replayDelivery(sandbox(), first.id)),
		];
		assert.deepEqual(
			retries.map((d) => d.status),
			[200, 200],
			`retries: ${JSON.stringify(retries)}`,
		);
		assert.equal((await settledExecutions()).length, before + 1, 'three copies, not one execution');

		const [distinct] = await fireEvent(sandbox(), 'COURSE_COMPLETION', { e2e_marker: `dup-${key}` });
		assert.equal(distinct?.status, 200);
		assert.equal((await settledExecutions()).length, before + 2, 'a distinct event did not run once');

		// n8n stops and starts again (same port, same database): the memory is in the database.
		await restartServer(ctx, 'server-restarted.log');
		const active = await settledHooks((found) => found.length >= EVENT_TYPES.length);
		assert.equal(active.length, EVENT_TYPES.length, 'the webhooks did not survive the restart');
		const after = await replayDelivery(sandbox(), first.id);
		assert.deepEqual(after.map((d) => d.status), [200], `retry after restart: ${JSON.stringify(after)}`);
		const afterRestart = (await settledExecutions()).length;
		assert.equal(afterRestart, before + 2, 'a retry after the restart started an execution');
	});

	test(`[${key}] trigger: a delivery without the secret gets 401 and starts nothing`, async () => {
		triggerActive();
		const [hook] = await ourHooks();
		assert.ok(hook, 'no webhook registered');
		const before = (await executions(client(), WF.allEvents)).length;
		const res = await fetch(hook.target_url, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'User-Agent': 'skilljar' },
			body: JSON.stringify({
				event_type: hook.event_type,
				timestamp: new Date().toISOString(),
				forged: true,
			}),
		});
		assert.equal(res.status, 401, `unauthenticated delivery got HTTP ${res.status}`);
		const wrong = await fetch(hook.target_url, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				Authorization: `Basic ${Buffer.from(`${hook.basic_auth_username}:wrong-secret`).toString('base64')}`,
			},
			body: JSON.stringify({ event_type: hook.event_type, forged: true }),
		});
		assert.equal(wrong.status, 401, `delivery with a wrong password got HTTP ${wrong.status}`);
		await sleep(2000);
		const after = (await executions(client(), WF.allEvents)).length;
		assert.equal(after, before, `executions went from ${before} to ${after}`);
	});

	test(`[${key}] trigger: deactivating removes its webhooks from Skilljar`, async () => {
		triggerActive();
		await setActive(client(), WF.allEvents, false);
		const left = await settledHooks((found) => found.length === 0);
		assert.equal(
			left.length,
			0,
			`${left.length} webhooks still registered: ${left.map((w) => w.id).join(', ')}`,
		);
	});

	test(`[${key}] example: a course completion adds the learner to a group`, async () => {
		triggerActive();
		await setActive(client(), WF.completion, true);
		const hooks = await settledHooks((found) => found.length === 1);
		assert.ok(
			hooks.length === 1 && hooks[0].event_type === 'COURSE_COMPLETION',
			`webhooks: ${hooks.map((w) => w.event_type).join(', ')}`,
		);
		const deliveries = await fireEvent(sandbox(), 'COURSE_COMPLETION', {});
		assert.ok(
			deliveries.length === 1 && deliveries[0].status === 200,
			`deliveries: ${JSON.stringify(deliveries)}`,
		);
		const [execution] = await waitFor(
			'the completion workflow to finish',
			async () => {
				const list = await executions(client(), WF.completion);
				return (
					list.length === 1 && list[0].status !== 'running' && list[0].status !== 'new' && list
				);
			},
			{ timeoutMs: 60000, intervalMs: 1000 },
		);
		assert.equal(
			execution.status,
			'success',
			`execution ${execution.id} ended ${execution.status}`,
		);
		// The sandbox's completion event is about its demo learner.
		const members = membersOf(sandbox(), `/v1/groups/${GROUP}/users`).map((m) => m.user?.id);
		assert.ok(members.includes(DEMO.userId), `group ${GROUP} members: ${members.join(', ')}`);
		await setActive(client(), WF.completion, false);
		const left = await settledHooks((found) => found.length === 0);
		assert.equal(left.length, 0, 'the completion webhook was not removed');
	});
}
