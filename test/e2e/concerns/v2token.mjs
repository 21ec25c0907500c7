// @ts-check
// The API v2 token in real n8n: renewed before a request once its saved renewal time has come,
// and the renewal saved to the credential (n8n 1.x and 2.x save preAuthentication's output
// differently; this is where that would show).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nodeItems } from '../support/helpers.mjs';
import { WF, need } from '../support/n8n-line.mjs';
import { executeHeadless } from './headless.mjs';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function v2Token(ctx) {
	const { key } = ctx;

	test(`[${key}] headless: a v2 token due for renewal is renewed before the request (no 401), and the new one is saved`, async () => {
		need(ctx.imported, 'the import failed');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		/** `METHOD /path status` of each v2 request since the last call. */
		const v2Requests = () => {
			const seen = sandbox.requests
				.filter((r) => r.path.startsWith('/v2/'))
				.map((r) => `${r.method} ${r.path} ${r.status}`);
			sandbox.clearRequests();
			return seen;
		};
		const enroll = /^POST \/v2\/enrollments\/ 20[07]$/;
		const lifetime = sandbox.v2Tokens.lifetimeSeconds;
		try {
			// A 2-second token: due for renewal 1.5 s after it was fetched, long gone when the next
			// `n8n execute` has started. Tokens saved by earlier checks are refused from now on.
			sandbox.v2Tokens.lifetimeSeconds = 2;
			sandbox.expireV2Tokens();
			sandbox.clearRequests();
			await executeHeadless(ctx, WF.bulkEnrollV2);
			const first = v2Requests();
			assert.ok(first.includes('POST /v2/auth/token 200'), `first run: ${first.join(', ')}`);

			sandbox.v2Tokens.lifetimeSeconds = lifetime;
			const second = await executeHeadless(ctx, WF.bulkEnrollV2);
			const renewed = v2Requests();
			assert.equal(renewed.length, 2, `second run: ${renewed.join(', ')}`);
			assert.equal(renewed[0], 'POST /v2/auth/token 200', 'the token is renewed first');
			assert.match(renewed[1], enroll, 'then the request goes once, with the new token');
			assert.equal(nodeItems(second, 'Enroll in bulk').length, 5, 'one item per learner');

			await executeHeadless(ctx, WF.bulkEnrollV2);
			const reused = v2Requests();
			assert.equal(reused.length, 1, `third run: ${reused.join(', ')}`);
			assert.match(reused[0], enroll, 'the renewed token was saved and is used as it is');
		} finally {
			sandbox.v2Tokens.lifetimeSeconds = lifetime;
		}
	});
}
