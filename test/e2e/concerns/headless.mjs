// @ts-check
// Headless: the example workflows run with `n8n execute` (no server) against the sandbox, and
// the sandbox's records show what they did.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readJson } from '../../../tools/lib/package.mjs';
import { ROOT } from '../../../tools/lib/paths.mjs';
import { membersOf, sandboxHeaders } from '../../../tools/lib/sandbox.mjs';
import { SIMPLIFIED_DOMAIN_USER_COLUMNS } from '../browser.mjs';
import { nodeItems, parseRawOutput } from '../support/helpers.mjs';
import { WF, cli, need } from '../support/n8n-line.mjs';

/**
 * The text of a binary output: n8n 1.x keeps it in the run data (base64); n8n 2.x stores it in
 * the user folder (`filesystem-v2:<path>` under `.n8n/storage`) and the run data only points there.
 * @param {import('../support/n8n-line.mjs').LineContext} ctx @param {any} binary
 */
function binaryText(ctx, binary) {
	if (!binary.id) return Buffer.from(binary.data, 'base64').toString('utf8');
	const [mode, relative = ''] = String(binary.id).split(':');
	assert.ok(mode === 'filesystem-v2' && relative, `binary data stored as ${binary.id}`);
	const folder = need(need(ctx.env, 'no n8n environment').N8N_USER_FOLDER, 'no user folder');
	return fs.readFileSync(path.join(folder, '.n8n', 'storage', relative), 'utf8');
}

/**
 * Runs a workflow with `n8n execute` and returns its raw output; the log goes to the line's logs.
 * @param {import('../support/n8n-line.mjs').LineContext} ctx @param {string} id
 */
export async function executeHeadless(ctx, id) {
	need(ctx.imported, 'the import failed');
	// `execute` prints its result through n8n's logger at level info.
	// N8N_EXPRESSION_ENGINE=legacy: with n8n's default "vm" engine (isolated-vm), `execute`
	// calls process.exit without disposing of the engine's isolates, and now and then
	// isolated-vm's thread pool is torn down while an isolate collects garbage: SIGSEGV after
	// the successful result has been printed (core dump: ivm::thread_pool_t::~thread_pool_t at
	// exit, another thread in v8's ScavengerCollector). Measured on a busy machine with n8n
	// 1.123: 2 crashes in 55 runs with "vm", none in 60 with "legacy", which creates no
	// isolate. The server, trigger, browser and queue-mode checks keep n8n's default engine.
	const res = await cli(ctx, ['execute', `--id=${id}`, '--rawOutput'], {
		timeoutMs: 240000,
		env: { ...ctx.env, N8N_LOG_LEVEL: 'info', N8N_EXPRESSION_ENGINE: 'legacy' },
	});
	fs.appendFileSync(
		path.join(ctx.logs, `execute-${id}.log`),
		`${res.stdout}\n--- stderr ---\n${res.stderr}\n`,
	);
	assert.equal(
		res.code,
		0,
		`n8n execute --id=${id} exited ${res.code ?? res.signal}:\n${(res.stdout + res.stderr).slice(-2500)}`,
	);
	return parseRawOutput(res.stdout);
}

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function headless(ctx) {
	const { key } = ctx;
	const { DEMO } = ctx.facts;
	const DOMAIN = DEMO.domainName;
	const COURSE = DEMO.publishedCourseId;
	const execute = (/** @type {string} */ id) => executeHeadless(ctx, id);

	test(`[${key}] headless: enroll-learners example enrolls every learner`, async () => {
		need(ctx.imported, 'the import failed');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const enrollmentsPath = `/v1/domains/${DOMAIN}/published-courses/${COURSE}/enrollments`;
		const before = sandbox.list(enrollmentsPath).length;
		const run = await execute(WF.enroll);
		const learners = nodeItems(run, 'Learners to enroll').map((i) => i.json.email);
		const created = nodeItems(run, 'Add learner to the domain');
		const enrolled = nodeItems(run, 'Enroll in the course');
		assert.equal(learners.length, 3, `expected 3 learners, got ${learners.length}`);
		assert.ok(
			created.length === 3 && enrolled.length === 3,
			`created ${created.length}, enrolled ${enrolled.length}`,
		);
		const domainUsers = membersOf(sandbox, `/v1/domains/${DOMAIN}/users`);
		const enrollments = membersOf(sandbox, enrollmentsPath);
		assert.equal(
			enrollments.length,
			before + 3,
			`sandbox has ${enrollments.length} enrollments, expected ${before + 3}`,
		);
		for (const email of learners) {
			const member = domainUsers.find((u) => u.user?.email === email);
			assert.ok(member, `${email} is not a user of ${DOMAIN} in the sandbox`);
			assert.ok(
				enrollments.some((e) => e.user?.id === member.user.id),
				`${email} (${member.user.id}) is not enrolled in ${COURSE} in the sandbox`,
			);
		}
	});

	test(`[${key}] headless: enroll-by-email example run twice enrolls each learner once`, async () => {
		need(ctx.imported, 'the import failed');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const enrollmentsPath = `/v1/domains/${DOMAIN}/published-courses/${COURSE}/enrollments`;
		const before = sandbox.list(enrollmentsPath).length;
		const first = nodeItems(await execute(WF.enrollByEmail), 'Enroll by email');
		const second = nodeItems(await execute(WF.enrollByEmail), 'Enroll by email');
		const flags = (/** @type {any[]} */ items) => items.map((i) => i.json.alreadyEnrolled);
		assert.deepEqual(flags(first), [false, false, false], 'first run');
		assert.deepEqual(flags(second), [true, true, true], 'second run');
		const ids = (/** @type {any[]} */ items) => items.map((i) => i.json.enrollment?.id);
		assert.deepEqual(ids(second), ids(first), 'the second run returns the same enrollments');
		const enrollments = sandbox.list(enrollmentsPath);
		assert.equal(
			enrollments.length,
			before + 3,
			`sandbox has ${enrollments.length - before} new enrollments, expected 3`,
		);
		for (const item of first) {
			const mine = enrollments.filter(
				(/** @type {any} */ e) => e.user?.email === item.json.user.email,
			);
			assert.equal(mine.length, 1, `${item.json.user.email} has ${mine.length} enrollments`);
		}
	});

	test(`[${key}] headless: bulk-enroll-v2 example enrolls every email in one v2 request, and enrolls no one twice`, async () => {
		need(ctx.imported, 'the import failed');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const example = readJson(path.join(ROOT, 'examples', 'bulk-enroll-v2.json'));
		const node = example.nodes.find((/** @type {any} */ n) => n.name === 'Enroll in bulk');
		const course = node.parameters.publishedCourseId;
		const enrollmentsPath = `/v1/domains/${DOMAIN}/published-courses/${course}/enrollments`;
		const before = sandbox.list(enrollmentsPath).length;
		sandbox.clearRequests();
		const first = await execute(WF.bulkEnrollV2);
		const emails = nodeItems(first, 'Learners to enroll').map((i) => i.json.email);
		const results = nodeItems(first, 'Enroll in bulk');
		assert.equal(emails.length, 5, `expected 5 learners, got ${emails.length}`);
		assert.equal(results.length, emails.length, 'one output item per learner');
		results.forEach((item, index) =>
			assert.deepEqual(item.pairedItem, { item: index }, `output ${index} is paired to its input`),
		);
		assert.ok(
			results.every((item) => !item.json.error),
			`some failed: ${JSON.stringify(results.map((i) => i.json))}`,
		);
		const v2 = sandbox.requests.filter((r) => r.path.startsWith('/v2/'));
		assert.deepEqual(
			v2.map((r) => `${r.method} ${r.path} ${r.status}`),
			['POST /v2/auth/token 200', 'POST /v2/enrollments/ 200'],
			'one token request, then one request for all five emails',
		);
		const enrollments = sandbox.list(enrollmentsPath);
		assert.equal(
			enrollments.length,
			before + 5,
			`sandbox has ${enrollments.length - before} new enrollments`,
		);
		for (const email of emails) {
			const mine = enrollments.filter((/** @type {any} */ e) => e.user?.email === email);
			assert.equal(mine.length, 1, `${email} has ${mine.length} enrollments`);
		}

		const second = nodeItems(await execute(WF.bulkEnrollV2), 'Enroll in bulk');
		assert.equal(second.length, 5, 'the second run has one item per learner too');
		const codes = second.map((item) => JSON.stringify(item.json));
		assert.ok(
			codes.every((text) => text.includes('already_enrolled')),
			`second run: every learner already enrolled, got ${codes.join(' | ')}`,
		);
		assert.equal(sandbox.list(enrollmentsPath).length, before + 5, 'nobody enrolled twice');
	});

	test(`[${key}] headless: export-domain-users example returns every user (across pages)`, async () => {
		need(ctx.imported, 'the import failed');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		// Push the domain past one page of the node's largest page size (1000).
		const extra = 1000;
		const batch = [];
		for (let i = 1; i <= extra; i += 1) {
			batch.push(
				fetch(`${sandbox.url}/v1/domains/${DOMAIN}/users`, {
					method: 'POST',
					headers: sandboxHeaders(sandbox.apiKey),
					body: JSON.stringify({
						user: {
							email: `bulk-${key}-${i}@example.net`,
							first_name: 'Bulk',
							last_name: String(i),
						},
					}),
				}).then((r) =>
					assert.ok(r.status === 201 || r.status === 200, `seeding user ${i}: HTTP ${r.status}`),
				),
			);
			if (batch.length === 25) await Promise.all(batch.splice(0));
		}
		await Promise.all(batch);
		const expected = sandbox.list(`/v1/domains/${DOMAIN}/users`);
		assert.ok(expected.length > 1000, `sandbox has only ${expected.length} users`);
		sandbox.clearRequests();
		const run = await execute(WF.export);
		const users = nodeItems(run, 'Get all domain users');
		// Simplify (node version 1.1, on in the example): one flat row per user, no flattening step.
		const columns = SIMPLIFIED_DOMAIN_USER_COLUMNS;
		for (const user of users) assert.deepEqual(Object.keys(user.json), columns);
		const ada = users.find((i) => i.json.id === DEMO.userId);
		assert.deepEqual(
			ada?.json && [ada.json.email, ada.json.first_name, ada.json.domain_name],
			[DEMO.userEmail, 'Ada', DOMAIN],
			'the flat row of the first demo user',
		);
		const ids = new Set(users.map((i) => i.json.id));
		assert.equal(
			users.length,
			expected.length,
			`exported ${users.length} users, sandbox has ${expected.length}`,
		);
		assert.equal(
			ids.size,
			expected.length,
			`exported ${ids.size} distinct users, expected ${expected.length}`,
		);
		const pages = sandbox.requests.filter(
			(r) => r.path === `/v1/domains/${DOMAIN}/users` && r.method === 'GET',
		);
		assert.ok(pages.length >= 2, `expected at least 2 page requests, saw ${pages.length}`);
		const csv = nodeItems(run, 'CSV file');
		assert.ok(csv.length === 1 && csv[0].binary?.data, 'no CSV file produced');
		assert.equal(csv[0].binary.data.fileName, 'skilljar-domain-users.csv');
		const text = binaryText(ctx, csv[0].binary.data);
		const lines = text.trim().split('\n');
		assert.equal(lines[0], columns.join(','), 'the CSV header is the simplified columns');
		assert.equal(lines.length, expected.length + 1, 'one CSV line per user');
	});
}
