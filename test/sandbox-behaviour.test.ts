import { SAMPLE_IDS } from '../sandbox/samples';
import { DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { callSandbox, startTestSandbox } from './harness/sandbox';

/** Store-backed behaviour of the routes the generated layer added: what a client would notice. */

type Json = Record<string, unknown>;

const call = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
	callSandbox<Json>(sandbox, method, path, body);

/** Group ids of a page of GET /v1/users/{id}/groups. */
const groupIdsOf = (page: Json) => (page.results as Json[]).map((m) => (m.group as Json).id);

const DOMAIN = `/v1/domains/${DEMO.domainName}`;
const COURSE_PATH = `${DOMAIN}/published-courses/${DEMO.publishedCourseId}`;

describe('sandbox: store-backed behaviour of the whole API', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});
	beforeEach(() => sandbox.reset());

	test('create → get → list → partial update → delete → 404, on a resource new to the sandbox', async () => {
		const created = await call(sandbox, 'POST', '/v1/labels', { name: 'Beta' });
		expect(created.status).toBe(201);
		expect(created.body.id).toMatch(/^[0-9a-z]{13}$/);
		expect(created.body.name).toBe('Beta');
		const item = `/v1/labels/${String(created.body.id)}`;

		expect(await call(sandbox, 'GET', item)).toEqual({ status: 200, body: created.body });
		const list = await call(sandbox, 'GET', '/v1/labels?page_size=1');
		expect(list.body.count).toBe(2); // the sample label and ours
		expect(list.body.next).toBe(`${sandbox.url}/v1/labels?page_size=1&page=2`);

		const patched = await call(sandbox, 'PATCH', item, { name: 'Gamma' });
		expect(patched).toEqual({ status: 200, body: { ...created.body, name: 'Gamma' } });
		expect((await call(sandbox, 'GET', item)).body.name).toBe('Gamma');

		expect(await call(sandbox, 'DELETE', item)).toEqual({ status: 204, body: undefined });
		expect((await call(sandbox, 'GET', item)).status).toBe(404);
		expect(sandbox.list('/v1/labels').map((l) => l.id)).toEqual([SAMPLE_IDS['/v1/labels']]);
	});

	test('a created record has its read-only fields filled: id, slug from the name, blanks', async () => {
		const tag = await call(sandbox, 'POST', '/v1/tags', { name: 'Cloud Native 101' });
		expect(tag).toEqual({
			status: 201,
			body: {
				id: expect.stringMatching(/^[0-9a-z]{13}$/),
				name: 'Cloud Native 101',
				slug: 'cloud-native-101',
			},
		});
	});

	test('association lists are addressed by the linked record: a course label by the label id', async () => {
		const labels = `/v1/courses/${DEMO.courseIds[1]}/labels`;
		const labelId = SAMPLE_IDS['/v1/labels'];
		const added = await call(sandbox, 'POST', labels, { label: { id: labelId } });
		expect(added.status).toBe(201);
		expect((await call(sandbox, 'GET', `${labels}/${labelId}`)).body).toMatchObject({
			label: { id: labelId },
		});
		expect((await call(sandbox, 'DELETE', `${labels}/${labelId}`)).status).toBe(204);
		expect((await call(sandbox, 'GET', `${labels}/${labelId}`)).status).toBe(404);
	});

	test("removing a user from a group drops the group from the user's memberships", async () => {
		const group = DEMO.groupIds[0];
		const groupsOfUser = `/v1/users/${DEMO.userId}/groups`;
		const before = await call(sandbox, 'GET', groupsOfUser);
		expect(groupIdsOf(before.body)).toContain(group);
		const members = (await call(sandbox, 'GET', `/v1/groups/${group}`)).body.user_count as number;

		expect((await call(sandbox, 'DELETE', `/v1/groups/${group}/users/${DEMO.userId}`)).status).toBe(
			204,
		);
		const after = await call(sandbox, 'GET', groupsOfUser);
		expect(groupIdsOf(after.body)).not.toContain(group);
		expect((await call(sandbox, 'GET', `/v1/groups/${group}`)).body.user_count).toBe(members - 1);
		expect((await call(sandbox, 'GET', `/v1/groups/${group}/users/${DEMO.userId}`)).status).toBe(
			404,
		);
	});

	test('the re-enrollment rule is one object per published course: create, read, patch, delete', async () => {
		const rule = `${COURSE_PATH}/reenrollment_rule`;
		expect((await call(sandbox, 'DELETE', rule)).status).toBe(204);
		expect((await call(sandbox, 'GET', rule)).status).toBe(404);
		expect((await call(sandbox, 'PATCH', rule, { cycle_duration: 2 })).status).toBe(404);

		const created = await call(sandbox, 'POST', rule, {
			starts_at: '2030-01-01T10:00:00Z',
			cycle_duration: 12,
			cycle_duration_unit: 'MONTHS',
		});
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ starts_at: '2030-01-01T10:00:00Z', cycle_duration: 12 });
		const patched = await call(sandbox, 'PATCH', rule, { cycle_duration: 6 });
		expect(patched.body).toMatchObject({ starts_at: '2030-01-01T10:00:00Z', cycle_duration: 6 });
		expect((await call(sandbox, 'GET', rule)).body).toEqual(patched.body);
	});

	test('manager access answers the real user and lists the ids that do not exist', async () => {
		const answer = await call(sandbox, 'PUT', `${DOMAIN}/users/${DEMO.userId}/manager-access`, {
			group_name: 'Customers',
			course_access_level: 'SELECTED',
			course_ids: [DEMO.courseIds[0], 'nosuchcourse1'],
			path_access_level: 'NONE',
		});
		expect(answer.status).toBe(200);
		expect(answer.body).toMatchObject({
			user: { id: DEMO.userId, email: DEMO.userEmail },
			manager_access: {
				group_id: DEMO.groupIds[0],
				course_ids: [DEMO.courseIds[0], 'nosuchcourse1'],
			},
			invalid_ids: { course_ids: ['nosuchcourse1'], path_ids: [], license_ids: [] },
		});
	});

	test("a group's email-domain rules are read and edited with add/remove", async () => {
		const rules = `/v1/groups/${DEMO.groupIds[2]}/email-domain-rules`;
		expect((await call(sandbox, 'GET', rules)).body).toEqual({
			email_domains: ['acme.example.com'],
		});
		const patched = await call(sandbox, 'PATCH', rules, {
			add: ['Example.ORG'],
			remove: ['acme.example.com'],
		});
		expect(patched.status).toBe(200);
		expect((await call(sandbox, 'GET', rules)).body).toEqual({ email_domains: ['example.org'] });
	});

	test('bulk create adds new domain users and keeps existing ones', async () => {
		const before = sandbox.list(`${DOMAIN}/users`).length;
		const answer = await call(sandbox, 'POST', `${DOMAIN}/users/bulk-create`, {
			users: [{ email: 'bulk.one@example.com', first_name: 'Bulk' }, { email: DEMO.userEmail }],
		});
		expect(answer.status).toBe(200);
		const members = sandbox.list(`${DOMAIN}/users`);
		expect(members).toHaveLength(before + 1);
		expect(members.at(-1)).toMatchObject({
			user: { email: 'bulk.one@example.com', first_name: 'Bulk' },
		});
	});

	test('a catalog-page content block gets its typed detail record', async () => {
		const page = `${DOMAIN}/catalog-pages/${SAMPLE_IDS[`/v1/domains/{domain_name}/catalog-pages`]}`;
		const block = await call(sandbox, 'POST', `${page}/content-blocks`, { type: 'HTML', order: 1 });
		expect(block.status).toBe(201);
		const detailId = String(block.body.html_content_block_id);
		expect(detailId).toMatch(/^[0-9a-z]{13}$/);
		const detail = await call(sandbox, 'GET', `${page}/html-content-blocks/${detailId}`);
		expect(detail.body).toMatchObject({ id: detailId, content_block_id: block.body.id });
	});

	test('a sample-event endpoint answers the latest event of its type in `results`', async () => {
		const answer = await call(sandbox, 'GET', '/v1/webhooks/sample-vilt-registration');
		expect(answer.status).toBe(200);
		const results = answer.body.results as Json[];
		expect(results).toHaveLength(1);
		expect(results[0]).toMatchObject({ event_type: 'VILT_EVENT_REGISTRATION' });
	});
});
