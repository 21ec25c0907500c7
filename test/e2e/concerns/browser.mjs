// @ts-check
// The editor in a real browser: the checks of test/e2e/browser.mjs, as one test against the
// line's server.

import { test } from 'node:test';
import { log } from '../../../tools/lib/runtime.mjs';
import { OUT, OWNER, need } from '../support/n8n-line.mjs';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function browser(ctx) {
	test(`[${ctx.key}] browser: editor login, Skilljar node from the node panel, credential, clean console`, async () => {
		const srv = need(ctx.server, 'the n8n server did not start');
		const { browserCheck } = await import('../browser.mjs');
		await browserCheck({
			base: srv.base,
			email: OWNER.email,
			password: OWNER.password,
			outDir: OUT,
			log,
		});
	});
}
