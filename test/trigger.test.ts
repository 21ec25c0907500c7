import { inspect } from 'node:util';

import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { buildEvent, EVENT_TYPES, type EventType } from '../sandbox/events';
import type { Sandbox } from '../sandbox/server';
import type { Item } from '../sandbox/store';
import {
	FaultProxy,
	triggerSetup,
	type TriggerHarness,
	type TriggerWorkflow,
} from './harness/run-trigger';

const WEBHOOKS = '/v1/webhooks';

/**
 * The Skilljar Trigger through n8n-core's real HookContext (checkExists/create/delete with the
 * Workflow's static data) and WebhookContext (deliveries), against the sandbox over HTTP.
 * Deliveries are real: the sandbox POSTs events to the registered URLs, which a loopback server
 * answers by running the node's webhook().
 */
describe('Skilljar Trigger', () => {
	const setup = triggerSetup();
	let sandbox: Sandbox;
	let harness: TriggerHarness;
	beforeEach(() => {
		({ sandbox, harness } = setup);
	});

	/** Webhooks in the sandbox pointing at this workflow's (production or test) URL. */
	const webhooksOf = (flow: TriggerWorkflow, test = false): Item[] =>
		sandbox.list(WEBHOOKS).filter((w) => w.target_url === flow.webhookUrl(test));

	const registration = (flow: TriggerWorkflow, kind: 'production' | 'test' = 'production') =>
		(flow.staticData ?? {})[kind] as
			| { webhookIds: string[]; secret: string; eventTypes: Array<string | null> }
			| undefined;

	const post = async (url: string, body: unknown, authorization?: string) =>
		await axios.post(url, body, {
			headers: authorization ? { Authorization: authorization } : {},
			validateStatus: () => true,
		});

	const basic = (username: string, password: string) =>
		`Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

	describe('registration', () => {
		test('create registers one webhook per selected type, with basic auth, on the node URL', async () => {
			const types: EventType[] = ['COURSE_COMPLETION', 'LESSON_COMPLETION', 'QUIZ_COMPLETION'];
			const flow = harness.workflow(types);
			expect(await flow.checkExists()).toBe(false);
			expect(await flow.create()).toBe(true);

			const hooks = webhooksOf(flow);
			expect(hooks.map((w) => w.event_type).sort()).toEqual([...types].sort());
			const stored = registration(flow)!;
			expect(stored.secret).toMatch(/^[0-9a-f]{64}$/);
			expect(stored.webhookIds.sort()).toEqual(hooks.map((w) => String(w.id)).sort());
			for (const hook of hooks) {
				expect(hook.target_url).toBe(`${harness.baseUrl}/webhook/${flow.node.webhookId}/webhook`);
				expect(hook.active).toBe(true);
				expect(hook.basic_auth_username).toBe('n8n');
				expect(hook.basic_auth_password).toBe(stored.secret);
			}
		});

		test('All Events registers a single webhook with event_type null', async () => {
			const flow = harness.workflow(['*', 'COURSE_COMPLETION']);
			await flow.activate();
			const hooks = webhooksOf(flow);
			expect(hooks).toHaveLength(1);
			expect(hooks[0].event_type).toBeNull();
		});

		test('each activation gets a fresh secret', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			const first = registration(flow)!.secret;
			await flow.delete();
			await flow.activate();
			const second = registration(flow)!.secret;
			expect(second).toMatch(/^[0-9a-f]{64}$/);
			expect(second).not.toBe(first);
			expect(webhooksOf(flow)[0].basic_auth_password).toBe(second);
			// Each registration's own nonce travels with every delivery (see the delivery tests).
			expect(webhooksOf(flow)[0].additional_headers).toEqual({
				'x-n8n-skilljar-nonce': expect.stringMatching(/^[0-9a-f]{32}$/),
			});
		});

		test('delete removes every webhook and the static data; a second delete is fine', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT']);
			await flow.activate();
			expect(webhooksOf(flow)).toHaveLength(2);
			expect(await flow.delete()).toBe(true);
			expect(webhooksOf(flow)).toHaveLength(0);
			expect(registration(flow)).toBeUndefined();
			expect(await flow.delete()).toBe(true);
		});

		test('delete treats a webhook already gone (404) as deleted', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT']);
			await flow.activate();
			sandbox.store.remove(WEBHOOKS, registration(flow)!.webhookIds[0]);
			expect(await flow.delete()).toBe(true);
			expect(webhooksOf(flow)).toHaveLength(0);
			expect(registration(flow)).toBeUndefined();
		});

		test('checkExists is true when every webhook is intact, without registering anything', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT']);
			await flow.activate();
			sandbox.clearRequests();
			expect(await flow.checkExists()).toBe(true);
			expect(sandbox.requests.map((r) => r.method)).toEqual(['GET', 'GET']);
			expect(webhooksOf(flow)).toHaveLength(2);
		});

		test('checkExists is false after an external deletion, removes the rest; create restores', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT', 'QUIZ_COMPLETION']);
			await flow.activate();
			const [gone] = registration(flow)!.webhookIds;
			sandbox.store.remove(WEBHOOKS, gone);
			expect(await flow.checkExists()).toBe(false);
			expect(webhooksOf(flow)).toHaveLength(0);
			expect(await flow.create()).toBe(true);
			expect(
				webhooksOf(flow)
					.map((w) => w.event_type)
					.sort(),
			).toEqual(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT', 'QUIZ_COMPLETION']);
			expect(await flow.checkExists()).toBe(true);
		});

		test('checkExists re-enables a webhook Skilljar deactivated', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT']);
			await flow.activate();
			const [id] = registration(flow)!.webhookIds;
			sandbox.store.update(WEBHOOKS, id, { active: false, deactivate_reason: 'HTTP_4XX_RESPONSE' });
			// Deactivated: Skilljar no longer delivers.
			expect((await sandbox.deliverEvent('COURSE_ENROLLMENT')).length).toBe(0);

			sandbox.clearRequests();
			expect(await flow.checkExists()).toBe(true);
			expect(sandbox.requests.filter((r) => r.method === 'PATCH')).toEqual([
				expect.objectContaining({ path: `${WEBHOOKS}/${id}`, body: { active: true }, status: 200 }),
			]);
			const hook = sandbox.store.find(WEBHOOKS, id)!;
			expect(hook.active).toBe(true);
			expect(hook.deactivate_reason).toBeNull();
			const deliveries = await sandbox.deliverEvent('COURSE_ENROLLMENT');
			expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
		});

		test('a real 4xx deactivation (wrong credentials) is repaired on the next activation', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			const [id] = registration(flow)!.webhookIds;
			sandbox.store.update(WEBHOOKS, id, { basic_auth_password: 'tampered' });
			const [delivery] = await sandbox.deliverEvent('COURSE_ENROLLMENT');
			expect(delivery.status).toBe(401);
			expect(sandbox.store.find(WEBHOOKS, id)!.deactivate_reason).toBe('HTTP_4XX_RESPONSE');

			// Credentials changed in Skilljar: the registration is no longer ours, start over.
			expect(await flow.checkExists()).toBe(false);
			expect(sandbox.store.find(WEBHOOKS, id)).toBeUndefined();
			await flow.create();
			expect(await sandbox.deliverEvent('COURSE_ENROLLMENT')).toEqual([
				expect.objectContaining({ status: 200 }),
			]);
		});

		test('checkExists is false after a selection change and deletes the old webhooks', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT', 'PATH_ENROLLMENT']);
			await flow.activate();
			const oldIds = registration(flow)!.webhookIds;
			flow.setEvents(['COURSE_ENROLLMENT', 'QUIZ_COMPLETION']);
			expect(await flow.checkExists()).toBe(false);
			for (const id of oldIds) expect(sandbox.store.find(WEBHOOKS, id)).toBeUndefined();
			await flow.create();
			expect(
				webhooksOf(flow)
					.map((w) => w.event_type)
					.sort(),
			).toEqual(['COURSE_ENROLLMENT', 'QUIZ_COMPLETION']);

			flow.setEvents(['*']);
			expect(await flow.checkExists()).toBe(false);
			await flow.create();
			expect(webhooksOf(flow).map((w) => w.event_type)).toEqual([null]);
		});

		test('checkExists is false when a webhook was pointed elsewhere in Skilljar', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			const [id] = registration(flow)!.webhookIds;
			sandbox.store.update(WEBHOOKS, id, { target_url: 'http://127.0.0.1:9/elsewhere' });
			expect(await flow.checkExists()).toBe(false);
			expect(sandbox.store.find(WEBHOOKS, id)).toBeUndefined();
		});

		test('"Listen for test event" registers on the test URL and leaves production alone', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			// Only real deliveries here; the sample a test listen sends is tested in trigger-sample.test.ts.
			flow.node.parameters.sampleOnListen = false;
			await flow.activate();
			const production = registration(flow)!;

			await flow.activate(true);
			const testHooks = webhooksOf(flow, true);
			expect(testHooks).toHaveLength(1);
			expect(testHooks[0].target_url).toContain('/webhook-test/');
			expect(registration(flow, 'test')!.secret).not.toBe(production.secret);

			// Both URLs receive the event; each delivery is authenticated with its own secret.
			const deliveries = await sandbox.deliverEvent('COURSE_ENROLLMENT');
			expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
			expect(flow.deliveries.map((d) => d.result?.workflowData?.[0]?.length)).toEqual([1, 1]);

			// n8n may remove test webhooks in `internal` mode: the test URL still picks the test registration.
			await flow.delete(true, 'internal');
			expect(webhooksOf(flow, true)).toHaveLength(0);
			expect(registration(flow, 'test')).toBeUndefined();
			expect(webhooksOf(flow)).toHaveLength(1);
			expect(await flow.checkExists()).toBe(true);
		});

		test('create that fails on the 3rd of 5 POSTs deletes the 2 it made and rethrows', async () => {
			const proxy = new FaultProxy(sandbox.url);
			await proxy.start();
			try {
				const types: EventType[] = [
					'COURSE_COMPLETION',
					'COURSE_ENROLLMENT',
					'LESSON_COMPLETION',
					'PATH_COMPLETION',
					'QUIZ_COMPLETION',
				];
				const flow = harness.workflow(types, { apiKey: sandbox.apiKey, baseUrl: proxy.url });
				proxy.failOn({ method: 'POST', path: WEBHOOKS, nth: 3, failure: 500 });
				const error = await flow.create().then(
					() => undefined,
					(e: unknown) => e as Error & { httpCode?: string; description?: string },
				);
				expect(error).toBeDefined();
				expect(error!.name).toBe('NodeApiError');
				expect(error!.httpCode).toBe('500');
				expect(error!.description).toContain('deleted again');
				expect(proxy.bodies.filter((b) => b.method === 'POST')).toHaveLength(3);
				expect(proxy.bodies.filter((b) => b.method === 'DELETE')).toHaveLength(2);
				expect(webhooksOf(flow)).toHaveLength(0);
				expect(registration(flow)).toBeUndefined();
			} finally {
				await proxy.close();
			}
		});

		test('a dropped connection half-way also leaves nothing behind, and the error holds no secret', async () => {
			const proxy = new FaultProxy(sandbox.url);
			await proxy.start();
			try {
				const flow = harness.workflow(
					['COURSE_COMPLETION', 'COURSE_ENROLLMENT', 'PATH_ENROLLMENT'],
					{
						apiKey: sandbox.apiKey,
						baseUrl: proxy.url,
					},
				);
				proxy.failOn({ method: 'POST', path: WEBHOOKS, nth: 2, failure: 'reset' });
				const error = await flow.create().then(
					() => undefined,
					(e: unknown) => e,
				);
				expect(error).toBeDefined();
				expect(webhooksOf(flow)).toHaveLength(0);
				const secret = (JSON.parse(proxy.bodies[0].body) as IDataObject)
					.basic_auth_password as string;
				expect(secret).toMatch(/^[0-9a-f]{64}$/);
				expect(inspect(error, { depth: null, showHidden: true })).not.toContain(secret);
				expect(JSON.stringify(error)).not.toContain(secret);
			} finally {
				await proxy.close();
			}
		});

		test('create without any event selected fails with a clear message', async () => {
			const flow = harness.workflow([]);
			await expect(flow.create()).rejects.toThrow('Select at least one event');
			expect(webhooksOf(flow)).toHaveLength(0);
		});
	});

	describe('deliveries', () => {
		test('an authentic delivery starts the workflow with exactly the event as one item', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			const deliveries = await sandbox.deliverEvent('COURSE_ENROLLMENT', {
				user: { email: 'ada@example.com' },
			});
			expect(deliveries).toEqual([
				expect.objectContaining({ url: flow.webhookUrl(), status: 200 }),
			]);
			expect(flow.deliveries).toHaveLength(1);
			const [received] = flow.deliveries;
			const items = received.result!.workflowData!;
			expect(items).toHaveLength(1);
			expect(items[0]).toHaveLength(1);
			expect(items[0][0].json).toEqual(received.body);
			expect(items[0][0].json).toMatchObject({
				event_type: 'COURSE_ENROLLMENT',
				user: { email: 'ada@example.com' },
			});
			expect(JSON.stringify(items)).not.toContain(registration(flow)!.secret);
		});

		test('missing, wrong, truncated or malformed credentials get 401 and start nothing', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			const secret = registration(flow)!.secret;
			const event = buildEvent(sandbox.store, 'COURSE_ENROLLMENT');
			const url = flow.webhookUrl();
			const attempts: Array<string | undefined> = [
				undefined,
				basic('n8n', 'wrong'),
				basic('n8n', secret.slice(0, -1)),
				basic('n8n', `${secret}0`),
				basic('someone', secret),
				basic('', ''),
				`Bearer ${secret}`,
				'Basic !!!not-base64!!!',
				`Basic ${Buffer.from(`n8n${secret}`).toString('base64')}`,
			];
			for (const authorization of attempts) {
				const answer = await post(url, event, authorization);
				expect(answer.status).toBe(401);
				expect(answer.data).toBe('Unauthorized');
				expect(String(answer.data)).not.toContain(secret);
			}
			expect(flow.deliveries).toHaveLength(attempts.length);
			for (const delivery of flow.deliveries) {
				expect(delivery.result).toEqual({ noWebhookResponse: true });
			}
			// The correct credentials pass.
			const ok = await post(url, event, basic('n8n', secret));
			expect(ok.status).toBe(200);
			expect(flow.deliveries.at(-1)!.result!.workflowData![0]).toHaveLength(1);
		});

		test('a delivery to a workflow with no registration is refused', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			const answer = await post(
				flow.webhookUrl(),
				buildEvent(sandbox.store, 'COURSE_ENROLLMENT'),
				basic('n8n', ''),
			);
			expect(answer.status).toBe(401);
			expect(flow.deliveries[0].result).toEqual({ noWebhookResponse: true });
		});

		test('a delivery before n8n has saved the registration is accepted, not refused (a 4xx would deactivate the webhook)', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			// n8n saves the static data after the whole activation; a delivery in between reads
			// the workflow as it was stored before: no registration, no secret.
			delete flow.staticData.production;
			const deliveries = await sandbox.deliverEvent('COURSE_ENROLLMENT', {
				user: { email: 'early@example.com' },
			});
			expect(deliveries).toEqual([
				expect.objectContaining({ url: flow.webhookUrl(), status: 200 }),
			]);
			const items = flow.deliveries[0].result!.workflowData!;
			expect(items[0].map((item) => item.json)).toEqual([
				expect.objectContaining({ user: expect.objectContaining({ email: 'early@example.com' }) }),
			]);
		});

		test('a nonce only helps with the password derived from it for this node under the API key', async () => {
			const flow = harness.workflow(['COURSE_ENROLLMENT']);
			const other = harness.workflow(['COURSE_ENROLLMENT']);
			await flow.activate();
			await other.activate();
			const nonceOf = (f: TriggerWorkflow) =>
				String((webhooksOf(f)[0].additional_headers as IDataObject)['x-n8n-skilljar-nonce']);
			const event = buildEvent(sandbox.store, 'COURSE_ENROLLMENT');
			delete flow.staticData.production;
			const attempts: Array<[nonce: string, password: string]> = [
				[nonceOf(flow), 'wrong'],
				[nonceOf(flow), registration(other)!.secret],
				// Another node's nonce and password: the password is bound to its own node.
				[nonceOf(other), registration(other)!.secret],
				['not-a-nonce', registration(other)!.secret],
			];
			for (const [nonce, password] of attempts) {
				const answer = await axios.post(flow.webhookUrl(), event, {
					headers: { Authorization: basic('n8n', password), 'X-N8n-Skilljar-Nonce': nonce },
					validateStatus: () => true,
				});
				expect(answer.status).toBe(401);
			}
			expect(flow.deliveries.map((d) => d.result)).toEqual(
				attempts.map(() => ({ noWebhookResponse: true })),
			);
		});

		test('an event type not selected is acknowledged with 200 and starts nothing', async () => {
			const flow = harness.workflow(['COURSE_COMPLETION']);
			await flow.activate();
			// Skilljar itself does not send it (no webhook for that type) ...
			expect(await sandbox.deliverEvent('LESSON_COMPLETION')).toEqual([]);
			// ... and if it arrives anyway (e.g. a webhook edited in Skilljar), it is filtered.
			const answer = await post(
				flow.webhookUrl(),
				buildEvent(sandbox.store, 'LESSON_COMPLETION'),
				basic('n8n', registration(flow)!.secret),
			);
			expect(answer.status).toBe(200);
			expect(flow.deliveries).toHaveLength(1);
			expect(flow.deliveries[0].result).toEqual({});
		});

		test('All Events passes every one of the ten event types', async () => {
			const flow = harness.workflow(['*']);
			await flow.activate();
			for (const type of EVENT_TYPES) {
				const deliveries = await sandbox.deliverEvent(type);
				expect(deliveries).toEqual([expect.objectContaining({ status: 200 })]);
			}
			expect(flow.deliveries.map((d) => d.result?.workflowData?.[0]?.[0]?.json.event_type)).toEqual(
				[...EVENT_TYPES],
			);
		});

		test('each selected type passes, each other type is filtered', async () => {
			const selected: EventType[] = ['PURCHASE_FULFILLMENT', 'VILT_EVENT_REGISTRATION'];
			const flow = harness.workflow(selected);
			await flow.activate();
			const secret = registration(flow)!.secret;
			for (const type of EVENT_TYPES) {
				await post(flow.webhookUrl(), buildEvent(sandbox.store, type), basic('n8n', secret));
			}
			const started = flow.deliveries
				.filter((d) => d.result?.workflowData)
				.map((d) => (d.body as IDataObject).event_type);
			expect(started).toEqual(selected);
			expect(flow.deliveries.every((d) => d.status === 200)).toBe(true);
		});

		test('a PING from the ping endpoint is answered 200 and starts nothing', async () => {
			const flow = harness.workflow(['*']);
			await flow.activate();
			const [id] = registration(flow)!.webhookIds;
			const answer = await axios.post(
				`${sandbox.url}${WEBHOOKS}/${id}/ping`,
				{},
				{
					auth: { username: sandbox.apiKey, password: '' },
					headers: { Accept: 'application/json' },
				},
			);
			expect(answer.data).toMatchObject({ succeeded: true, http_status_code: 200 });
			expect(flow.deliveries).toHaveLength(1);
			expect((flow.deliveries[0].body as IDataObject).event_type).toBe('PING');
			expect(flow.deliveries[0].result).toEqual({});
		});
	});
});
