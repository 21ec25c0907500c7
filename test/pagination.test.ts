import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { runNode } from './harness/run-node';
import { credentialsFor, startTestSandbox } from './harness/sandbox';

const domainUsersPath = `/v1/domains/${DEMO.domainName}/users`;

describe('list actions: pagination, limits, cursors and bare arrays', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		const extra = Array.from({ length: 2500 }, (_, index) => ({
			user: {
				id: `bulk${String(index).padStart(9, '0')}`,
				email: `bulk${index}@example.com`,
				first_name: 'Bulk',
				last_name: `User${index}`,
			},
			active: true,
		}));
		sandbox.insertMany(domainUsersPath, extra);
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.clearRequests());

	const listDomainUsers = async (extra: Record<string, unknown>) =>
		await runNode({
			type: 'skilljarDomain',
			parameters: {
				resource: 'domainUser',
				operation: 'getAll',
				domainName: DEMO.domainName,
				...extra,
			},
			credentials: credentialsFor(sandbox),
		});

	test('Return All fetches more than 1000 items in the fewest requests (page_size 1000)', async () => {
		const total = sandbox.list(domainUsersPath).length;
		expect(total).toBeGreaterThan(2000);
		const result = await listDomainUsers({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(total);
		expect(new Set(result.items.map((item) => (item.json.user as { id: string }).id)).size).toBe(
			total,
		);
		expect(sandbox.requests).toHaveLength(Math.ceil(total / 1000));
		expect(sandbox.requests.map((request) => request.query.page_size)).toEqual(
			Array(Math.ceil(total / 1000)).fill('1000'),
		);
		// nested objects are kept as Skilljar returns them
		expect(result.items[0].json.user).toEqual(
			expect.objectContaining({ id: expect.any(String), email: expect.any(String) }),
		);
	});

	test('a Limit asks for just that many and stops early', async () => {
		const small = await listDomainUsers({ returnAll: false, limit: 50 });
		expect(small.items).toHaveLength(50);
		expect(sandbox.requests.map((request) => request.query.page_size)).toEqual(['50']);

		sandbox.clearRequests();
		const large = await listDomainUsers({ returnAll: false, limit: 1500 });
		expect(large.items).toHaveLength(1500);
		expect(sandbox.requests).toHaveLength(2);
	});

	test('filters are sent as query parameters', async () => {
		const result = await listDomainUsers({
			returnAll: true,
			filters: { userEmail: DEMO.userEmail },
		});
		expect(result.items.map((item) => (item.json.user as { email: string }).email)).toEqual([
			DEMO.userEmail,
		]);
		expect(sandbox.requests[0].query).toEqual(
			expect.objectContaining({ user__email: DEMO.userEmail }),
		);
	});

	test('GET /v1/users follows the cursor in `next` to the end', async () => {
		const users = Array.from({ length: 1200 }, (_, index) => ({
			user: {
				id: `cur${String(index).padStart(10, '0')}`,
				email: `cursor${index}@example.com`,
				first_name: 'Cursor',
				last_name: `User${index}`,
			},
		}));
		sandbox.insertMany('/v1/users', users);
		const expected = sandbox.list('/v1/users').length;
		const result = await runNode({
			type: 'skilljarUser',
			parameters: { resource: 'user', operation: 'getAll', returnAll: true },
			credentials: credentialsFor(sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(expected);
		expect(sandbox.requests.length).toBeGreaterThan(1);
		expect(
			sandbox.requests.slice(1).every((request) => typeof request.query.cursor === 'string'),
		).toBe(true);
	});

	test('bare-array lists return every element, and Limit trims them', async () => {
		const all = await runNode({
			type: 'skilljarUser',
			parameters: {
				resource: 'courseProgress',
				operation: 'getAll',
				userId: DEMO.userId,
				returnAll: true,
			},
			credentials: credentialsFor(sandbox),
		});
		expect(all.error).toBeUndefined();
		expect(all.items.length).toBeGreaterThan(0);
		const limited = await runNode({
			type: 'skilljarUser',
			parameters: {
				resource: 'courseProgress',
				operation: 'getAll',
				userId: DEMO.userId,
				returnAll: false,
				limit: 1,
			},
			credentials: credentialsFor(sandbox),
		});
		expect(limited.items).toHaveLength(1);
		expect(limited.items[0].json).toEqual(all.items[0].json);
	});
});
