// @ts-check
// The n8n server: it starts on 127.0.0.1 with this package loaded, and the owner sees the
// imported credential. The trigger and browser concerns use the server started here.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { startN8nServer } from '../../../tools/lib/n8n.mjs';
import { N8nClient } from '../../../tools/lib/n8n-client.mjs';
import { CREDENTIAL_ID } from '../../../tools/lib/package.mjs';
import { OWNER, need } from '../support/n8n-line.mjs';

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function server(ctx) {
	test(`[${ctx.key}] n8n server starts on 127.0.0.1 and the owner is set up`, async () => {
		need(ctx.imported, 'the import failed');
		ctx.server = await startN8nServer(
			ctx.line,
			need(ctx.nodeBinary, 'n8n is not installed'),
			need(ctx.env, 'no user folder'),
			{
				logFile: path.join(ctx.logs, 'server.log'),
			},
		);
		const client = new N8nClient(ctx.server.base);
		await client.ensureOwner(OWNER);
		const creds = await client.request('GET', '/credentials');
		assert.ok(
			(creds.json?.data ?? []).some(
				(/** @type {any} */ c) => c.id === CREDENTIAL_ID && c.type === 'skilljarApi',
			),
			'the imported "Skilljar sandbox" credential is not visible to the owner',
		);
		ctx.client = client;
	});
}
