// @ts-check
// An API v2 picker in a running n8n: "From list" of a bulk entry asks n8n's REST API what the
// editor asks (resource-locator-results) and gets the sandbox's v2 students, listed with the v2
// credential.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { need } from '../support/n8n-line.mjs';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function v2Picker(ctx) {
	const { key } = ctx;

	test(`[${key}] v2 picker: Group User › Add in Bulk lists the v2 students with the v2 credential`, async () => {
		const client = need(ctx.client, 'the n8n server did not start');
		const sandbox = need(ctx.sandbox, 'no sandbox');
		const cred = await client.request('POST', '/credentials', {
			name: 'Skilljar v2 picker',
			type: 'skilljarV2Api',
			data: { clientId: sandbox.v2ClientId, clientSecret: sandbox.v2ClientSecret, baseUrl: sandbox.url },
		});
		assert.equal(cred.status, 200, `creating the v2 credential: ${cred.text.slice(0, 300)}`);
		const from = sandbox.requests.length;
		const res = await client.request('POST', '/dynamic-node-parameters/resource-locator-results', {
			nodeTypeAndVersion: { name: 'n8n-nodes-skilljar.skilljarGroup', version: 1.1 },
			path: 'studentId',
			methodName: 'searchV2Student',
			currentNodeParameters: { resource: 'groupUser', operation: 'addManyV2' },
			credentials: { skilljarV2Api: { id: cred.json.data.id, name: 'Skilljar v2 picker' } },
			filter: '',
		});
		assert.equal(res.status, 200, `resource-locator-results: ${res.text.slice(0, 500)}`);
		const results = /** @type {Array<{ name: string, value: string }>} */ (res.json.data.results);
		const first = ctx.facts.DEMO.userId;
		const entry = results.find((candidate) => candidate.value === first);
		assert.ok(entry, `student ${first} is not offered; got ${JSON.stringify(results).slice(0, 300)}`);
		assert.match(entry.name, /<.+@.+>$/, 'a student is offered by name and e-mail');
		const asked = sandbox.requests
			.slice(from)
			.map((/** @type {any} */ r) => `${r.method} ${r.path} ${r.status}`);
		assert.deepEqual(asked, ['POST /v2/auth/token 200', 'GET /v2/students/ 200']);
	});
}
