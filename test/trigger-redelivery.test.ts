import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import {
	admitEvent,
	eventFingerprint,
	MAX_REMEMBERED,
	REMEMBERED_KEY,
} from '../nodes/SkilljarTrigger/redelivery';
import { buildEvent } from '../sandbox/events';
import type { Sandbox } from '../sandbox/server';
import type { Item } from '../sandbox/store';
import type { Delivery } from '../sandbox/webhooks';
import {
	captureWarnings,
	triggerSetup,
	type TriggerHarness,
	type TriggerWorkflow,
} from './harness/run-trigger';

const WEBHOOKS = '/v1/webhooks';

/**
 * One Skilljar event starts one execution, however often Skilljar delivers it: the sandbox
 * delivers and replays (as Skilljar's retries would) over real HTTP, the node's webhook() runs
 * through n8n-core's WebhookContext, and the harness keeps the static data as n8n's database
 * does (a copy per delivery, written back when changed; see TriggerWorkflow).
 */
describe('Skilljar Trigger: each event starts one execution', () => {
	const setup = triggerSetup();
	let sandbox: Sandbox;
	let harness: TriggerHarness;
	beforeEach(() => {
		({ sandbox, harness } = setup);
	});

	/** Deliveries of this workflow that started it (what n8n turns into executions). */
	const started = (flow: TriggerWorkflow) =>
		flow.deliveries.filter((d) => d.result?.workflowData !== undefined);

	const deliverOnce = async (flow: TriggerWorkflow, overrides: Item = {}): Promise<Delivery> => {
		const deliveries = await sandbox.deliverEvent('COURSE_COMPLETION', overrides);
		const mine = deliveries.filter((d) => d.url === flow.webhookUrl());
		expect(mine).toHaveLength(1);
		return mine[0];
	};

	const replay = async (delivery: Delivery, copies = 1): Promise<Delivery[]> =>
		(await sandbox.replayDelivery(delivery.id, copies)) ?? [];

	/** The headers Skilljar sends with each delivery of this workflow's webhook. */
	const skilljarHeaders = (flow: TriggerWorkflow): Record<string, string> => {
		const [hook] = sandbox.list(WEBHOOKS).filter((w) => w.target_url === flow.webhookUrl());
		const auth = Buffer.from(`${String(hook.basic_auth_username)}:${String(hook.basic_auth_password)}`);
		return {
			...(hook.additional_headers as Record<string, string>),
			Authorization: `Basic ${auth.toString('base64')}`,
			'User-Agent': 'skilljar',
		};
	};

	const activeWorkflow = async (options: IDataObject = {}): Promise<TriggerWorkflow> => {
		const flow = harness.workflow(['COURSE_COMPLETION']);
		Object.assign(flow.node.parameters, options);
		await flow.activate();
		return flow;
	};

	test('a Course Completion delivered three times (twice as retries) starts one execution; every answer is 200', async () => {
		const flow = await activeWorkflow();
		const first = await deliverOnce(flow, { e2e: 'one' });
		const retries = [...(await replay(first)), ...(await replay(first))];

		expect([first, ...retries].map((d) => d.status)).toEqual([200, 200, 200]);
		expect([first, ...retries].map((d) => d.started)).toEqual([true, false, false]);
		expect(started(flow)).toHaveLength(1);
		expect(started(flow)[0].result!.workflowData![0][0].json).toEqual(flow.deliveries[0].body);
		// The retries were acknowledged without an execution (n8n answers "Webhook call received").
		expect(flow.deliveries.slice(1).map((d) => d.result)).toEqual([{}, {}]);
		// The delivery log tells the same story from Skilljar's side.
		const log = sandbox.deliveryLog().filter((d) => d.url === flow.webhookUrl());
		expect(log.map((d) => [d.replayOf ?? null, d.started])).toEqual([
			[null, true],
			[first.id, false],
			[first.id, false],
		]);
	});

	test('copies of one event arriving at the same moment start one execution', async () => {
		const flow = await activeWorkflow();
		const event = buildEvent(sandbox.store, 'COURSE_COMPLETION');
		const headers = skilljarHeaders(flow);
		const answers = await Promise.all(
			Array.from({ length: 4 }, () =>
				axios.post(flow.webhookUrl(), event, { headers, validateStatus: () => true }),
			),
		);
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
		expect(answers.filter((a) => (a.data as IDataObject).message === 'Workflow was started')).toHaveLength(1);
		expect(started(flow)).toHaveLength(1);
	});

	test('a distinct event of the same type always runs: another learner, another course, another moment', async () => {
		const flow = await activeWorkflow();
		const first = await deliverOnce(flow);
		const event = (await sandbox.deliveryLog()).find((d) => d.id === first.id)!.event;
		const headers = skilljarHeaders(flow);
		const variants: IDataObject[] = [
			{ ...event, user: { ...(event.user as IDataObject), id: 'another-learner' } },
			{ ...event, course: { ...(event.course as IDataObject), id: 'another-course' } },
			{ ...event, timestamp: '2026-12-07T03:00:00.000001+00:00' },
		];
		for (const variant of variants) {
			const answer = await axios.post(flow.webhookUrl(), variant, { headers });
			expect((answer.data as IDataObject).message).toBe('Workflow was started');
		}
		// And a fresh event from Skilljar (same learner and course, its own timestamp).
		expect((await deliverOnce(flow)).started).toBe(true);
		expect(started(flow)).toHaveLength(5);
	});

	test.each([1, 2] as const)('a retry after an n8n restart is still recognised (the memory is in the static data n8n %s.x saved)', async (n8nLine) => {
		const flow = await activeWorkflow();
		flow.n8nLine = n8nLine;
		const first = await deliverOnce(flow);
		expect(first.status).toBe(200);
		const remembered = flow.staticData[REMEMBERED_KEY] as Record<string, number>;
		expect(Object.keys(remembered)).toHaveLength(1);

		flow.restart();
		await flow.activate();
		const [retry] = await replay(first);
		expect(retry).toMatchObject({ status: 200, started: false });
		expect(started(flow)).toHaveLength(1);
		// A new event after the restart runs.
		expect((await deliverOnce(flow)).started).toBe(true);
	});

	test('queue mode: copies that reach different webhook processes one after another start one execution', async () => {
		const flow = await activeWorkflow();
		flow.restart(3);
		const first = await deliverOnce(flow);
		const retries = [...(await replay(first)), ...(await replay(first))];
		expect([first, ...retries].map((d) => d.started)).toEqual([true, false, false]);
		expect(started(flow)).toHaveLength(1);
		expect(flow.deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
	});

	test('a copy after the window has ended runs again; 0 turns the check off', async () => {
		const flow = await activeWorkflow({ redeliveryWindow: 2 });
		const first = await deliverOnce(flow);
		expect((await replay(first))[0].started).toBe(false);

		// Three hours later (a restart, so only the stored memory counts): past the 2-hour window.
		const remembered = flow.staticData[REMEMBERED_KEY] as Record<string, number>;
		for (const fingerprint of Object.keys(remembered)) remembered[fingerprint] -= 3 * 3600;
		flow.restart();
		expect((await replay(first))[0].started).toBe(true);

		const unchecked = await activeWorkflow({ redeliveryWindow: 0 });
		const once = await deliverOnce(unchecked);
		const copies = await replay(once, 2);
		expect([once, ...copies].map((d) => d.started)).toEqual([true, true, true]);
		expect(unchecked.staticData[REMEMBERED_KEY]).toBeUndefined();
	});

	test('an event without a timestamp cannot be recognised, so every copy runs', async () => {
		const flow = await activeWorkflow();
		const event = { ...buildEvent(sandbox.store, 'COURSE_COMPLETION') } as IDataObject;
		delete event.timestamp;
		const headers = skilljarHeaders(flow);
		for (let i = 0; i < 2; i++) {
			const answer = await axios.post(flow.webhookUrl(), event, { headers });
			expect((answer.data as IDataObject).message).toBe('Workflow was started');
		}
	});

	test('a delivery before n8n saved the registration runs once and never writes static data without it', async () => {
		const flow = await activeWorkflow();
		const saved = flow.staticData.production;
		// The delivery reads the workflow as stored before the activation's save.
		delete flow.staticData.production;
		const first = await deliverOnce(flow);
		expect(first.started).toBe(true);
		expect(flow.staticData[REMEMBERED_KEY]).toBeUndefined();
		// n8n saves the activation; the retry comes to the same process, which remembers.
		flow.staticData.production = saved;
		expect((await replay(first))[0]).toMatchObject({ status: 200, started: false });
		expect(flow.staticData.production).toEqual(saved);
	});

	test('a delivery while the workflow is being deactivated is answered 200', async () => {
		const flow = await activeWorkflow();
		const headers = skilljarHeaders(flow);
		await flow.delete();
		// Skilljar had sent it before the webhook was deleted; n8n still routes it to the node.
		const answer = await axios.post(flow.webhookUrl(), buildEvent(sandbox.store, 'COURSE_COMPLETION'), {
			headers,
			validateStatus: () => true,
		});
		expect(answer.status).toBe(200);
	});

	test('the sandbox lists and replays deliveries over HTTP, with its API key only', async () => {
		const flow = await activeWorkflow();
		const first = await deliverOnce(flow);
		const auth = { username: sandbox.apiKey, password: '' };
		const call = async (method: 'get' | 'post', path: string, body?: unknown, withAuth = true) =>
			await axios.request({
				method,
				url: `${sandbox.url}${path}`,
				data: body,
				auth: withAuth ? auth : undefined,
				validateStatus: () => true,
			});
		expect((await call('get', '/_sandbox/deliveries', undefined, false)).status).toBe(401);
		const log = await call('get', '/_sandbox/deliveries');
		expect(log.status).toBe(200);
		expect((log.data as { results: Item[] }).results).toEqual([
			expect.objectContaining({ id: first.id, started: true, event: expect.any(Object) }),
		]);
		const replayed = await call('post', `/_sandbox/deliveries/${first.id}/replay`, { copies: 2 });
		expect(replayed.status).toBe(200);
		expect((replayed.data as { deliveries: Delivery[] }).deliveries).toEqual([
			expect.objectContaining({ replayOf: first.id, status: 200, started: false }),
			expect.objectContaining({ replayOf: first.id, status: 200, started: false }),
		]);
		expect((await call('post', `/_sandbox/deliveries/${first.id}/replay`, { copies: 11 })).status).toBe(400);
		expect((await call('post', '/_sandbox/deliveries/nope/replay', {})).status).toBe(404);
		expect(started(flow)).toHaveLength(1);
	});

	test('an activation after a restart switches on a webhook Skilljar deactivated and logs the reason', async () => {
		const flow = await activeWorkflow();
		const [hook] = sandbox.list(WEBHOOKS).filter((w) => w.target_url === flow.webhookUrl());
		sandbox.store.update(WEBHOOKS, String(hook.id), { active: false, deactivate_reason: 'RETRY_COUNT' });
		expect(await sandbox.deliverEvent('COURSE_COMPLETION')).toEqual([]);

		flow.restart();
		const warnings = captureWarnings();
		try {
			await flow.activate();
		} finally {
			warnings.stop();
		}
		expect(warnings.messages).toEqual([expect.stringContaining('RETRY_COUNT')]);
		expect(warnings.messages[0]).not.toContain(String(hook.basic_auth_password));
		expect(sandbox.store.find(WEBHOOKS, String(hook.id))).toMatchObject({
			active: true,
			deactivate_reason: null,
		});
		expect((await deliverOnce(flow)).started).toBe(true);
	});
});

describe('redelivery memory', () => {
	const event = (overrides: IDataObject = {}): IDataObject => ({
		event_type: 'LESSON_COMPLETION',
		timestamp: '2026-12-07T02:00:00.123456+00:00',
		user: { id: 'u1', email: 'ada@example.com' },
		lesson: { id: 'l1', title: 'Intro' },
		course: { id: 'c1', published_course_id: 'pc1' },
		...overrides,
	});

	test('the fingerprint is the type, the timestamp and every id; other fields do not count', () => {
		const base = eventFingerprint(event());
		expect(base).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(eventFingerprint(event({ lesson: { id: 'l1', title: 'Renamed' } }))).toBe(base);
		expect(eventFingerprint(event({ user: { id: 'u2', email: 'ada@example.com' } }))).not.toBe(base);
		expect(eventFingerprint(event({ course: { id: 'c1', published_course_id: 'pc2' } }))).not.toBe(base);
		expect(eventFingerprint(event({ timestamp: '2026-12-07T02:00:00.123457+00:00' }))).not.toBe(base);
		expect(eventFingerprint(event({ event_type: 'QUIZ_COMPLETION' }))).not.toBe(base);
		expect(eventFingerprint(event({ timestamp: undefined }))).toBeUndefined();
	});

	test('memory is bounded: entries older than the window go, and at most MAX_REMEMBERED stay', () => {
		const staticData: IDataObject = {};
		const start = Date.UTC(2026, 11, 7);
		const admit = (fingerprint: string, nowMs: number) =>
			admitEvent({ scope: 'bounded', fingerprint, windowHours: 24, staticData, nowMs });
		expect(admit('old', start)).toBe(true);
		expect(admit('old', start + 23 * 3600_000)).toBe(false);
		for (let i = 0; i < MAX_REMEMBERED + 10; i++) admit(`fp${i}`, start + 25 * 3600_000 + i * 1000);
		const remembered = staticData[REMEMBERED_KEY] as Record<string, number>;
		expect(Object.keys(remembered)).toHaveLength(MAX_REMEMBERED);
		expect(remembered.old).toBeUndefined();
		expect(remembered.fp0).toBeUndefined();
		expect(remembered[`fp${MAX_REMEMBERED + 9}`]).toBeDefined();
		// Past the window the same fingerprint is a new event again.
		expect(admit('old', start + 25 * 3600_000 + (MAX_REMEMBERED + 20) * 1000)).toBe(true);
	});
});
