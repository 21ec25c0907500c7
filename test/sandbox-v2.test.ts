import { DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { V2_ALL_SCOPES } from '../sandbox/v2/document';
import { useTestSandbox } from './harness/sandbox';
import { callV2, readAllV2, v2Token, type Json } from './harness/sandbox-v2';

/** The sandbox's API v2: tokens, scopes, JSON:API lists and cursors, batch writes. */

let sandbox: Sandbox;
useTestSandbox((s) => (sandbox = s), 'all');

const emails = (n: number, tag: string) =>
	Array.from({ length: n }, (_, i) => `${tag}.${i + 1}@example.org`);

const enrollBody = (list: string[], publishedCourseId: string = DEMO.publishedCourseIds[2]) => ({
	published_course_id: publishedCourseId,
	data: list.map((email) => ({ type: 'enrollments', attributes: { email } })),
});

describe('sandbox v2: token endpoint and Bearer check', () => {
	test('client credentials in a JSON body give a Bearer token that reads students', async () => {
		const answer = await callV2(sandbox, 'POST', '/v2/auth/token', {
			body: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-client',
				client_secret: 'sandbox-client-secret',
			},
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			access_token: expect.any(String),
			expires_in: 3600,
			token_type: 'Bearer',
			refresh_token: null,
		});
		const students = await callV2(sandbox, 'GET', '/v2/students/', {
			token: String(answer.body.access_token),
		});
		expect(students.status).toBe(200);
	});

	test('a wrong secret is 401 invalid_client; another grant type is 400', async () => {
		const wrong = await callV2(sandbox, 'POST', '/v2/auth/token', {
			body: {
				grant_type: 'client_credentials',
				client_id: sandbox.v2ClientId,
				client_secret: 'nope',
			},
		});
		expect(wrong.status).toBe(401);
		expect(wrong.body.error).toBe('invalid_client');
		const grant = await callV2(sandbox, 'POST', '/v2/auth/token', {
			body: { grant_type: 'password', client_id: sandbox.v2ClientId, client_secret: 'x' },
		});
		expect(grant.status).toBe(400);
		expect(grant.body.error).toBe('unsupported_grant_type');
	});

	test('the token endpoint takes JSON only (a form-encoded body is refused)', async () => {
		const response = await fetch(`${sandbox.url}/v2/auth/token`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: `grant_type=client_credentials&client_id=${sandbox.v2ClientId}&client_secret=${sandbox.v2ClientSecret}`,
		});
		expect(response.status).toBe(415);
	});

	test('no token, an unknown token, an expired token: 401 with a Bearer challenge', async () => {
		const none = await callV2(sandbox, 'GET', '/v2/students/');
		expect(none.status).toBe(401);
		expect(none.headers.get('www-authenticate')).toMatch(/^Bearer /);
		expect((none.body.errors as Json[])[0].code).toBe('not_authenticated');

		const unknown = await callV2(sandbox, 'GET', '/v2/students/', { token: 'forged' });
		expect(unknown.status).toBe(401);

		const token = await v2Token(sandbox);
		sandbox.expireV2Tokens();
		const expired = await callV2(sandbox, 'GET', '/v2/students/', { token });
		expect(expired.status).toBe(401);
		expect((expired.body.errors as Json[])[0].code).toBe('token_expired');
		const fresh = await v2Token(sandbox);
		expect((await callV2(sandbox, 'GET', '/v2/students/', { token: fresh })).status).toBe(200);
	});

	test('a token expires after the configured lifetime', async () => {
		sandbox.v2Tokens.lifetimeSeconds = 1;
		try {
			const token = await v2Token(sandbox);
			expect((await callV2(sandbox, 'GET', '/v2/students/', { token })).status).toBe(200);
			await new Promise((resolve) => setTimeout(resolve, 1100));
			expect((await callV2(sandbox, 'GET', '/v2/students/', { token })).status).toBe(401);
		} finally {
			sandbox.v2Tokens.lifetimeSeconds = 3600;
		}
	});

	test('a client without the operation’s scope gets 403 naming it; any one listed scope suffices', async () => {
		sandbox.v2Tokens.grantScopes(['students:read', 'enrollments:read']);
		try {
			const token = await v2Token(sandbox);
			const denied = await callV2(sandbox, 'POST', '/v2/students/', {
				token,
				body: { data: [{ type: 'students', attributes: { email: 'x@example.org' } }] },
			});
			expect(denied.status).toBe(403);
			const error = (denied.body.errors as Json[])[0];
			expect(error.code).toBe('insufficient_scope');
			expect(error.detail).toContain('students:write');
			expect(denied.body.meta).toEqual({ required_scopes: ['students:write'] });
			expect((await callV2(sandbox, 'GET', '/v2/enrollments/', { token })).status).toBe(200);
			expect(
				sandbox.list('/v1/users').some((u) => (u.user as Json).email === 'x@example.org'),
			).toBe(false);
		} finally {
			sandbox.v2Tokens.grantScopes();
		}
		expect(V2_ALL_SCOPES).toContain('enrollments:write');
	});
});

describe('sandbox v2: students are the v1 users', () => {
	test('JSON:API records with cursor pages of page[size] (default 25) following links.next', async () => {
		const token = await v2Token(sandbox);
		const first = await callV2(sandbox, 'GET', '/v2/students/?page%5Bsize%5D=10', { token });
		expect(first.status).toBe(200);
		const data = first.body.data as Json[];
		expect(data).toHaveLength(10);
		expect(data[0]).toEqual({
			type: 'students',
			id: DEMO.userId,
			attributes: {
				email: DEMO.userEmail,
				first_name: 'Ada',
				last_name: 'Lovelace',
				is_inactive: false,
				external_id: '',
				date_joined: expect.any(String),
			},
		});
		expect(first.body.has_more).toBe(true);
		const next = String((first.body.links as Json).next);
		expect(next.startsWith(`${sandbox.url}/v2/students/?`)).toBe(true);
		expect(new URL(next).searchParams.get('page[size]')).toBe('10');

		const all = await readAllV2(sandbox, token, '/v2/students/?page%5Bsize%5D=10');
		const v1Count = sandbox.list('/v1/users').length;
		expect(all.records).toHaveLength(v1Count);
		expect(new Set(all.records.map((r) => r.id)).size).toBe(v1Count);
		expect(all.pages).toBe(Math.ceil(v1Count / 10));

		const byDefault = await callV2(sandbox, 'GET', '/v2/students/', { token });
		expect(byDefault.body.data as Json[]).toHaveLength(Math.min(25, v1Count));
		expect(byDefault.body.meta).toEqual({ page_size: 25 });
	});

	test('page[size] outside 1–100 and undocumented parameters are 422 naming the parameter', async () => {
		const token = await v2Token(sandbox);
		for (const query of [
			'page%5Bsize%5D=101',
			'page%5Bsize%5D=0',
			'filter%5Bcolour%5D=red',
			'page_size=5',
		]) {
			const answer = await callV2(sandbox, 'GET', `/v2/students/?${query}`, { token });
			expect(answer.status).toBe(422);
			expect(((answer.body.errors as Json[])[0].source as Json).parameter).toBe(
				decodeURIComponent(query.split('=')[0]),
			);
		}
		// Five lists declare no pagination: page[size] is refused there too.
		const courses = await callV2(sandbox, 'GET', '/v2/courses/?page%5Bsize%5D=5', { token });
		expect(courses.status).toBe(422);
	});

	test('a student created through v2 is a v1 user; filter[email] is case-insensitive', async () => {
		const token = await v2Token(sandbox);
		const created = await callV2(sandbox, 'POST', '/v2/students/', {
			token,
			body: {
				data: [
					{ type: 'students', attributes: { email: 'New.Person@example.org', first_name: 'New' } },
				],
			},
		});
		expect(created.status).toBe(200);
		const row = (created.body.data as Json[])[0];
		expect(row.status).toBe('succeeded');
		const v1 = sandbox.list('/v1/users').find((u) => (u.user as Json).id === row.id);
		expect((v1?.user as Json).email).toBe('New.Person@example.org');
		const found = await callV2(
			sandbox,
			'GET',
			'/v2/students/?filter%5Bemail%5D=new.person%40EXAMPLE.org',
			{
				token,
			},
		);
		expect((found.body.data as Json[]).map((s) => s.id)).toEqual([row.id]);
	});
});

describe('sandbox v2: batch writes', () => {
	test('207: an invalid email and a repeated email fail on their own items, the rest succeed', async () => {
		const token = await v2Token(sandbox);
		const answer = await callV2(sandbox, 'POST', '/v2/students/', {
			token,
			body: {
				data: [
					{ type: 'students', attributes: { email: 'one@example.org' } },
					{ type: 'students', attributes: { email: 'not-an-email' } },
					{ type: 'students', attributes: { email: 'ONE@example.org' } },
					{ type: 'students', attributes: { email: DEMO.userEmail } },
					{ type: 'students', attributes: { email: 'two@example.org' } },
				],
			},
		});
		expect(answer.status).toBe(207);
		const rows = answer.body.data as Json[];
		expect(rows.map((r) => r.status)).toEqual([
			'succeeded',
			'failed',
			'failed',
			'failed',
			'succeeded',
		]);
		expect(rows.map((r) => (r.error as Json | undefined)?.code)).toEqual([
			undefined,
			'validation_error',
			'duplicate_in_batch',
			'duplicate_email',
			undefined,
		]);
		expect(((rows[1].error as Json).source as Json).pointer).toBe('/data/1/attributes/email');
		expect(answer.body.summary).toEqual({ total: 5, succeeded: 2, failed: 3 });
	});

	test('400 for an empty or over-cap envelope (200 students; 100 enrollments), nothing written', async () => {
		const token = await v2Token(sandbox);
		const before = sandbox.list('/v1/users').length;
		const empty = await callV2(sandbox, 'POST', '/v2/students/', { token, body: { data: [] } });
		expect(empty.status).toBe(400);
		const students = (n: number) =>
			emails(n, 'cap').map((email) => ({ type: 'students', attributes: { email } }));
		const over = await callV2(sandbox, 'POST', '/v2/students/', {
			token,
			body: { data: students(201) },
		});
		expect(over.status).toBe(400);
		expect(sandbox.list('/v1/users')).toHaveLength(before);
		const full = await callV2(sandbox, 'POST', '/v2/students/', {
			token,
			body: { data: students(200) },
		});
		expect(full.status).toBe(200);

		const tooMany = await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(emails(101, 'over')),
		});
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.meta).toEqual({ max_items: 100 });
	});

	test('422 for schema errors anywhere in the envelope (missing email, wrong type, extra field)', async () => {
		const token = await v2Token(sandbox);
		const bodies = [
			{ data: [{ type: 'students', attributes: {} }] },
			{ data: [{ type: 'people', attributes: { email: 'a@example.org' } }] },
			{ data: [{ type: 'students', attributes: { email: 'a@example.org', nickname: 'A' } }] },
			{ data: { type: 'students', attributes: { email: 'a@example.org' } } },
		];
		for (const body of bodies) {
			const answer = await callV2(sandbox, 'POST', '/v2/students/', { token, body });
			expect(answer.status).toBe(422);
			expect(((answer.body.errors as Json[])[0].source as Json).pointer).toMatch(/^\/data/);
		}
		expect(sandbox.list('/v1/users').some((u) => (u.user as Json).email === 'a@example.org')).toBe(
			false,
		);
	});
});

describe('sandbox v2: enrollments are the v1 course enrollments', () => {
	test('one request enrolls a list of emails (new ones become students of the domain)', async () => {
		const token = await v2Token(sandbox);
		const list = [DEMO.userEmail, ...emails(3, 'learner')];
		const answer = await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(list),
		});
		expect(answer.status).toBe(200);
		const rows = answer.body.data as Json[];
		expect(rows).toHaveLength(4);
		for (const row of rows) {
			expect(row.status).toBe('succeeded');
			expect((row.result as Json).attributes).toEqual(
				expect.objectContaining({ active: true, enrolled_at: expect.any(String) }),
			);
		}
		const v1Path = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseIds[2]}/enrollments`;
		const v1 = sandbox.list(v1Path);
		expect(v1.map((e) => (e.user as Json).email).sort()).toEqual([...list].sort());
		const members = sandbox
			.list(`/v1/domains/${DEMO.domainName}/users`)
			.map((m) => (m.user as Json).email);
		expect(members).toEqual(expect.arrayContaining(list));

		// Enrolling the same emails again: each is already enrolled, reported on its own item.
		const again = await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(list.slice(0, 2)),
		});
		expect(again.status).toBe(207);
		expect((again.body.data as Json[]).map((r) => (r.error as Json).code)).toEqual([
			'already_enrolled',
			'already_enrolled',
		]);
		expect(sandbox.list(v1Path)).toHaveLength(4);
	});

	test('an unknown or unpublished course is 404; a past expires_at is 400', async () => {
		const token = await v2Token(sandbox);
		const missing = await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(['a@example.org'], 'pcsmissing000'),
		});
		expect(missing.status).toBe(404);
		const past = await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: { ...enrollBody(['a@example.org']), expires_at: '2020-01-01T00:00:00Z' },
		});
		expect(past.status).toBe(400);
	});

	test('the list holds the seed’s enrollments with student, course and progress', async () => {
		const token = await v2Token(sandbox);
		const all = await readAllV2(sandbox, token, '/v2/enrollments/?page%5Bsize%5D=4');
		expect(all.records).toHaveLength(15);
		const first = all.records.find((r) => r.id === DEMO.enrollmentIds[0]) as Json;
		expect(first.attributes).toEqual(
			expect.objectContaining({
				progress_status: 'completed',
				domain_name: DEMO.domainName,
				has_certificate: true,
			}),
		);
		expect((first.relationships as Json).student).toEqual({
			data: { type: 'students', id: DEMO.userId },
		});
		const enrolledTimes = all.records.map((r) =>
			Date.parse(String((r.attributes as Json).enrolled_at)),
		);
		expect(enrolledTimes).toEqual([...enrolledTimes].sort((a, b) => a - b));
	});

	test('include=student,purchase folds the related records into `included`', async () => {
		const token = await v2Token(sandbox);
		const one = await callV2(
			sandbox,
			'GET',
			`/v2/enrollments/${DEMO.enrollmentIds[0]}?include=student,purchase`,
			{
				token,
			},
		);
		expect(one.status).toBe(200);
		const included = one.body.included as Json[];
		expect(included.map((r) => `${String(r.type)}/${String(r.id)}`).sort()).toEqual(
			[`purchases/${DEMO.purchaseId}`, `students/${DEMO.userId}`].sort(),
		);
		const bad = await callV2(sandbox, 'GET', `/v2/enrollments/?include=course`, { token });
		expect(bad.status).toBe(400);
	});

	test('filter[enrolled_gte] returns exactly the enrollments made since, oldest first; naive times are 422', async () => {
		const token = await v2Token(sandbox);
		const since = new Date(Date.now() - 1000).toISOString();
		await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(emails(30, 'poll')),
		});
		const fresh = await readAllV2(
			sandbox,
			token,
			`/v2/enrollments/?filter%5Benrolled_gte%5D=${encodeURIComponent(since)}&page%5Bsize%5D=7`,
		);
		expect(fresh.records).toHaveLength(30);
		expect(fresh.pages).toBe(5);
		const naive = await callV2(
			sandbox,
			'GET',
			'/v2/enrollments/?filter%5Benrolled_gte%5D=2026-01-01T00:00:00',
			{
				token,
			},
		);
		expect(naive.status).toBe(422);
	});

	test('a cursor keeps its place while new enrollments arrive between pages', async () => {
		const token = await v2Token(sandbox);
		const first = await callV2(sandbox, 'GET', '/v2/enrollments/?page%5Bsize%5D=10', { token });
		await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: enrollBody(emails(5, 'late')),
		});
		const rest = await readAllV2(sandbox, token, String((first.body.links as Json).next));
		const ids = [...(first.body.data as Json[]), ...rest.records].map((r) => r.id);
		expect(ids).toHaveLength(20);
		expect(new Set(ids).size).toBe(20);
	});

	test('completion through v2 shows in filter[completed_gte] and gives a certificate', async () => {
		const token = await v2Token(sandbox);
		const since = new Date(Date.now() - 1000).toISOString();
		const target = DEMO.enrollmentIds[5];
		const done = await callV2(sandbox, 'PATCH', '/v2/enrollments/completion', {
			token,
			body: {
				send_notifications: false,
				data: [{ type: 'enrollments', id: target, attributes: { success_status: 'passed' } }],
			},
		});
		expect(done.status).toBe(200);
		const completed = await callV2(
			sandbox,
			'GET',
			`/v2/enrollments/?filter%5Bcompleted_gte%5D=${encodeURIComponent(since)}`,
			{ token },
		);
		expect((completed.body.data as Json[]).map((r) => r.id)).toEqual([target]);
		const one = await callV2(sandbox, 'GET', `/v2/enrollments/${target}`, { token });
		expect((one.body.data as Json).attributes).toEqual(
			expect.objectContaining({ progress_status: 'completed', has_certificate: true }),
		);
	});
});
