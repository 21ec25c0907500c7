import { SupplyDataContext } from 'n8n-core';
import {
	NodeConnectionTypes,
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type IRunExecutionData,
} from 'n8n-workflow';

import { DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { RENEW_MARGIN_SECONDS } from '../nodes/shared/v2/token';
import { SandboxCredentialsHelper } from './harness/credentials';
import { PACKAGE, TestNodeTypes } from './harness/node-types';
import {
	buildAdditionalData,
	runNode,
	type RunNodeResult,
	type V2Credentials,
} from './harness/run-node';
import { credentialsFor, useTestSandbox, v2CredentialsFor } from './harness/sandbox';

/**
 * The API v2 token through n8n-core's real httpRequestWithAuthentication against the sandbox:
 * renewed shortly before it expires (no request meets an expired token), after a 401 once, and
 * shared by parallel requests; writes go once; no secret or token reaches an output or error.
 */

let sandbox: Sandbox;
useTestSandbox((started) => (sandbox = started), 'all');

const STORED = 'skilljarV2Api';

const v2 = (stored: Partial<V2Credentials> = {}) => v2CredentialsFor(sandbox, stored);

/** One run of a node of version 1.1 with the given v2 credential. */
const run = async (
	parameters: INodeParameters,
	credentialsV2: V2Credentials,
	type = 'skilljarUser',
	items: IDataObject[] = [{}],
): Promise<RunNodeResult> =>
	await runNode({
		type,
		typeVersion: 1.1,
		parameters,
		items,
		credentials: credentialsFor(sandbox),
		credentialsV2,
	});

const getStudent = { resource: 'user', operation: 'getV2', studentId: DEMO.userId };

const seen = () =>
	sandbox.requests
		.filter((request) => request.path.startsWith('/v2/'))
		.map((request) => `${request.method} ${request.template ?? request.path} ${request.status}`);

/** A token the sandbox issued and still accepts, with the renewal time the credential saved. */
async function storedToken(): Promise<{ accessToken: string; accessTokenRenewAt: string }> {
	const first = await run(getStudent, v2());
	expect(first.error).toBeUndefined();
	const stored = first.credentialsHelper.storedData(STORED) ?? {};
	sandbox.clearRequests();
	return {
		accessToken: String(stored.accessToken),
		accessTokenRenewAt: String(stored.accessTokenRenewAt),
	};
}

const accepted = (token: string) => sandbox.v2Tokens.verify(`Bearer ${token}`).ok;

describe('renewal before expiry', () => {
	test('the credential saves when its token is due: the margin before expires_in', async () => {
		const asked = Date.now();
		const { accessToken, accessTokenRenewAt } = await storedToken();
		expect(accepted(accessToken)).toBe(true);
		const lifetimeMs = sandbox.v2Tokens.lifetimeSeconds * 1000;
		const renewAt = Date.parse(accessTokenRenewAt);
		expect(renewAt).toBeGreaterThanOrEqual(asked + lifetimeMs - RENEW_MARGIN_SECONDS * 1000);
		expect(renewAt).toBeLessThan(Date.now() + lifetimeMs - RENEW_MARGIN_SECONDS * 1000);
	});

	test('a still valid token whose renewal time has come is renewed before the request: no 401', async () => {
		const { accessToken } = await storedToken();
		const nearExpiry = new Date(Date.now() - 1000).toISOString();
		const result = await run(getStudent, v2({ accessToken, accessTokenRenewAt: nearExpiry }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.id).toBe(DEMO.userId);
		expect(seen()).toEqual(['POST /v2/auth/token 200', 'GET /v2/students/{id} 200']);
		const stored = result.credentialsHelper.storedData(STORED) ?? {};
		expect(stored.accessToken).not.toBe(accessToken);
		expect(accepted(String(stored.accessToken))).toBe(true);
		expect(Date.parse(String(stored.accessTokenRenewAt))).toBeGreaterThan(Date.now());
	});

	test('a token before its renewal time is used as stored: no token request', async () => {
		const token = await storedToken();
		const result = await run(getStudent, v2(token));
		expect(result.error).toBeUndefined();
		expect(seen()).toEqual(['GET /v2/students/{id} 200']);
		expect(result.credentialsHelper.preAuthentications).toBe(0);
	});

	test('a short-lived token is renewed once its renewal time passes, before Skilljar would refuse it', async () => {
		const lifetime = sandbox.v2Tokens.lifetimeSeconds;
		sandbox.v2Tokens.lifetimeSeconds = 2;
		try {
			const { accessToken, accessTokenRenewAt } = await storedToken();
			// Three quarters of a 2-second life: renewed from 1.5 s on, refused from 2 s on.
			const wait = Date.parse(accessTokenRenewAt) - Date.now() + 50;
			await new Promise((resolve) => setTimeout(resolve, wait));
			const result = await run(getStudent, v2({ accessToken, accessTokenRenewAt }));
			expect(result.error).toBeUndefined();
			expect(seen()).toEqual(['POST /v2/auth/token 200', 'GET /v2/students/{id} 200']);
		} finally {
			sandbox.v2Tokens.lifetimeSeconds = lifetime;
		}
	});

	test('parallel bulk writes share one renewed token, and each batch is sent once', async () => {
		const token = await storedToken();
		const due = { ...token, accessTokenRenewAt: new Date(Date.now() - 1000).toISOString() };
		const emails = Array.from({ length: 250 }, (_unused, index) => ({
			email: `renewal${index}@example.org`,
		}));
		const result = await run(
			{
				resource: 'enrollment',
				operation: 'enrollManyV2',
				publishedCourseId: DEMO.publishedCourseIds[3],
				email: '={{ $json.email }}',
				requestOptions: { batchSize: 25, parallelItems: 5 },
			},
			v2(due),
			'skilljarDomain',
			emails,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(result.items.every((item) => typeof item.json.id === 'string')).toBe(true);
		const requests = seen();
		expect(requests[0]).toBe('POST /v2/auth/token 200');
		expect(requests.filter((line) => line.startsWith('POST /v2/auth/token'))).toHaveLength(1);
		expect(requests.filter((line) => line === 'POST /v2/enrollments/ 200')).toHaveLength(10);
		expect(requests).toHaveLength(11);
	});

	test('when the renewal fails, the write is not sent and the error names the credential, not its secret', async () => {
		const token = await storedToken();
		const due = { ...token, accessTokenRenewAt: new Date(Date.now() - 1000).toISOString() };
		const result = await run(
			{ resource: 'user', operation: 'createManyV2', email: 'never@example.org' },
			v2({ ...due, clientSecret: 'a-wrong-secret-value' }),
		);
		expect(result.error?.message).toMatch(
			/Could not get an API v2 token: Skilljar refused the client ID or secret/,
		);
		expect(result.error?.description).toMatch(/POST \/v2\/students\/ was not sent/);
		expect(seen()).toEqual(['POST /v2/auth/token 401']);
		const text = JSON.stringify([result.items, result.error]);
		for (const secret of ['a-wrong-secret-value', sandbox.v2ClientSecret, token.accessToken]) {
			expect(text).not.toContain(secret);
		}
	});
});

describe('renewal after a 401', () => {
	test('a token of unknown lifetime that Skilljar refused is renewed once; the refused write goes once more', async () => {
		const { accessToken } = await storedToken();
		sandbox.expireV2Tokens();
		const result = await run(
			{ resource: 'user', operation: 'createManyV2', email: 'after401@example.org' },
			v2({ accessToken }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.email).toBe('after401@example.org');
		expect(seen()).toEqual([
			'POST /v2/students/ 401',
			'POST /v2/auth/token 200',
			'POST /v2/students/ 200',
		]);
		const renewAt = result.credentialsHelper.storedData(STORED)?.accessTokenRenewAt;
		expect(Date.parse(String(renewAt))).toBeGreaterThan(Date.now());
	});

	test('a freshly fetched token that is refused too fails the item without a second token request', async () => {
		sandbox.faults.add({
			path: '/v2/students/{id}',
			times: Infinity,
			fault: { kind: 'status', status: 401 },
		});
		const result = await run(getStudent, v2());
		expect(result.error?.message).toBe(
			'Skilljar refused the API v2 token, also after a new one was fetched',
		);
		expect(result.error?.httpCode).toBe('401');
		expect(seen()).toEqual(['POST /v2/auth/token 200', `GET /v2/students/${DEMO.userId} 401`]);
	});
});

/**
 * The node as an AI agent's tool: n8n-core runs its `execute` in a SupplyDataContext (a new one
 * per tool call), as n8n's tool invocation does, with that context's own request helpers.
 */
async function runAsTool(
	parameters: INodeParameters,
	credentialsV2: V2Credentials,
): Promise<{ items: INodeExecutionData[]; helper: SandboxCredentialsHelper }> {
	const node: INode = {
		id: 'tool',
		name: 'Skilljar User Tool',
		type: `${PACKAGE}.skilljarUser`,
		typeVersion: 1.1,
		position: [0, 0],
		parameters,
		credentials: { skilljarV2Api: { id: '2', name: 'Skilljar v2 sandbox' } },
	};
	const nodeTypes = new TestNodeTypes();
	const workflow = new Workflow({
		id: 'tool-workflow',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
		settings: { executionOrder: 'v1' },
	});
	const helper = new SandboxCredentialsHelper(credentialsFor(sandbox), undefined, {
		...credentialsV2,
	});
	const runData = { resultData: { runData: {} } } as unknown as IRunExecutionData;
	const context = new SupplyDataContext(
		workflow,
		node,
		buildAdditionalData(helper),
		'manual',
		runData,
		0,
		[],
		{},
		NodeConnectionTypes.AiTool,
		{ node, data: {}, source: null },
		[],
	);
	context.addInputData(NodeConnectionTypes.AiTool, [[{ json: { query: 'the demo learner' } }]]);
	const execute = nodeTypes.getByName(node.type).execute;
	const output = (await execute?.call(context as never)) as INodeExecutionData[][];
	return { items: output[0], helper };
}

describe('as an AI tool', () => {
	test('a tool call with a token due for renewal renews it before the request and saves it', async () => {
		const token = await storedToken();
		const due = { ...token, accessTokenRenewAt: new Date(Date.now() - 1000).toISOString() };
		const { items, helper } = await runAsTool(getStudent, v2(due));
		expect(items[0].json.id).toBe(DEMO.userId);
		expect(seen()).toEqual(['POST /v2/auth/token 200', 'GET /v2/students/{id} 200']);
		const stored = helper.storedData(STORED) ?? {};
		expect(stored.accessToken).not.toBe(token.accessToken);
		expect(Date.parse(String(stored.accessTokenRenewAt))).toBeGreaterThan(Date.now());
		expect(JSON.stringify(items)).not.toContain(String(stored.accessToken));
	});
});
