// @ts-check
// The Skilljar nodes as AI-agent tools in a running n8n: a workflow whose MCP Server Trigger offers
// a Skilljar User tool (API v1) and a Skilljar User tool reading a student (API v2), their IDs
// from `$fromAI`, is activated and called the way an MCP client (an agent outside n8n) calls it.
// Checked: the tools are listed, a v1 call returns the sandbox's record, a v2 call with a token
// due for renewal renews it first and saves it to the credential, an ID that is not a Skilljar ID
// comes back as a tool error naming the field before any request, and no secret shows in the
// answers or in n8n's log.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CREDENTIAL_V2_ID } from '../../../tools/lib/package.mjs';
import { sleep, waitFor } from '../../../tools/lib/processes.mjs';
import { setActive } from '../support/helpers.mjs';
import { McpSession } from '../support/mcp-client.mjs';
import { WF, need } from '../support/n8n-line.mjs';

const FIXTURE = JSON.parse(
	fs.readFileSync(new URL('../fixtures/mcp-tools.json', import.meta.url), 'utf8'),
);
/** The tool names n8n gives the fixture's nodes (their names, spaces as underscores). */
const V1_TOOL = 'Read_Skilljar_user';
const V2_TOOL = 'Read_Skilljar_student_v2';

/**
 * The records in a tool's answer: n8n answers with the JSON of the node's output items.
 * @param {string} text @returns {any[]}
 */
function recordsIn(text) {
	const parsed = JSON.parse(text);
	return [parsed].flat();
}

/** @param {import('../support/n8n-line.mjs').LineContext} ctx */
export function mcpTools(ctx) {
	const { key } = ctx;
	const { DEMO } = ctx.facts;
	const client = () => need(ctx.client, 'the n8n server did not start');
	const sandbox = () => need(ctx.sandbox, 'no sandbox');
	/** @type {McpSession | undefined} */
	let session;
	const open = () => need(session, 'the MCP session was not opened');
	/** `METHOD /route status` of each request the sandbox saw since the last call. */
	const seen = () => {
		const requests = sandbox().requests.map(
			(r) => `${r.method} ${r.template ?? r.path} ${r.status}`,
		);
		sandbox().clearRequests();
		return requests;
	};

	test(`[${key}] MCP: an MCP client lists the Skilljar tools of an active MCP Server Trigger workflow`, async (t) => {
		const base = need(ctx.server, 'the n8n server did not start').base;
		const wf = await setActive(client(), WF.mcpTools, true);
		assert.equal(wf?.active, true, `activating the MCP workflow: ${JSON.stringify(wf).slice(0, 300)}`);
		const url = `${base}/mcp/${FIXTURE.nodes[0].parameters.path}`;
		// n8n 2.x registers an activated workflow's webhooks a moment after its API answers.
		session = await waitFor(
			'the MCP Server Trigger to answer',
			async () => {
				const attempt = new McpSession(url);
				await attempt.open();
				return attempt;
			},
			{ timeoutMs: 20000, intervalMs: 500 },
		);
		const tools = await session.listTools();
		t.diagnostic(`tools: ${tools.map((tool) => tool.name).join(', ')}`);
		const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));
		assert.deepEqual(Object.keys(byName).sort(), [V1_TOOL, V2_TOOL].sort());
		assert.ok(byName[V1_TOOL].inputSchema.properties?.userId, JSON.stringify(byName[V1_TOOL]));
		assert.ok(byName[V2_TOOL].inputSchema.properties?.studentId, JSON.stringify(byName[V2_TOOL]));
	});

	test(`[${key}] MCP: calling the v1 tool returns the user from Skilljar, read once with the API key`, async () => {
		sandbox().clearRequests();
		const answer = await open().callTool(V1_TOOL, { userId: DEMO.userId });
		assert.equal(answer.isError, false, answer.text.slice(0, 500));
		const [user] = recordsIn(answer.text);
		assert.equal(user?.id, DEMO.userId, answer.text.slice(0, 500));
		assert.equal(user?.email, DEMO.userEmail, answer.text.slice(0, 500));
		// The sandbox answers 200 only with its API key: the one request went to the Base URL with it.
		assert.deepEqual(seen(), ['GET /v1/users/{user_id} 200']);
	});

	test(`[${key}] MCP: the v2 tool renews a token due for renewal before its request and saves it to the credential`, async (t) => {
		const s = sandbox();
		const lifetime = s.v2Tokens.lifetimeSeconds;
		const call = async () => {
			const answer = await open().callTool(V2_TOOL, { studentId: DEMO.userId });
			assert.equal(answer.isError, false, answer.text.slice(0, 500));
			const [student] = recordsIn(answer.text);
			assert.equal(student?.id, DEMO.userId, answer.text.slice(0, 500));
			return student;
		};
		const updatedAt = async () => {
			const res = await client().request('GET', `/credentials/${CREDENTIAL_V2_ID}`);
			assert.equal(res.status, 200, `GET /rest/credentials/${CREDENTIAL_V2_ID}: HTTP ${res.status}`);
			return Date.parse(res.json?.data?.updatedAt);
		};
		try {
			// A 2-second token (due 1.5 s after it was fetched); the token saved by earlier checks is
			// refused from now on, so this first call gets a new one after Skilljar's refusal.
			s.v2Tokens.lifetimeSeconds = 2;
			s.expireV2Tokens();
			s.clearRequests();
			const student = await call();
			assert.equal(student.email, DEMO.userEmail);
			const first = seen();
			t.diagnostic(`first call (saved token refused): ${first.join(', ')}`);
			// Refused once, renewed once, sent again once (alone, the credential has no token yet).
			const fetched = ['POST /v2/auth/token 200', 'GET /v2/students/{id} 200'];
			const expected = first[0] === 'GET /v2/students/{id} 401' ? [first[0], ...fetched] : fetched;
			assert.deepEqual(first, expected);

			await sleep(2000);
			s.v2Tokens.lifetimeSeconds = lifetime;
			const before = await updatedAt();
			await call();
			const renewed = seen();
			t.diagnostic(`second call (token due): ${renewed.join(', ')}`);
			assert.deepEqual(
				renewed,
				['POST /v2/auth/token 200', 'GET /v2/students/{id} 200'],
				'the token is renewed first, then the request goes once with it (no 401)',
			);
			assert.ok((await updatedAt()) > before, 'the renewed token was not saved to the credential');

			await call();
			const reused = seen();
			t.diagnostic(`third call: ${reused.join(', ')}`);
			assert.deepEqual(reused, ['GET /v2/students/{id} 200'], 'the saved token is used as it is');
		} finally {
			s.v2Tokens.lifetimeSeconds = lifetime;
		}
	});

	test(`[${key}] MCP: an ID from the agent that is not a Skilljar ID is a tool error naming the field, and nothing is sent`, async (t) => {
		sandbox().clearRequests();
		for (const [tool, args, field] of /** @type {const} */ ([
			[V1_TOOL, { userId: 'Ada Lovelace' }, 'User'],
			[V2_TOOL, { studentId: '../v2/students/' }, 'Student'],
		])) {
			const answer = await open().callTool(tool, args);
			t.diagnostic(`${tool}: ${answer.text.split('\n')[0]}`);
			assert.equal(answer.isError, true, `${tool} answered: ${answer.text.slice(0, 300)}`);
			const problem = `must be a Skilljar ID (lowercase letters and digits), got "${Object.values(args)[0]}"`;
			assert.ok(answer.text.includes(`${field} ${problem}`), answer.text.slice(0, 300));
		}
		assert.deepEqual(seen(), [], 'a request reached Skilljar');
	});

	test(`[${key}] MCP: no API key, client secret or token in the MCP answers or in n8n's log`, async () => {
		const s = sandbox();
		const secrets = [s.apiKey, s.v2ClientSecret, ...s.v2Tokens.issuedTokens()];
		assert.ok(s.v2Tokens.issuedTokens().length >= 2, 'no tokens were issued to look for');
		const answers = open().answers;
		await open().close();
		await setActive(client(), WF.mcpTools, false);
		const log = fs.readFileSync(path.join(ctx.logs, 'server.log'), 'utf8');
		// The tool errors above are logged: the log looked through covers these calls.
		assert.ok(log.includes(`Error while executing Tool ${V1_TOOL}`), 'the tool calls left no log');
		for (const [where, text] of [
			['the MCP answers', answers.join('\n')],
			["n8n's log", log],
		]) {
			for (const secret of secrets) {
				assert.ok(!text.includes(secret), `${where} contain a secret (${secret.slice(0, 3)}…)`);
			}
		}
	});
}
