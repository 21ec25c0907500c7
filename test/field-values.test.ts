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
			parameters: { resource: 'domainUser', domainName: DEMO.domainName, ...parameters } as never,
			credentials: credentialsFor(sandbox),
		});
	/** VILT Session Event › Get Many with these filters, in a workflow of this time zone. */
	const viltEvents = (filters: Record<string, string>, typeVersion: number, timezone?: string) =>
		runNode({
			type: 'skilljarViltSessionEvent',
			typeVersion,
			timezone,
			parameters: { resource: 'viltSessionEvent', operation: 'getAll', returnAll: true, filters },
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
		const filters = { startsAtGte: '2026-07-01T09:30:00', endsAtLte: '2026-12-24T18:00:00+01:00' };
		const result = await viltEvents(filters, 1.1, 'Europe/Berlin');
		expect(result.error).toBeUndefined();
		// Summer time in Berlin is UTC+2; a value with its own offset is left as it is.
		expect(sandbox.requests[0].query.starts_at__gte).toBe('2026-07-01T07:30:00.000Z');
		expect(sandbox.requests[0].query.ends_at__lte).toBe('2026-12-24T18:00:00+01:00');
	});

	test('version 1 sends a date as typed, as release 0.1.0 did', async () => {
		const result = await viltEvents({ startsAtGte: '2026-07-01T09:30:00' }, 1, 'Europe/Berlin');
		expect(result.error).toBeUndefined();
		expect(sandbox.requests[0].query.starts_at__gte).toBe('2026-07-01T09:30:00');
	});

	test('a date that is not one is refused before sending, naming the field', async () => {
		const result = await viltEvents({ startsAtGte: 'soon' }, 1.1);
		expect(result.error?.message).toMatch(/^Starts After must be a date and time/);
		expect(sandbox.requests).toHaveLength(0);
	});
});
