// @ts-check
// A small MCP client for the e2e checks: JSON-RPC over the streamable HTTP transport that n8n's
// MCP Server Trigger serves at its production URL (both n8n lines). `initialize` opens a session
// whose id comes back in the `mcp-session-id` header and goes with every later message; answers
// come as a JSON body or as server-sent events, each `data:` line one message. Every raw answer
// is kept so that a test can look through all of them.

import assert from 'node:assert/strict';

/** How long one MCP request may take (a tool call runs a node against the sandbox). */
const REQUEST_TIMEOUT_MS = 60000;

/**
 * The JSON-RPC messages in one HTTP answer.
 * @param {string} text @param {string | null} contentType @returns {any[]}
 */
function messagesIn(text, contentType) {
	if (contentType?.includes('text/event-stream')) {
		return text
			.split(/\r?\n/)
			.filter((line) => line.startsWith('data:'))
			.map((line) => JSON.parse(line.slice('data:'.length)));
	}
	const body = text ? JSON.parse(text) : [];
	return Array.isArray(body) ? body : [body];
}

export class McpSession {
	/** @param {string} url the MCP Server Trigger's production URL */
	constructor(url) {
		this.url = url;
		this.sessionId = '';
		this.nextId = 1;
		/** @type {string[]} every HTTP answer's body, as received */
		this.answers = [];
	}

	/** @param {string} method @param {unknown} [body] */
	async send(method, body) {
		const res = await fetch(this.url, {
			method,
			headers: {
				'Content-Type': 'application/json',
				Accept: 'application/json, text/event-stream',
				...(this.sessionId ? { 'mcp-session-id': this.sessionId } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		const text = await res.text();
		this.answers.push(text);
		return { res, text };
	}

	/** A JSON-RPC request; its result, or a failed assertion with the error. @param {string} method @param {unknown} params */
	async request(method, params) {
		const id = this.nextId++;
		const { res, text } = await this.send('POST', { jsonrpc: '2.0', id, method, params });
		assert.equal(res.status, 200, `MCP ${method}: HTTP ${res.status} ${text.slice(0, 300)}`);
		const reply = messagesIn(text, res.headers.get('content-type')).find((m) => m.id === id);
		assert.ok(reply, `MCP ${method}: no answer to request ${id} in ${text.slice(0, 300)}`);
		assert.equal(reply.error, undefined, `MCP ${method}: ${JSON.stringify(reply.error)}`);
		return { result: reply.result, res };
	}

	/** Opens the session (`initialize`, then the `initialized` notification). */
	async open() {
		const { result, res } = await this.request('initialize', {
			protocolVersion: '2025-03-26',
			capabilities: {},
			clientInfo: { name: 'n8n-nodes-skilljar-e2e', version: '1.0.0' },
		});
		this.sessionId = res.headers.get('mcp-session-id') ?? '';
		assert.ok(this.sessionId, 'initialize answered without an mcp-session-id header');
		const note = await this.send('POST', { jsonrpc: '2.0', method: 'notifications/initialized' });
		assert.ok(note.res.status < 300, `initialized: HTTP ${note.res.status} ${note.text.slice(0, 200)}`);
		return result;
	}

	/** @returns {Promise<Array<{ name: string, description?: string, inputSchema: any }>>} */
	async listTools() {
		return (await this.request('tools/list', {})).result.tools;
	}

	/**
	 * @param {string} name @param {Record<string, unknown>} args
	 * @returns {Promise<{ isError: boolean, text: string }>} the answer's text content, joined
	 */
	async callTool(name, args) {
		const { result } = await this.request('tools/call', { name, arguments: args });
		const text = (result.content ?? [])
			.map((/** @type {{ text?: string }} */ part) => part.text ?? '')
			.join('\n');
		return { isError: result.isError === true, text };
	}

	/** Ends the session on the server (best effort: the workflow may be gone already). */
	async close() {
		if (!this.sessionId) return;
		await this.send('DELETE').catch(() => undefined);
		this.sessionId = '';
	}
}
