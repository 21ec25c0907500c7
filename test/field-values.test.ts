import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { runNode } from './harness/run-node';
import { credentialsFor, useTestSandbox } from './harness/sandbox';

/** What the editor's new field shapes send, through real n8n-core runs against the sandbox. */
describe('values of the reworked fields on the wire', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started));

	const domainUsers = (parameters: Record<string, unknown>, typeVersion = 1.1) =>
		runNode({
			type: 'skilljarDomain',
			typeVersion,
			parameters: {
				resource: 'domainUser',
				domainName: DEMO.domainName,
				...parameters,
			} as never,
			credentials: credentialsFor(sandbox),
		});

	test.each([1, 1.1])(
		'Domain User › Create Many with an object where Skilljar expects a list fails before any request (version %s)',
		async (typeVersion) => {
			const result = await domainUsers({ operation: 'createMany', users: '{}' }, typeVersion);
			expect(result.error?.message).toBe('Users must be a JSON list ([…]), got an object');
			expect(sandbox.requests).toHaveLength(0);
		},
	);

	test('an enrollment purchase must be a JSON object, not a list', async () => {
		const result = await runNode({
			type: 'skilljarDomain',
			typeVersion: 1.1,
			parameters: {
				resource: 'enrollment',
				operation: 'create',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				userId: DEMO.userId,
				additionalFields: { purchase: '[1, 2]' },
			} as never,
			credentials: credentialsFor(sandbox),
		});
		expect(result.error?.message).toBe('Purchase must be a JSON object ({…}), got a list');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a list where a list is expected is sent as given', async () => {
		const result = await domainUsers({
			operation: 'createMany',
			users: JSON.stringify([{ email: 'new.learner@example.com', first_name: 'New' }]),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests[0].body).toEqual({
			users: [{ email: 'new.learner@example.com', first_name: 'New' }],
		});
	});

	test("the null-only Access Code filter sends Skilljar's null from its one option", async () => {
		const result = await domainUsers({
			operation: 'getAll',
			returnAll: true,
			filters: { accessCode: 'null' },
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests[0].query.access_code).toBe('null');
	});

	test('a date picker value without an offset is the workflow time zone, sent as UTC (version 1.1)', async () => {
		const result = await runNode({
			type: 'skilljarViltSessionEvent',
			typeVersion: 1.1,
			timezone: 'Europe/Berlin',
			parameters: {
				resource: 'viltSessionEvent',
				operation: 'getAll',
				returnAll: true,
				filters: { startsAtGte: '2026-07-01T09:30:00', endsAtLte: '2026-12-24T18:00:00+01:00' },
			},
			credentials: credentialsFor(sandbox),
		});
		expect(result.error).toBeUndefined();
		// Summer time in Berlin is UTC+2; a value with its own offset is left as it is.
		expect(sandbox.requests[0].query.starts_at__gte).toBe('2026-07-01T07:30:00.000Z');
		expect(sandbox.requests[0].query.ends_at__lte).toBe('2026-12-24T18:00:00+01:00');
	});

	test('version 1 sends a date as typed, as release 0.1.0 did', async () => {
		const result = await runNode({
			type: 'skilljarViltSessionEvent',
			typeVersion: 1,
			timezone: 'Europe/Berlin',
			parameters: {
				resource: 'viltSessionEvent',
				operation: 'getAll',
				returnAll: true,
				filters: { startsAtGte: '2026-07-01T09:30:00' },
			},
			credentials: credentialsFor(sandbox),
		});
		expect(result.error).toBeUndefined();
		expect(sandbox.requests[0].query.starts_at__gte).toBe('2026-07-01T09:30:00');
	});

	test('a date that is not one is refused before sending, naming the field', async () => {
		const result = await runNode({
			type: 'skilljarViltSessionEvent',
			typeVersion: 1.1,
			parameters: {
				resource: 'viltSessionEvent',
				operation: 'getAll',
				filters: { startsAtGte: 'soon' },
			},
			credentials: credentialsFor(sandbox),
		});
		expect(result.error?.message).toMatch(/^Starts After must be a date and time/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
