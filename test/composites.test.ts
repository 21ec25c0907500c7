import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { runNode } from './harness/run-node';
import { TEST_API_KEY, credentialsFor, useTestSandbox } from './harness/sandbox';

/**
 * Composite actions through n8n-core against the sandbox: Enroll User by Email (Skilljar Domain ›
 * Course Enrollment) and Find by Email (Skilljar User › User). The sandbox's own store is the
 * witness: enrollments are counted there, not in the node's output.
 */
describe('composite actions', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started), 'all');

	const enrollmentsPath = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;
	const enrollmentsOf = (email: string) =>
		sandbox
			.list(enrollmentsPath)
			.filter((entry) => String((entry.user as IDataObject).email) === email.toLowerCase());
	const sent = (method: string, path: string) =>
		sandbox.requests.filter((request) => request.method === method && request.path === path);

	const enroll = (extra: INodeParameters = {}, items?: IDataObject[], continueOnFail = false) =>
		runNode({
			type: 'skilljarDomain',
			parameters: {
				resource: 'enrollment',
				operation: 'enrollByEmail',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				email: 'new.learner@example.com',
				...extra,
			},
			items,
			continueOnFail,
			credentials: credentialsFor(sandbox),
		});

	describe('Enroll User by Email', () => {
		test('a new email becomes a domain user and is enrolled once; running again enrolls no one', async () => {
			const first = await enroll({ additionalFields: { firstName: 'Nia', lastName: 'Newton' } });
			expect(first.error).toBeUndefined();
			expect(first.items).toHaveLength(1);
			const output = first.items[0].json as IDataObject & {
				user: IDataObject;
				enrollment: IDataObject;
			};
			expect(output.alreadyEnrolled).toBe(false);
			expect(output.user).toMatchObject({
				email: 'new.learner@example.com',
				first_name: 'Nia',
				last_name: 'Newton',
			});
			expect((output.enrollment.user as IDataObject).id).toBe(output.user.id);
			expect(output.enrollment.active).toBe(true);
			// The domain user's login token is not part of the output.
			expect(JSON.stringify(first.items)).not.toMatch(/login_token/);
			expect(
				sandbox
					.list(`/v1/domains/${DEMO.domainName}/users`)
					.filter((entry) => (entry.user as IDataObject).email === 'new.learner@example.com'),
			).toHaveLength(1);
			expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);

			sandbox.clearRequests();
			const second = await enroll();
			expect(second.error).toBeUndefined();
			const again = second.items[0].json as IDataObject & { enrollment: IDataObject };
			expect(again.alreadyEnrolled).toBe(true);
			expect(again.enrollment.id).toBe(output.enrollment.id);
			expect(sent('POST', enrollmentsPath)).toHaveLength(0);
			expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);
		});

		test('an existing, enrolled user is matched by email in any case and not enrolled again', async () => {
			const user = sandbox
				.list('/v1/users')
				.map((entry) => entry.user as IDataObject)
				.find((candidate) => candidate.id === DEMO.userId)!;
			const email = String(user.email);
			const before = enrollmentsOf(email).length;
			expect(before).toBeGreaterThan(0);
			const result = await enroll({ email: email.toUpperCase() });
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				alreadyEnrolled: true,
				user: { id: DEMO.userId },
			});
			expect(sent('POST', enrollmentsPath)).toHaveLength(0);
			expect(enrollmentsOf(email)).toHaveLength(before);
		});

		test('an inactive enrollment does not count: the user is enrolled anew', async () => {
			const first = await enroll();
			const enrollment = (first.items[0].json as { enrollment: IDataObject }).enrollment;
			const stored = sandbox.list(enrollmentsPath).find((entry) => entry.id === enrollment.id)!;
			// Deactivate it in place, as PATCH … {active: false} does.
			const live = (sandbox.store.collection(enrollmentsPath) as IDataObject[]).find(
				(entry) => entry.id === stored.id,
			)!;
			live.active = false;
			const second = await enroll();
			expect(second.items[0].json).toMatchObject({ alreadyEnrolled: false });
			expect((second.items[0].json as { enrollment: IDataObject }).enrollment.id).not.toBe(
				enrollment.id,
			);
			expect(enrollmentsOf('new.learner@example.com').filter((entry) => entry.active)).toHaveLength(
				1,
			);
		});

		test.each([
			['answered 503 once', { kind: 'status', status: 503 } as const],
			['dropped after the write once', { kind: 'drop', afterHandling: true } as const],
		])(
			'the enrollment POST %s is resent with the same enrolled_at: one enrollment',
			async (_label, fault) => {
				const rule = sandbox.faults.add({ method: 'POST', path: enrollmentsPath, fault });
				const result = await enroll();
				expect(result.error).toBeUndefined();
				expect(rule.hits).toBe(1);
				const posts = sent('POST', enrollmentsPath);
				expect(posts).toHaveLength(2);
				expect((posts[0].body as IDataObject).enrolled_at).toBe(
					(posts[1].body as IDataObject).enrolled_at,
				);
				expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);

				const rerun = await enroll();
				expect(rerun.items[0].json).toMatchObject({ alreadyEnrolled: true });
				expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);
			},
		);

		test('a run that failed after Skilljar enrolled the user is safe to run again', async () => {
			sandbox.faults.add({
				method: 'POST',
				path: enrollmentsPath,
				times: Infinity,
				fault: { kind: 'drop', afterHandling: true },
			});
			const failed = await enroll();
			expect(failed.error?.message).toMatch(/closed the connection|reset|broke|dropped/i);
			expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);

			sandbox.faults.clear();
			const rerun = await enroll();
			expect(rerun.error).toBeUndefined();
			expect(rerun.items[0].json).toMatchObject({ alreadyEnrolled: true });
			expect(enrollmentsOf('new.learner@example.com')).toHaveLength(1);
		});

		test('a bad email fails naming the field before any request', async () => {
			const result = await enroll({ email: 'not-an-email' });
			expect(result.error?.message).toBe('Email must be an email address, got "not-an-email"');
			expect(sandbox.requests).toHaveLength(0);
		});

		test('Continue On Fail: one output item per input item, each paired, bad ones as errors', async () => {
			const result = await enroll(
				{ email: '={{ $json.email }}' },
				[{ email: 'one@example.com' }, { email: 'broken' }, { email: 'two@example.com' }],
				true,
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json).toMatchObject({
				alreadyEnrolled: false,
				user: { email: 'one@example.com' },
			});
			expect(result.items[1].json.error).toBe('Email must be an email address, got "broken"');
			expect(result.items[2].json).toMatchObject({
				alreadyEnrolled: false,
				user: { email: 'two@example.com' },
			});
			expect(enrollmentsOf('one@example.com')).toHaveLength(1);
			expect(enrollmentsOf('two@example.com')).toHaveLength(1);
			expect(JSON.stringify(result.items)).not.toContain(TEST_API_KEY);
		});
	});

	describe('Find by Email', () => {
		const find = (extra: INodeParameters = {}, items?: IDataObject[], continueOnFail = false) =>
			runNode({
				type: 'skilljarUser',
				parameters: { resource: 'user', operation: 'findByEmail', ...extra },
				items,
				continueOnFail,
				credentials: credentialsFor(sandbox),
			});
		const someone = () => sandbox.list('/v1/users').map((entry) => entry.user as IDataObject)[3];

		test("returns the user's record, matching the email in any case, with one filtered request", async () => {
			const user = someone();
			const result = await find({ email: `  ${String(user.email).toUpperCase()} ` });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({ user: { id: user.id, email: user.email } });
			expect(
				sandbox.requests.map((request) => [request.method, request.path, request.query]),
			).toEqual([['GET', '/v1/users', { email: String(user.email).toUpperCase() }]]);
		});

		test('not found: nothing by default, an error naming the email when asked', async () => {
			const quiet = await find({ email: 'nobody@example.com' });
			expect(quiet.error).toBeUndefined();
			expect(quiet.items).toHaveLength(0);

			const loud = await find({ email: 'nobody@example.com', ifNotFound: 'error' });
			expect(loud.error?.message).toBe('No Skilljar user has the email nobody@example.com');
		});

		test('Continue On Fail with "Fail": found users and one error item per missing email, paired', async () => {
			const user = someone();
			const result = await find(
				{ email: '={{ $json.email }}', ifNotFound: 'error' },
				[{ email: 'nobody@example.com' }, { email: user.email }, { email: '' }],
				true,
			);
			expect(result.items.map((item) => item.pairedItem)).toEqual([
				{ item: 0 },
				{ item: 1 },
				{ item: 2 },
			]);
			expect(result.items[0].json.error).toBe('No Skilljar user has the email nobody@example.com');
			expect(result.items[1].json).toMatchObject({ user: { id: user.id } });
			expect(result.items[2].json.error).toBe('Email is required');
		});
	});
});
