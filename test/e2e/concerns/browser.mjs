// @ts-check
// The editor in a real browser, against the line's server: one test per check of
// test/e2e/browser.mjs, in one logged-in session. Each check opens its own new workflow, so one
// failing leaves the others meaningful; a failure leaves a `browser-<line>-failure-<check>.png`.

import { after, test } from 'node:test';
import { dim, log } from '../../../tools/lib/log.mjs';
import * as b from '../browser.mjs';
import { OUT, OWNER, need } from '../support/n8n-line.mjs';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function browser(ctx) {
	const key = ctx.key;
	/** @type {any} */
	let session;
	after(async () => {
		// A suite stopped half-way must not leave Chromium behind.
		if (session) await session.browser.close().catch(() => {});
	});

	test(`[${key}] browser: log in to the editor`, async () => {
		const srv = need(ctx.server, 'the n8n server did not start');
		session = await b.openSession({
			base: srv.base,
			email: OWNER.email,
			password: OWNER.password,
			outDir: OUT,
			log,
			prefix: key,
		});
	});

	/** @param {string} name @param {() => Promise<unknown>} fn */
	const check = (name, fn) =>
		test(`[${key}] browser: ${name}`, async () => {
			need(session, 'the editor login failed');
			try {
				await fn();
			} catch (err) {
				const shot = session.shot(`failure-${name.replace(/\W+/g, '-').slice(0, 40)}`);
				await session.page.screenshot({ path: shot }).catch(() => {});
				throw err;
			}
		});

	check('Skilljar Domain from the node panel: resources, operations, credential', () =>
		b.checkActionNode(session),
	);
	check('trigger panel: "Skilljar" lists the trigger, "completion" puts it first', async () => {
		const found = await b.checkTriggerSearch(session);
		log(dim(`    Skilljar Trigger is ${found.rank} of ${found.of} for "Skilljar" (see README)`));
	});
	for (const task of b.TASK_SEARCHES) {
		check(`search "${task.query}" finds ${task.node} first`, () =>
			b.checkTaskSearch(session, /** @type {any} */ (task)),
		);
	}
	check('trigger: "On <Event>" actions, test listen shows a sample, subtitle names the event', () =>
		b.checkTriggerListen(session),
	);
	check('Course Enrollment › Create: the body "User" picker lists users by name and e-mail', () =>
		b.checkBodyUserPicker(session),
	);
	check('Get many domain users: flat Simplify columns after a test step; Return All notice', () =>
		b.checkSimplifyAndNotice(session, ctx.facts.DEMO.domainName),
	);
	check('"enroll" → Skilljar Domain offers Enroll User by Email and shows its fields', () =>
		b.checkEnrollByEmail(session),
	);
	// The sandbox's second seeded asset is a PDF named asset-2.pdf (sandbox/seed.ts).
	check('Asset › Get with Download puts the file in binary "data" (executed in the editor)', () =>
		b.checkAssetDownload(session, 'asset-2.pdf', 'application/pdf'),
	);
	test(`[${key}] browser: no errors in the editor console`, async () => {
		const open = need(session, 'the editor login failed');
		session = undefined;
		await b.closeSession(open, log);
	});
}
