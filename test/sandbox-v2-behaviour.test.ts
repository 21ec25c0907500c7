import { DEMO, sid } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { callSandbox, useTestSandbox } from './harness/sandbox';
import { callV2, readAllV2, v2Token, type Json } from './harness/sandbox-v2';

/** What a v2 client would notice beyond single answers: faults, deletes, async states, v1 ↔ v2. */

let sandbox: Sandbox;
useTestSandbox((s) => (sandbox = s), 'all');

const errorCode = (body: Json) => ((body.errors as Json[])[0] as Json).code;
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sandbox v2: fault switches and the request log', () => {
	test('the rate limiter answers v2 calls 429 with Retry-After, the token endpoint included', async () => {
		sandbox.faults.setRateLimits([{ requests: 2, windowSeconds: 30 }]);
		const token = await v2Token(sandbox);
		expect((await callV2(sandbox, 'GET', '/v2/students/', { token })).status).toBe(200);
		const limited = await callV2(sandbox, 'GET', '/v2/students/', { token });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(sandbox.faults.throttled).toBe(1);
	});

	test('latency, injected statuses and dropped connections apply to v2 paths', async () => {
		const token = await v2Token(sandbox);
		sandbox.faults.add({
			method: 'POST',
			path: '/v2/enrollments/',
			fault: { kind: 'status', status: 503 },
		});
		sandbox.faults.add({ method: 'GET', path: '/v2/courses/', fault: { kind: 'drop' } });
		const body = {
			published_course_id: DEMO.publishedCourseId,
			data: [{ type: 'enrollments', attributes: { email: 'late@example.org' } }],
		};
		expect((await callV2(sandbox, 'POST', '/v2/enrollments/', { token, body })).status).toBe(503);
		await expect(callV2(sandbox, 'GET', '/v2/courses/', { token })).rejects.toThrow();
		sandbox.faults.latencyMs = 150;
		const started = Date.now();
		expect((await callV2(sandbox, 'POST', '/v2/enrollments/', { token, body })).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(150);
		const log = sandbox.requests.filter((r) => r.path.startsWith('/v2/'));
		expect(log.map((r) => [r.method, r.path, r.status, r.fault])).toEqual([
			['POST', '/v2/auth/token', 200, undefined],
			['POST', '/v2/enrollments/', 503, 'status 503'],
			['GET', '/v2/courses/', 0, 'drop'],
			['POST', '/v2/enrollments/', 200, undefined],
		]);
		expect(log[3].template).toBe('/v2/enrollments/');
		expect(log[3].body).toEqual(body);
	});

	test('lists can come newest first (API v2 promises no order), paged by the same cursors without gaps or repeats', async () => {
		const token = await v2Token(sandbox);
		const path = '/v2/enrollments/?page[size]=3';
		const oldestFirst = await readAllV2(sandbox, token, path);
		sandbox.v2NewestFirst = true;
		const newestFirst = await readAllV2(sandbox, token, path);
		sandbox.reset();
		expect(sandbox.v2NewestFirst).toBe(false);
		expect(oldestFirst.records.length).toBeGreaterThan(6);
		expect(newestFirst.pages).toBe(oldestFirst.pages);
		expect(newestFirst.records.map((r) => r.id)).toEqual(
			oldestFirst.records.map((r) => r.id).reverse(),
		);
	});

	test('answers can carry Content-Type application/vnd.api+json, as later live versions do', async () => {
		const token = await v2Token(sandbox);
		sandbox.v2MediaType = 'application/vnd.api+json';
		try {
			const answer = await callV2(sandbox, 'GET', `/v2/students/${DEMO.userId}`, { token });
			expect(answer.headers.get('content-type')).toBe('application/vnd.api+json');
			expect((answer.body.data as Json).id).toBe(DEMO.userId);
		} finally {
			sandbox.v2MediaType = 'application/json';
		}
	});

	test('unknown paths are 404, wrong methods 405 with Allow; trailing slashes are as documented', async () => {
		const token = await v2Token(sandbox);
		expect((await callV2(sandbox, 'GET', '/v2/students', { token })).status).toBe(404);
		const put = await callV2(sandbox, 'PUT', '/v2/students/', { token, body: { data: [] } });
		expect(put.status).toBe(405);
		expect(put.headers.get('allow')).toBe('GET, POST, PATCH');
	});
});

describe('sandbox v2: destructive and soft operations', () => {
	test('anonymize needs X-Confirm-Destructive: true; then the PII is gone in v1 and v2 and updates are refused', async () => {
		const token = await v2Token(sandbox);
		const path = `/v2/students/${DEMO.userId}/anonymize/`;
		const refused = await callV2(sandbox, 'POST', path, { token });
		expect(refused.status).toBe(422);
		expect(errorCode(refused.body)).toBe('confirmation_required');
		const wrong = await callV2(sandbox, 'POST', path, {
			token,
			headers: { 'X-Confirm-Destructive': 'yes' },
		});
		expect(wrong.status).toBe(422);
		expect((await callSandbox<Json>(sandbox, 'GET', `/v1/users/${DEMO.userId}`)).body).toEqual(
			expect.objectContaining({ user: expect.objectContaining({ email: DEMO.userEmail }) }),
		);

		const done = await callV2(sandbox, 'POST', path, {
			token,
			headers: { 'X-Confirm-Destructive': 'true' },
		});
		expect(done.status).toBe(204);
		const v1 = await callSandbox<Json>(sandbox, 'GET', `/v1/users/${DEMO.userId}`);
		expect(JSON.stringify(v1.body)).not.toContain(DEMO.userEmail);
		const update = await callV2(sandbox, 'PATCH', '/v2/students/', {
			token,
			body: { data: [{ type: 'students', id: DEMO.userId, attributes: { first_name: 'Ada' } }] },
		});
		expect(update.status).toBe(207);
		expect(((update.body.data as Json[])[0].error as Json).code).toBe('validation_error');
	});

	test('DELETE /v2/students/{id} deactivates (soft): the student stays, inactive, and can be reactivated', async () => {
		const token = await v2Token(sandbox);
		expect((await callV2(sandbox, 'DELETE', `/v2/students/${DEMO.userId}`, { token })).status).toBe(
			204,
		);
		const inactive = await callV2(sandbox, 'GET', `/v2/students/${DEMO.userId}`, { token });
		expect((inactive.body.data as Json).attributes).toEqual(
			expect.objectContaining({ is_inactive: true }),
		);
		expect((await callV2(sandbox, 'DELETE', `/v2/students/${DEMO.userId}`, { token })).status).toBe(
			409,
		);
		const listed = await callV2(sandbox, 'GET', '/v2/students/?filter%5Bis_inactive%5D=true', {
			token,
		});
		expect((listed.body.data as Json[]).map((s) => s.id)).toEqual([DEMO.userId]);
		const reactivated = await callV2(sandbox, 'PATCH', '/v2/students/', {
			token,
			body: { data: [{ type: 'students', id: DEMO.userId, attributes: { is_inactive: false } }] },
		});
		expect(reactivated.status).toBe(200);
	});

	test('group delete is hard and cascades; quiz delete is soft and takes its own questions', async () => {
		const token = await v2Token(sandbox);
		const group = DEMO.groupIds[1];
		const deleted = await callV2(sandbox, 'DELETE', '/v2/groups/', {
			token,
			body: {
				data: [
					{ type: 'groups', id: group },
					{ type: 'groups', id: group },
					{ type: 'groups', id: 'grpmissing000' },
				],
			},
		});
		expect(deleted.status).toBe(207);
		expect(
			(deleted.body.data as Json[]).map((r) => [r.status, (r.error as Json | undefined)?.code]),
		).toEqual([
			['deleted', undefined],
			['failed', 'duplicate_in_batch'],
			['failed', 'not_found'],
		]);
		expect(sandbox.list('/v2/groups').map((g) => g.id)).not.toContain(group);
		expect(sandbox.list(`/v2/groups/${group}/memberships`)).toEqual([]);
		expect(sandbox.list(`/v2/groups/${group}/visibility-overrides`)).toEqual([]);
		expect((await callV2(sandbox, 'GET', `/v2/groups/${group}`, { token })).status).toBe(404);

		const quiz = DEMO.quizIds[0];
		const question = sid('qst', 1);
		expect(
			(
				await callV2(sandbox, 'DELETE', '/v2/quizzes/', {
					token,
					body: { data: [{ type: 'quizzes', id: quiz }] },
				})
			).status,
		).toBe(200);
		expect((await callV2(sandbox, 'GET', `/v2/quizzes/${quiz}`, { token })).status).toBe(404);
		expect((await callV2(sandbox, 'GET', `/v2/questions/${question}`, { token })).status).toBe(404);
		// Soft: the records are kept with a deletion mark; the bank assignment is gone for good.
		expect(sandbox.list('/v2/quizzes').find((q) => q.id === quiz)?.deleted_at).toEqual(
			expect.any(String),
		);
		expect(sandbox.list('/v2/question-bank-assignments').filter((a) => a.quiz_id === quiz)).toEqual(
			[],
		);
	});

	test('a missing group is 404 before the envelope is looked at; memberships are idempotent', async () => {
		const token = await v2Token(sandbox);
		const missing = await callV2(
			sandbox,
			'POST',
			'/v2/groups/grpmissing000/relationships/students/',
			{
				token,
				body: { data: [] },
			},
		);
		expect(missing.status).toBe(404);
		const path = `/v2/groups/${DEMO.groupIds[2]}/relationships/students/`;
		const body = { data: [{ type: 'students', id: DEMO.userIds[1] }] };
		const first = await callV2(sandbox, 'POST', path, { token, body });
		const again = await callV2(sandbox, 'POST', path, { token, body });
		expect([first.status, again.status]).toEqual([200, 200]);
		expect((again.body.data as Json[])[0].id).toBe((first.body.data as Json[])[0].id);
		const removed = await callV2(sandbox, 'DELETE', path, { token, body });
		const removedAgain = await callV2(sandbox, 'DELETE', path, { token, body });
		expect([removed.status, removedAgain.status]).toEqual([200, 200]);
		expect((removedAgain.body.data as Json[])[0]).toEqual({
			status: 'deleted',
			id: DEMO.userIds[1],
		});
	});

	test('web packages are created PROCESSING and read READY, or ERROR for a malformed archive', async () => {
		const token = await v2Token(sandbox);
		const created = await callV2(sandbox, 'POST', '/v2/web-packages/', {
			token,
			body: {
				data: [
					{
						type: 'web-packages',
						attributes: { content_url: 'https://files.example.org/a.zip', title: 'A' },
					},
					{
						type: 'web-packages',
						attributes: { content_url: 'https://files.example.org/b.txt', title: 'B' },
					},
				],
			},
		});
		const rows = created.body.data as Json[];
		expect(rows.map((r) => ((r.result as Json).attributes as Json).state)).toEqual([
			'PROCESSING',
			'PROCESSING',
		]);
		const states = [];
		for (const row of rows) {
			const read = await callV2(sandbox, 'GET', `/v2/web-packages/${String(row.id)}`, { token });
			states.push(((read.body.data as Json).attributes as Json).state);
		}
		expect(states).toEqual(['READY', 'ERROR']);
	});
});

describe('sandbox v2: one set of data for v1 and v2', () => {
	test('a v1 enrollment appears in v2’s enrolled_gte poll; a v2 enrollment in v1’s list', async () => {
		const token = await v2Token(sandbox);
		const since = new Date(Date.now() - 1000).toISOString();
		const course = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseIds[1]}/enrollments`;
		const v1 = await callSandbox<Json>(sandbox, 'POST', course, { user: { id: DEMO.userIds[20] } });
		expect(v1.status).toBe(201);
		await wait(1100);
		await callV2(sandbox, 'POST', '/v2/enrollments/', {
			token,
			body: {
				published_course_id: DEMO.publishedCourseIds[1],
				data: [{ type: 'enrollments', attributes: { email: 'v2.learner@example.org' } }],
			},
		});
		const polled = await readAllV2(
			sandbox,
			token,
			`/v2/enrollments/?filter%5Benrolled_gte%5D=${encodeURIComponent(since)}&filter%5Bcourse.id%5D=${DEMO.courseIds[1]}`,
		);
		expect(polled.records.map((r) => r.id)[0]).toBe(v1.body.id);
		expect(polled.records).toHaveLength(2);
		const v1List = await callSandbox<Json>(sandbox, 'GET', course);
		expect((v1List.body.results as Json[]).map((e) => (e.user as Json).email)).toContain(
			'v2.learner@example.org',
		);
	});

	test('completions are listed in completion order under filter[completed_gte], certificates in issue order', async () => {
		const token = await v2Token(sandbox);
		const since = '2030-01-01T00:00:00Z';
		const complete = (id: string, at: string) =>
			callV2(sandbox, 'PATCH', '/v2/enrollments/completion', {
				token,
				body: {
					send_notifications: false,
					data: [
						{ type: 'enrollments', id, attributes: { completed_at: at, success_status: 'passed' } },
					],
				},
			});
		// Completed out of enrollment order (09:15Z, 10:00Z, 10:30:00.5Z), in mixed notations.
		await complete(DEMO.enrollmentIds[8], '2030-01-01T10:00:00Z');
		await complete(DEMO.enrollmentIds[7], '2030-01-01T10:15:00+01:00');
		await complete(DEMO.enrollmentIds[6], '2030-01-01T10:30:00.500Z');
		const completed = await readAllV2(
			sandbox,
			token,
			`/v2/enrollments/?filter%5Bcompleted_gte%5D=${encodeURIComponent(since)}&page%5Bsize%5D=1`,
		);
		expect(completed.records.map((r) => r.id)).toEqual([
			DEMO.enrollmentIds[7],
			DEMO.enrollmentIds[8],
			DEMO.enrollmentIds[6],
		]);
		const certificates = await readAllV2(
			sandbox,
			token,
			`/v2/certificates/?filter%5Bissued_gte%5D=${encodeURIComponent(since)}&page%5Bsize%5D=2`,
		);
		expect(
			certificates.records.map((c) => ((c.relationships as Json).student as Json).data),
		).toEqual([
			{ type: 'students', id: DEMO.userIds[7] },
			{ type: 'students', id: DEMO.userIds[8] },
			{ type: 'students', id: DEMO.userIds[6] },
		]);
	});

	test('new students come last in the students list, so a reader of its end sees new users', async () => {
		const token = await v2Token(sandbox);
		await wait(1100);
		await callV2(sandbox, 'POST', '/v2/students/', {
			token,
			body: { data: [{ type: 'students', attributes: { email: 'newest@example.org' } }] },
		});
		const all = await readAllV2(sandbox, token, '/v2/students/?page%5Bsize%5D=100');
		expect((all.records[all.records.length - 1].attributes as Json).email).toBe(
			'newest@example.org',
		);
	});

	test('1,000 emails: 10 enroll requests and one token request, one bad email failing on its own item', async () => {
		const token = await v2Token(sandbox);
		const list = Array.from({ length: 1000 }, (_, i) => `bulk.${i + 1}@example.org`);
		list[517] = 'bulk.518-at-example.org';
		const failures: Json[] = [];
		let succeeded = 0;
		for (let i = 0; i < list.length; i += 100) {
			const answer = await callV2(sandbox, 'POST', '/v2/enrollments/', {
				token,
				body: {
					published_course_id: DEMO.publishedCourseIds[4],
					data: list
						.slice(i, i + 100)
						.map((email) => ({ type: 'enrollments', attributes: { email } })),
				},
			});
			expect([200, 207]).toContain(answer.status);
			for (const row of answer.body.data as Json[]) {
				if (row.status === 'succeeded') succeeded++;
				else failures.push(row.error as Json);
			}
		}
		expect(succeeded).toBe(999);
		expect(failures).toEqual([
			{
				code: 'validation_error',
				detail: expect.any(String),
				source: { pointer: '/data/17/attributes/email' },
			},
		]);
		expect(sandbox.requests.filter((r) => r.path.startsWith('/v2/'))).toHaveLength(11);
	});
});
