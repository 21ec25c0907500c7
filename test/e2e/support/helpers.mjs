// @ts-check
// Small helpers the end-to-end tests share: reading n8n's run output, the sandbox's webhooks
// and event firing, and n8n's executions and workflow activation through its REST API.

import assert from 'node:assert/strict';
import { sandboxHeaders } from '../../../tools/lib/sandbox.mjs';

/** @typedef {{ url: string, apiKey: string }} SandboxAddress */
/** @typedef {import('../../../tools/lib/n8n-client.mjs').N8nClient} N8nClient */

/** `n8n execute --rawOutput` prints log lines first, then the run as pretty JSON. @param {string} stdout */
export function parseRawOutput(stdout) {
	const start = stdout.search(/^\{/m);
	assert.ok(start >= 0, `no JSON in n8n execute output:\n${stdout.slice(-2000)}`);
	return JSON.parse(stdout.slice(start));
}

/**
 * The items a node put out on its first run.
 * @param {any} run @param {string} nodeName @returns {any[]}
 */
export function nodeItems(run, nodeName) {
	const runs = run.data?.resultData?.runData?.[nodeName];
	assert.ok(runs?.length, `node "${nodeName}" did not run`);
	return runs[0].data?.main?.[0] ?? [];
}

/** Every webhook registered in the sandbox, across pages. @param {SandboxAddress} sandbox @returns {Promise<any[]>} */
export async function sandboxWebhooks(sandbox) {
	const all = [];
	/** @type {string | null} */
	let url = `${sandbox.url}/v1/webhooks`;
	for (let page = 0; url && page < 50; page += 1) {
		const res = await fetch(url, { headers: sandboxHeaders(sandbox.apiKey) });
		assert.ok(res.ok, `sandbox GET /v1/webhooks: HTTP ${res.status}`);
		const body = /** @type {any} */ (await res.json());
		all.push(...(Array.isArray(body) ? body : (body.results ?? [])));
		url = Array.isArray(body) ? null : body.next;
	}
	return all;
}

/**
 * Have the sandbox deliver one event of `type` to every matching webhook.
 * @param {SandboxAddress} sandbox @param {string} type @param {Record<string, unknown>} overrides
 * @returns {Promise<Array<{ id: string, status?: number, started?: boolean, error?: string }>>}
 */
export async function fireEvent(sandbox, type, overrides) {
	const res = await fetch(`${sandbox.url}/_sandbox/events/${type}`, {
		method: 'POST',
		headers: sandboxHeaders(sandbox.apiKey),
		body: JSON.stringify(overrides),
	});
	assert.ok(res.ok, `firing ${type}: HTTP ${res.status}`);
	return /** @type {any} */ (await res.json()).deliveries;
}

/**
 * Have the sandbox send a delivery again, as Skilljar's retry would (`copies` at the same moment).
 * @param {SandboxAddress} sandbox @param {string} deliveryId @param {number} [copies]
 * @returns {Promise<Array<{ id: string, status?: number, started?: boolean, error?: string }>>}
 */
export async function replayDelivery(sandbox, deliveryId, copies = 1) {
	const res = await fetch(`${sandbox.url}/_sandbox/deliveries/${deliveryId}/replay`, {
		method: 'POST',
		headers: sandboxHeaders(sandbox.apiKey),
		body: JSON.stringify({ copies }),
	});
	assert.ok(res.ok, `replaying ${deliveryId}: HTTP ${res.status}`);
	return /** @type {any} */ (await res.json()).deliveries;
}

/** Executions of a workflow, newest first. @param {N8nClient} client @param {string} workflowId @returns {Promise<any[]>} */
export async function executions(client, workflowId) {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const res = await client.request('GET', `/executions?filter=${filter}&limit=100`);
	assert.equal(
		res.status,
		200,
		`GET /rest/executions: HTTP ${res.status} ${res.text.slice(0, 200)}`,
	);
	const data = res.json?.data ?? {};
	return data.results ?? data;
}

/**
 * The run data of one execution (stored in n8n's "flatted" form).
 * @param {N8nClient} client @param {{ parse: (text: string) => any }} flatted @param {string} id
 */
export async function executionRun(client, flatted, id) {
	const res = await client.request('GET', `/executions/${id}`);
	assert.equal(res.status, 200, `GET /rest/executions/${id}: HTTP ${res.status}`);
	const raw = res.json?.data?.data;
	return typeof raw === 'string' ? flatted.parse(raw) : raw;
}

/**
 * Activate or deactivate a workflow the way the editor does (1.x and 2.x routes).
 * @param {N8nClient} client @param {string} workflowId @param {boolean} active
 */
export async function setActive(client, workflowId, active) {
	const wf = await client.request('GET', `/workflows/${workflowId}`);
	assert.equal(wf.status, 200, `GET /rest/workflows/${workflowId}: HTTP ${wf.status}`);
	const { versionId } = wf.json.data;
	let res = await client.request(
		'POST',
		`/workflows/${workflowId}/${active ? 'activate' : 'deactivate'}`,
		{ versionId },
	);
	if (res.status === 404) {
		res = await client.request('PATCH', `/workflows/${workflowId}`, { active, versionId });
	}
	assert.equal(
		res.status,
		200,
		`${active ? 'activating' : 'deactivating'} ${workflowId}: HTTP ${res.status} ${res.text.slice(0, 400)}`,
	);
	return res.json?.data;
}

/**
 * An API v2 call to the sandbox with a fresh token, as a Skilljar admin's script would make it.
 * @param {{ url: string, v2ClientId: string, v2ClientSecret: string }} sandbox
 * @param {string} method @param {string} route @param {unknown} body
 */
export async function sandboxV2(sandbox, method, route, body) {
	const token = await fetch(`${sandbox.url}/v2/auth/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({
			grant_type: 'client_credentials',
			client_id: sandbox.v2ClientId,
			client_secret: sandbox.v2ClientSecret,
		}),
	}).then((r) => r.json());
	const res = await fetch(`${sandbox.url}${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token.access_token}` },
		body: JSON.stringify(body),
	});
	assert.ok(res.ok, `${method} ${route}: HTTP ${res.status}`);
	return /** @type {any} */ (await res.json());
}

/**
 * What each execution of a workflow put out at `nodeName`, oldest execution first.
 * @param {N8nClient} client @param {{ parse: (text: string) => any }} flatted
 * @param {string} workflowId @param {string} nodeName
 * @returns {Promise<Array<{ id: string, items: any[] }>>}
 */
export async function executionOutputs(client, flatted, workflowId, nodeName) {
	const list = await executions(client, workflowId);
	const outputs = [];
	for (const e of [...list].reverse()) {
		const run = await executionRun(client, flatted, e.id);
		outputs.push({ id: e.id, items: nodeItems({ data: run }, nodeName).map((i) => i.json) });
	}
	return outputs;
}
