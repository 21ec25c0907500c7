import { isParam, ROUTES } from '../sandbox/routes';
import { samplePath } from '../sandbox/samples';
import { DEMO } from '../sandbox/seed';
import { startSandbox, type Sandbox } from '../sandbox/server';
import { READ_ONLY_FIELD, UNKNOWN_FIELD } from '../sandbox/validate';
import { sampleBody } from './harness/sandbox-bodies';
import { callSandbox, startTestSandbox, TEST_API_KEY } from './harness/sandbox';

/** Request-body validation (DRF 400s from the generated schemas) and parent lookups (404s). */

const call = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
	callSandbox<unknown>(sandbox, method, path, body);

const COURSE = `/v1/courses/${DEMO.courseIds[0]}`;
const ENROLLMENTS = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;

describe('sandbox: strict body validation', () => {
	let sandbox: Sandbox;
	let lenient: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
		lenient = await startSandbox({ apiKey: TEST_API_KEY, strict: false });
	});
	afterAll(async () => {
		await sandbox.close();
		await lenient.close();
	});
	beforeEach(() => {
		sandbox.reset();
		lenient.reset();
	});

	test('an unknown body field is refused, at the top level and nested, and nothing is stored', async () => {
		const before = sandbox.list('/v1/labels').length;
		const created = await call(sandbox, 'POST', '/v1/labels', { name: 'Beta', colour: 'red' });
		expect(created).toEqual({ status: 400, body: { colour: [UNKNOWN_FIELD] } });
		expect(sandbox.list('/v1/labels')).toHaveLength(before);

		// A misspelled optional field in a partial update must fail, not vanish.
		const patched = await call(sandbox, 'PATCH', COURSE, { short_descripton: 'typo' });
		expect(patched).toEqual({ status: 400, body: { short_descripton: [UNKNOWN_FIELD] } });

		const nested = await call(sandbox, 'POST', ENROLLMENTS, {
			user: { id: DEMO.userIds[20], emial: 'x@example.com' },
		});
		expect(nested).toEqual({ status: 400, body: { user: { emial: [UNKNOWN_FIELD] } } });
	});

	test('a body on an operation that takes none is refused', async () => {
		const answer = await call(sandbox, 'POST', `/v1/users/${DEMO.userId}/anonymize`, {
			reason: 'gdpr',
		});
		expect(answer).toEqual({ status: 400, body: { reason: [UNKNOWN_FIELD] } });
	});

	test('a read-only field is refused in strict mode and ignored by a lenient sandbox, as Skilljar does', async () => {
		const strictAnswer = await call(sandbox, 'POST', '/v1/tags', { name: 'Cloud', slug: 'mine' });
		expect(strictAnswer).toEqual({ status: 400, body: { slug: [READ_ONLY_FIELD] } });

		const lenientAnswer = await call(lenient, 'POST', '/v1/tags', {
			name: 'Cloud',
			slug: 'mine',
			colour: 'red',
		});
		expect(lenientAnswer.status).toBe(201);
		expect(lenientAnswer.body).toMatchObject({ name: 'Cloud' });
		expect((lenientAnswer.body as Record<string, unknown>).slug).not.toBe('mine');
		expect(lenientAnswer.body).not.toHaveProperty('colour');
	});

	test('every create missing a required field gets a DRF 400 naming that field', async () => {
		const creates = ROUTES.filter(
			(r) => (r.kind === 'create' || r.kind === 'singletonWrite') && r.body,
		);
		const checked: string[] = [];
		for (const route of creates) {
			const required = route.body!.find((f) => f.required && !f.readOnly);
			if (!required) continue;
			const body = sampleBody(route.body!);
			delete body[required.name];
			const answer = await call(sandbox, route.method, samplePath(route.path), body);
			expect([route.path, answer]).toEqual([
				route.path,
				{ status: 400, body: { [required.name]: ['This field is required.'] } },
			]);
			checked.push(route.path);
		}
		expect(checked.length).toBeGreaterThan(30);
	});

	test('types, enums, null, lengths, bounds and formats are checked like DRF', async () => {
		const webhook = { target_url: 'http://127.0.0.1:9/hook' };
		expect(await call(sandbox, 'POST', '/v1/webhooks', { ...webhook, event_type: 'NOPE' })).toEqual(
			{ status: 400, body: { event_type: ['"NOPE" is not a valid choice.'] } },
		);
		// event_type is nullable: null means "all events".
		const all = await call(sandbox, 'POST', '/v1/webhooks', { ...webhook, event_type: null });
		expect(all.status).toBe(201);
		expect(all.body).toMatchObject({ event_type: null, target_url: webhook.target_url });
		expect(await call(sandbox, 'POST', '/v1/webhooks', { target_url: 'not a url' })).toEqual({
			status: 400,
			body: { target_url: ['Enter a valid URL.'] },
		});
		expect(
			await call(sandbox, 'POST', '/v1/webhooks', {
				target_url: `http://127.0.0.1:9/${'x'.repeat(1100)}`,
			}),
		).toEqual({
			status: 400,
			body: { target_url: ['Ensure this field has no more than 1024 characters.'] },
		});
		expect(await call(sandbox, 'PATCH', COURSE, { enforce_sequential_navigation: 'yes' })).toEqual({
			status: 400,
			body: { enforce_sequential_navigation: ['Must be a valid boolean.'] },
		});
		expect(await call(sandbox, 'PATCH', COURSE, { title: null })).toEqual({
			status: 400,
			body: { title: ['This field may not be null.'] },
		});
		const rule = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/reenrollment_rule`;
		expect(await call(sandbox, 'PATCH', rule, { cycle_duration: 0 })).toEqual({
			status: 400,
			body: { cycle_duration: ['Ensure this value is greater than or equal to 1.'] },
		});
		expect(await call(sandbox, 'PATCH', rule, { starts_at: 'next monday' })).toMatchObject({
			status: 400,
			body: { starts_at: [expect.stringMatching(/^Datetime has wrong format/)] },
		});
		expect(
			await call(sandbox, 'POST', `/v1/domains/${DEMO.domainName}/users`, {
				user: { email: 'not-an-email' },
			}),
		).toEqual({ status: 400, body: { user: { email: ['Enter a valid email address.'] } } });
	});
});

describe('sandbox: parents and items that do not exist', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	test('every route answers 404 when any parent in its path is absent, before reading the body', async () => {
		let checked = 0;
		for (const route of ROUTES) {
			const segments = route.path.split('/');
			const real = samplePath(route.path).split('/');
			for (let i = 0; i < segments.length; i++) {
				const isLast = i === segments.length - 1;
				if (!isParam(segments[i]) || isLast || segments[i] === `{${route.idParam}}`) continue;
				const path = [...real.slice(0, i), 'nosuchrecord0', ...real.slice(i + 1)].join('/');
				// An invalid body proves the parent is looked up first.
				const body = route.method === 'GET' || route.method === 'DELETE' ? undefined : 'bad';
				const answer = await call(sandbox, route.method, path, body);
				expect([route.method, path, answer]).toEqual([
					route.method,
					path,
					{ status: 404, body: { detail: 'Not found.' } },
				]);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(300);
	});

	test('reading, updating or deleting an absent item answers 404', async () => {
		const itemRoutes = ROUTES.filter((r) => ['read', 'update', 'delete'].includes(r.kind));
		expect(itemRoutes.length).toBeGreaterThan(190);
		for (const route of itemRoutes) {
			const path = samplePath(route.path).replace(/\/[^/]+$/, '/nosuchrecord0');
			const answer = await call(
				sandbox,
				route.method,
				path,
				route.method === 'GET' ? undefined : {},
			);
			expect([route.method, route.path, answer.status]).toEqual([route.method, route.path, 404]);
		}
	});
});
