import axios from 'axios';
import { sleep, type IDataObject } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import {
	triggerSetup,
	type TriggerHarness,
	type TriggerWorkflow,
} from './harness/run-trigger';

/**
 * "Listen for test event" with samples: the node registers its test webhook, fetches Skilljar's
 * sample event, pings its own webhook once n8n listens, and answers that PING with the sample.
 * Everything is real: n8n-core's HookContext/WebhookContext, the sandbox over HTTP, and the
 * sandbox's own PING delivery to the loopback receiver.
 */
describe('Skilljar Trigger: sample event on "Listen for test event"', () => {
	const setup = triggerSetup();
	let sandbox: Sandbox;
	let harness: TriggerHarness;
	beforeEach(() => {
		({ sandbox, harness } = setup);
	});

	/** Polls until `done` holds; fails after `timeoutMs` (the node pings within ten seconds). */
	async function waitUntil(what: string, done: () => boolean, timeoutMs = 15000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (!done()) {
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
			await sleep(50);
		}
	}

	const sampleRuns = (flow: TriggerWorkflow) =>
		flow.deliveries.filter((d) => d.result?.workflowData !== undefined);
	const requestsTo = (method: string, pattern: RegExp) =>
		sandbox.requests.filter((r) => r.method === method && pattern.test(r.path));

	test('a test listen delivers the sample of the first selected type, marked, once', async () => {
		const flow = harness.workflow(['VILT_EVENT_REGISTRATION', 'COURSE_COMPLETION']);
		await flow.activate(true);
		await waitUntil('the sample run', () => sampleRuns(flow).length === 1);

		const [run] = sampleRuns(flow);
		expect(run.status).toBe(200);
		const items = run.result!.workflowData![0];
		expect(items).toHaveLength(1);
		const event = items[0].json;
		// VILT_EVENT_REGISTRATION's sample lives at `sample-vilt-registration`.
		expect(event.event_type).toBe('VILT_EVENT_REGISTRATION');
		expect(event._sample).toEqual(expect.stringContaining('/v1/webhooks/sample-vilt-registration'));
		expect(typeof event.timestamp).toBe('string');
		expect(typeof event.user).toBe('object');
		expect(requestsTo('GET', /^\/v1\/webhooks\/sample-vilt-registration$/)).toHaveLength(1);
		expect(requestsTo('POST', /^\/v1\/webhooks\/[^/]+\/ping$/)).toHaveLength(1);
		// The PING went to the test URL with the listen's own secret.
		expect(run.path).toContain('/webhook-test/');
		expect((run.body as IDataObject).event_type).toBe('PING');

		// Real events still arrive as they are, without the marker.
		const deliveries = await sandbox.deliverEvent('COURSE_COMPLETION');
		expect(deliveries.map((d) => d.status)).toEqual([200]);
		const real = flow.deliveries.at(-1)!.result!.workflowData![0][0].json;
		expect(real.event_type).toBe('COURSE_COMPLETION');
		expect(real).not.toHaveProperty('_sample');
		await flow.delete(true);
	});

	test('All Events shows a Course Completion sample', async () => {
		const flow = harness.workflow(['*']);
		await flow.activate(true);
		await waitUntil('the sample run', () => sampleRuns(flow).length === 1);
		expect(sampleRuns(flow)[0].result!.workflowData![0][0].json.event_type).toBe(
			'COURSE_COMPLETION',
		);
		await flow.delete(true);
	});

	test('a PING that arrives before n8n stored the secret gets 401 and is sent again', async () => {
		const flow = harness.workflow(['LESSON_COMPLETION']);
		await flow.create(true);
		// Real n8n keeps the listen's static data only after create() returned: until then a
		// delivery sees the workflow's stored static data, without this listen's secret.
		const stored = flow.staticData.test;
		delete flow.staticData.test;
		await waitUntil('the first ping', () => flow.deliveries.length === 1);
		expect(flow.deliveries[0].status).toBe(401);
		flow.staticData.test = stored;

		await waitUntil('the sample run', () => sampleRuns(flow).length === 1);
		expect(sampleRuns(flow)[0].result!.workflowData![0][0].json.event_type).toBe(
			'LESSON_COMPLETION',
		);
		expect(requestsTo('POST', /\/ping$/)).toHaveLength(2);
		expect(flow.deliveries.map((d) => d.status)).toEqual([401, 200]);
		await flow.delete(true);
	});

	test('with the option off, a test listen fetches no sample and sends no ping', async () => {
		const flow = harness.workflow(['COURSE_ENROLLMENT']);
		flow.node.parameters.sampleOnListen = false;
		await flow.activate(true);
		// Longer than the node's first wait before pinging (1 s).
		await sleep(1800);
		expect(requestsTo('GET', /sample-/)).toHaveLength(0);
		expect(requestsTo('POST', /\/ping$/)).toHaveLength(0);
		expect(flow.deliveries).toHaveLength(0);
		await flow.delete(true);
	});

	test('a production activation never fetches or emits a sample, even when pinged', async () => {
		const flow = harness.workflow(['COURSE_COMPLETION']);
		await flow.activate();
		await sleep(1800);
		expect(requestsTo('GET', /sample-/)).toHaveLength(0);
		expect(requestsTo('POST', /\/ping$/)).toHaveLength(0);

		// Someone pings the production webhook (e.g. from Skilljar's dashboard): 200, nothing starts.
		// The trigger's own registration, not the sandbox's seeded sample webhook.
		const hook = sandbox
			.list('/v1/webhooks')
			.find((entry) => entry.target_url === flow.webhookUrl());
		if (!hook) throw new Error('the activation registered no webhook for its URL');
		const ping = await axios.post(
			`${sandbox.url}/v1/webhooks/${String(hook.id)}/ping`,
			{},
			{ auth: { username: sandbox.apiKey, password: '' }, headers: { Accept: 'application/json' } },
		);
		expect(ping.data).toMatchObject({ succeeded: true, http_status_code: 200 });
		expect(flow.deliveries).toHaveLength(1);
		expect(flow.deliveries[0].result).toEqual({});
		await flow.delete();
	});

	test('a ping of another webhook during a test listen emits nothing', async () => {
		const flow = harness.workflow(['QUIZ_COMPLETION']);
		flow.node.parameters.sampleOnListen = true;
		await flow.activate(); // production webhook
		await flow.activate(true); // test listen with a sample
		await waitUntil('the sample run', () => sampleRuns(flow).length === 1);
		const production = (flow.staticData.production as { webhookIds: string[] }).webhookIds[0];
		await axios.post(
			`${sandbox.url}/v1/webhooks/${production}/ping`,
			{},
			{ auth: { username: sandbox.apiKey, password: '' }, headers: { Accept: 'application/json' } },
		);
		expect(flow.deliveries.at(-1)!.path).toContain('/webhook/');
		expect(flow.deliveries.at(-1)!.result).toEqual({});
		expect(sampleRuns(flow)).toHaveLength(1);
		await flow.delete(true);
		await flow.delete();
	});
});
