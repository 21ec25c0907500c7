import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { SAMPLE_IDS } from '../sandbox/samples';
import { runNode } from './harness/run-node';
import { credentialsFor, startTestSandbox } from './harness/sandbox';

/**
 * What the generated API adds for users, run through n8n-core against the sandbox: null values,
 * constraints checked before sending, delete results, and actions that did not exist before.
 */
describe('generated actions in use', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	const run = (
		type: string,
		parameters: INodeParameters,
		items?: IDataObject[],
		continueOnFail = false,
	) => runNode({ type, parameters, items, continueOnFail, credentials: credentialsFor(sandbox) });
	const writes = () => sandbox.requests.filter((request) => request.method !== 'GET');

	test('Webhook › Create with All Events sends event_type: null', async () => {
		const result = await run('skilljarWebhook', {
			resource: 'webhook',
			operation: 'create',
			targetUrl: 'http://127.0.0.1:9/hook',
			additionalFields: { eventType: 'null', active: false },
		});
		expect(result.error).toBeUndefined();
		expect(writes()[0].body).toEqual({
			target_url: 'http://127.0.0.1:9/hook',
			event_type: null,
			active: false,
		});
		expect(result.items[0].json.event_type).toBeNull();
	});

	test('Domain User › Update clears expires_at with null', async () => {
		const result = await run('skilljarDomain', {
			resource: 'domainUser',
			operation: 'update',
			domainName: DEMO.domainName,
			userId: DEMO.userId,
			updateFields: { expiresAt: 'null' },
		});
		expect(result.error).toBeUndefined();
		expect(writes()[0]).toMatchObject({ method: 'PATCH', body: { expires_at: null } });
	});

	test('constraints from the document fail with the field label before any request', async () => {
		const longName = await run('skilljarGroup', {
			resource: 'group',
			operation: 'create',
			name: 'x'.repeat(101),
		});
		expect(longName.error?.message).toBe('Name must be at most 100 characters, got 101');
		const badUrl = await run('skilljarWebhook', {
			resource: 'webhook',
			operation: 'create',
			targetUrl: 'example.com/hook',
		});
		expect(badUrl.error?.message).toMatch(/^Target URL must be an absolute URL/);
		const discount = await run('skilljarGroup', {
			resource: 'group',
			operation: 'create',
			name: 'Partners',
			additionalFields: { discountPercent: 150 },
		});
		expect(discount.error?.message).toBe('Discount Percent must be at most 100, got 150');
		expect(sandbox.requests).toEqual([]);
	});

	test('with Continue On Fail a bad item yields one error item and the others still run', async () => {
		const result = await run(
			'skilljarGroup',
			{ resource: 'group', operation: 'create', name: '={{ $json.name }}' },
			[{ name: 'Alpha team' }, { name: 'y'.repeat(120) }],
			true,
		);
		expect(result.items).toHaveLength(2);
		expect(result.items[0].json.name).toBe('Alpha team');
		expect(result.items[1].json.error).toBe('Name must be at most 100 characters, got 120');
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(writes()).toHaveLength(1);
	});

	test('Delete and Remove actions say what is gone', async () => {
		const removed = await run('skilljarGroup', {
			resource: 'groupUser',
			operation: 'remove',
			groupId: SAMPLE_IDS['/v1/groups'],
			userId: SAMPLE_IDS['/v1/groups/{group_id}/users'],
		});
		expect(removed.error).toBeUndefined();
		expect(removed.items.map((item) => item.json)).toEqual([
			{ id: SAMPLE_IDS['/v1/groups/{group_id}/users'], deleted: true },
		]);
		const deleted = await run('skilljarTag', {
			resource: 'tag',
			operation: 'delete',
			tagId: SAMPLE_IDS['/v1/tags'],
		});
		expect(deleted.items.map((item) => item.json)).toEqual([
			{ id: SAMPLE_IDS['/v1/tags'], deleted: true },
		]);
		expect(writes().map((request) => request.method)).toEqual(['DELETE', 'DELETE']);
	});

	test('User › Get and Webhook › Get Sample Event reach their endpoints', async () => {
		const user = await run('skilljarUser', {
			resource: 'user',
			operation: 'get',
			userId: DEMO.userId,
		});
		expect((user.items[0].json.user as { id: string }).id).toBe(DEMO.userId);
		const sample = await run('skilljarWebhook', {
			resource: 'webhook',
			operation: 'getSampleEvent',
			eventType: 'vilt-registration',
		});
		expect(sample.error).toBeUndefined();
		expect(sandbox.requests.map((request) => request.path)).toContain(
			'/v1/webhooks/sample-vilt-registration',
		);
	});
});
