import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { buildEvent } from '../sandbox/events';
import { enrollment } from '../sandbox/records';
import { startSandbox, type Sandbox } from '../sandbox/server';
import type { Item } from '../sandbox/store';
import { PollWorkflow } from './harness/run-poll';

const ENROLLMENTS = '/v2/enrollments/';

/**
 * The Skilljar Poll Trigger through n8n-core's PollContext against the sandbox's API v2 over
 * HTTP: records are created through the API (v2 bulk enrollment, completion), the node polls
 * with its time filter and cursor pages, and the harness keeps static data as n8n does.
 */
describe('Skilljar Poll Trigger', () => {
	let sandbox: Sandbox;
	let token = '';
	let publishedCourseId = '';

	beforeAll(async () => {
		sandbox = await startSandbox({ port: 0 });
	});

	afterAll(async () => {
		await sandbox.close();
	});

	beforeEach(async () => {
		sandbox.reset();
		const answer = await axios.post(`${sandbox.url}/v2/auth/token`, {
			grant_type: 'client_credentials',
			client_id: sandbox.v2ClientId,
			client_secret: sandbox.v2ClientSecret,
		});
		token = String((answer.data as IDataObject).access_token);
		publishedCourseId = String(sandbox.list('/v2/published-courses')[0].id);
	});

	const v2 = async (method: 'post' | 'patch', path: string, data: unknown) =>
		await axios.request({
			method,
			url: `${sandbox.url}${path}`,
			data,
			headers: { Authorization: `Bearer ${token}` },
		});

	/** Enrolls new learners (one request per 100), as a Skilljar admin would; returns their ids. */
	const enroll = async (count: number, tag: string): Promise<string[]> => {
		const ids: string[] = [];
		for (let start = 0; start < count; start += 100) {
			const emails = Array.from(
				{ length: Math.min(100, count - start) },
				(_, i) => `${tag}-${start + i}@example.com`,
			);
			const answer = await v2('post', ENROLLMENTS, {
				published_course_id: publishedCourseId,
				data: emails.map((email) => ({ type: 'enrollments', attributes: { email } })),
			});
			const results = (answer.data as { data: Array<{ result?: { id: string } }> }).data;
			for (const entry of results) ids.push(String(entry.result?.id));
		}
		return ids;
	};

	const complete = async (enrollmentIds: string[]) =>
		await v2('patch', `${ENROLLMENTS}completion`, {
			send_notifications: false,
			data: enrollmentIds.map((id) => ({
				type: 'enrollments',
				id,
				attributes: { completed_at: new Date().toISOString(), success_status: 'passed' },
			})),
		});

	const workflow = (event: string, extra: IDataObject = {}) =>
		new PollWorkflow(
			{ clientId: sandbox.v2ClientId, clientSecret: sandbox.v2ClientSecret, baseUrl: sandbox.url },
			{ event, ...extra },
		);

	/** GET requests to a v2 list since the last clearRequests(). */
	const listReads = (path: string) =>
		sandbox.requests.filter((r) => r.method === 'GET' && r.path === path).length;

	/**
	 * The learners' emails, sorted: learners enrolled by one request share its moment, and
	 * records of one moment come in id order, not in the order of the request.
	 */
	const emails = (items: Array<{ json: IDataObject }> | null) =>
		(items ?? []).map((item) => String((item.json.user as IDataObject).email)).sort();

	/** Whether the items come oldest first. */
	const inTimeOrder = (items: Array<{ json: IDataObject }> | null) => {
		const times = (items ?? []).map((item) => Date.parse(String(item.json.timestamp)));
		return times.every((time, i) => i === 0 || times[i - 1] <= time);
	};

	test('the first activation starts now; each new enrollment is emitted once; an empty poll reads one page', async () => {
		const flow = workflow('COURSE_ENROLLMENT');
		expect(await flow.poll()).toBeNull(); // the seed's enrollments are older than the activation
		await enroll(2, 'first');
		sandbox.clearRequests();
		expect(emails(await flow.poll())).toEqual(['first-0@example.com', 'first-1@example.com']);
		expect(listReads(ENROLLMENTS)).toBe(1);

		sandbox.clearRequests();
		expect(await flow.poll()).toBeNull();
		expect(listReads(ENROLLMENTS)).toBe(1);
	});

	test('a poll that finds nothing new changes nothing n8n would have to save', async () => {
		// n8n 1.x and 2.x (without durable cursors) save static data only at activation and when a
		// poll emits: a position moved by an empty poll would be lost at the next restart.
		const flow = workflow('COURSE_ENROLLMENT');
		await flow.poll();
		await enroll(3, 'quiet');
		expect(await flow.poll()).toHaveLength(3);
		const saved = JSON.stringify(flow.staticData);
		for (let poll = 0; poll < 3; poll++) {
			expect(await flow.poll()).toBeNull(); // the overlap reads the three again
			expect(flow.unsaved).toBe(false);
		}
		flow.restart();
		expect(await flow.poll()).toBeNull();
		expect(JSON.stringify(flow.staticData)).toBe(saved);
	});

	test('a burst larger than a page is read page by page and emitted whole, oldest first, once', async () => {
		const flow = workflow('COURSE_ENROLLMENT');
		await flow.poll();
		await enroll(130, 'burst');
		sandbox.clearRequests();
		const items = await flow.poll();
		expect(emails(items)).toEqual(
			Array.from({ length: 130 }, (_, i) => `burst-${i}@example.com`).sort(),
		);
		expect(listReads(ENROLLMENTS)).toBe(2);
		expect(inTimeOrder(items)).toBe(true);
		expect(await flow.poll()).toBeNull();
	});

	test('across a restart nothing is emitted twice, and what happened while n8n was down comes at once', async () => {
		const flow = workflow('COURSE_ENROLLMENT');
		await flow.poll();
		await enroll(1, 'before');
		expect(emails(await flow.poll())).toEqual(['before-0@example.com']);

		flow.restart();
		expect(await flow.poll()).toBeNull();

		// n8n is down (no polls) while three learners enroll, then starts again.
		flow.restart();
		await enroll(3, 'down');
		expect(emails(await flow.poll())).toEqual([
			'down-0@example.com',
			'down-1@example.com',
			'down-2@example.com',
		]);
		flow.restart();
		expect(await flow.poll()).toBeNull();
	});

	test('with n8n 2.x durable poll cursors, whose activation poll saves nothing, what happens between the activation and the first scheduled poll is still emitted once', async () => {
		const flow = workflow('COURSE_ENROLLMENT').withDurableCursors();
		// The activation a minute ago, its first scheduled poll now, and an enrollment in between.
		const clock = jest.spyOn(Date, 'now').mockReturnValue(Date.now() - 60_000);
		try {
			expect(await flow.poll()).toBeNull(); // the activation's test poll
		} finally {
			clock.mockRestore();
		}
		expect(flow.staticData).toEqual({}); // n8n dropped what it wrote
		const course = sandbox.list('/v2/published-courses')[0];
		const domain = String(course.domain_name);
		const [member] = sandbox.list(`/v1/domains/${domain}/users`);
		const between = new Date(Date.now() - 30_000).toISOString();
		await axios.post(
			`${sandbox.url}/v1/domains/${domain}/published-courses/${String(course.id)}/enrollments`,
			{ user: { id: (member.user as Item).id }, enrolled_at: between },
			{ auth: { username: sandbox.apiKey, password: '' } },
		);
		const first = await flow.poll();
		expect(first).toHaveLength(1);
		expect(Date.parse(String(first![0].json.timestamp))).toBe(Date.parse(between));
		expect(await flow.poll()).toBeNull();
		// The position is n8n's now: a restart resumes from it, nothing twice and nothing lost.
		flow.restart();
		await enroll(1, 'down');
		expect(emails(await flow.poll())).toEqual(['down-0@example.com']);
		expect(await flow.poll()).toBeNull();
	});

	test.each([
		// 1,500 enrollments, one every 3 s, while n8n was down for two hours.
		['spread over two hours', 'oldest first', false, 2 * 3600_000, 3000],
		['spread over two hours', 'newest first', true, 2 * 3600_000, 3000],
		// A bulk enrollment of 1,500 learners, 5 ms apart: all within the overlap each poll reads
		// again (cursor.ts), which alone holds more than one poll reads.
		['from one bulk enrollment', 'oldest first', false, 60_000, 5],
		['from one bulk enrollment', 'newest first', true, 60_000, 5],
		// 3,000 learners 1 ms apart, twice what a poll can read: served newest first, each poll
		// sees only the newest and must go on narrowing where the last one stopped.
		['from one large bulk enrollment', 'newest first', true, 60_000, 1, 3000],
		// The same an hour after the activation: an empty hour to cross before the burst.
		['from one large bulk enrollment an hour later', 'newest first', true, 3600_000, 1, 3000, 3590_000],
	])(
		'with n8n 2.x telling a poll its time, a backlog too large for one poll (%s) comes over several polls, each record once and all in time order (lists served %s)',
		async (_spread, _order, newestFirst, sinceActivationMs, stepMs, count = 1500, firstAtMs = 1000) => {
			const course = sandbox.list('/v2/published-courses')[0];
			const path = `/v1/domains/${String(course.domain_name)}/published-courses/${String(course.id)}/enrollments`;
			const flow = workflow('COURSE_ENROLLMENT').withPollBudget(1000);
			const activation = Date.now() - sinceActivationMs;
			const clock = jest.spyOn(Date, 'now').mockReturnValue(activation);
			try {
				expect(await flow.poll()).toBeNull();
			} finally {
				clock.mockRestore();
			}
			const backlog = Array.from({ length: count }, (_, i) =>
				enrollment(
					`enrbacklog${String(i).padStart(4, '0')}`,
					{ id: `usrbacklog${i}`, email: `backlog-${i}@example.com` },
					new Date(activation + firstAtMs + i * stepMs).toISOString(),
				),
			);
			sandbox.insertMany(path, backlog);
			sandbox.v2NewestFirst = newestFirst;
			sandbox.faults.latencyMs = 50;
			const emitted: Array<{ json: IDataObject }> = [];
			let polls = 0;
			try {
				// Each poll may take 1 s and reads for 0.6 s of it: at 50 ms a page, fewer pages than
				// the backlog's 15, which one read of everything would ask for.
				for (; polls < 40 && emitted.length < backlog.length; polls++) {
					sandbox.clearRequests();
					const items = await flow.poll();
					// No poll asks for more pages than its reading time allows at 50 ms each.
					expect(listReads(ENROLLMENTS)).toBeLessThanOrEqual(Math.ceil(600 / 50) + 1);
					emitted.push(...(items ?? []));
				}
			} finally {
				sandbox.faults.latencyMs = 0;
			}
			expect(polls).toBeGreaterThan(1);
			expect(emitted.map((item) => (item.json.user as IDataObject).id)).toEqual(
				backlog.map((_, i) => `usrbacklog${i}`),
			);
			expect(inTimeOrder(emitted)).toBe(true);
			expect(await flow.poll()).toBeNull();
		},
	);

	test('course completions and certificates are emitted once each, shaped like the webhook events', async () => {
		const completions = workflow('COURSE_COMPLETION');
		const certificates = workflow('CERTIFICATE_ISSUED');
		await completions.poll();
		await certificates.poll();
		const ids = await enroll(2, 'done');
		expect(await completions.poll()).toBeNull(); // enrolled, not completed yet
		await complete(ids);

		const completed = await completions.poll();
		expect(emails(completed)).toEqual(['done-0@example.com', 'done-1@example.com']);
		const webhook = buildEvent(sandbox.store, 'COURSE_COMPLETION');
		const event = completed!.find(
			(item) => (item.json.user as IDataObject).email === 'done-0@example.com',
		)!.json;
		expect(event).toMatchObject({
			event_type: 'COURSE_COMPLETION',
			user: { id: expect.any(String), email: 'done-0@example.com' },
			course: { published_course_id: publishedCourseId },
			course_progress: { completed_at: event.timestamp, success_status: 'passed' },
		});
		expect(Object.keys(event.user as Item).sort()).toEqual(Object.keys(webhook.user as Item).sort());
		for (const key of ['event_type', 'timestamp', 'user', 'course', 'domain', 'course_progress']) {
			expect(event).toHaveProperty(key);
			expect(webhook).toHaveProperty(key);
		}
		expect(await completions.poll()).toBeNull();

		const issued = await certificates.poll();
		expect(issued).toHaveLength(2);
		const learners = issued!.map((item) => (item.json.user as IDataObject).id);
		expect(learners).toContain((event.user as IDataObject).id);
		expect(issued![0].json).toMatchObject({
			event_type: 'CERTIFICATE_ISSUED',
			certificate: { code: expect.any(String) },
		});
		expect(await certificates.poll()).toBeNull();
	});

	test('Backfill (Hours) makes the first activation emit the period before it, and no earlier', async () => {
		// Two enrollments made through v1 with their own times: three and five hours ago.
		const course = sandbox.list('/v2/published-courses')[0];
		const domain = String(course.domain_name);
		const [member] = sandbox.list(`/v1/domains/${domain}/users`);
		const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000).toISOString();
		const threeHoursAgo = hoursAgo(3);
		for (const enrolledAt of [hoursAgo(5), threeHoursAgo]) {
			await axios.post(
				`${sandbox.url}/v1/domains/${domain}/published-courses/${String(course.id)}/enrollments`,
				{ user: { id: (member.user as Item).id }, enrolled_at: enrolledAt },
				{ auth: { username: sandbox.apiKey, password: '' } },
			);
		}
		const flow = workflow('COURSE_ENROLLMENT', { backfillHours: 4 });
		const backfilled = await flow.poll();
		expect(backfilled).toHaveLength(1);
		expect(Date.parse(String(backfilled![0].json.timestamp))).toBe(Date.parse(threeHoursAgo));
		expect(await flow.poll()).toBeNull();
	});

	test('a Backfill (Hours) that is not a number of hours up to a year fails before any request', async () => {
		for (const backfillHours of [-1, 24 * 366 + 1, Number.NaN]) {
			const flow = workflow('COURSE_ENROLLMENT', { backfillHours });
			sandbox.clearRequests();
			await expect(flow.poll()).rejects.toThrow('Backfill (Hours) must be a number from 0 to 8784');
			expect(sandbox.requests).toEqual([]);
		}
	});

	test('a test fetch shows one recent event and leaves the position alone', async () => {
		const flow = workflow('COURSE_ENROLLMENT');
		await flow.poll();
		const position = JSON.stringify(flow.staticData);
		await enroll(2, 'fetch');
		const shown = await flow.testFetch();
		expect(shown).toHaveLength(1);
		expect(shown![0].json.event_type).toBe('COURSE_ENROLLMENT');
		expect(JSON.stringify(flow.staticData)).toBe(position);
		expect(emails(await flow.poll())).toEqual(['fetch-0@example.com', 'fetch-1@example.com']);
	});
});
