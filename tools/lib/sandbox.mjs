// @ts-check
// The Skilljar sandbox seen from the tools: start build/sandbox/cli.js as a server process,
// authenticate to it, and read its facts (demo records, event types) from its build instead
// of repeating them.

import { createRequire } from 'node:module';
import path from 'node:path';
import { readJson } from './package.mjs';
import { ROOT } from './paths.mjs';
import { startProcess, waitFor } from './processes.mjs';

const require = createRequire(import.meta.url);
const DEFAULTS = readJson(path.join(ROOT, 'sandbox', 'defaults.json'));

/** The sandbox's port and API key unless overridden (sandbox/defaults.json is the one source). */
export const SANDBOX_PORT = Number(process.env.SKILLJAR_SANDBOX_PORT || DEFAULTS.port);
export const SANDBOX_API_KEY = process.env.SKILLJAR_SANDBOX_API_KEY || String(DEFAULTS.apiKey);

/** @param {string} [apiKey] */
export function sandboxHeaders(apiKey = SANDBOX_API_KEY) {
	return {
		Accept: 'application/json',
		'Content-Type': 'application/json',
		Authorization: `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`,
	};
}

/**
 * Start the sandbox CLI in its own process group and wait until it answers.
 * @param {{ port: number, apiKey?: string, logFile: string, echo?: boolean, onStart?: (child: import('./processes.mjs').Server) => void }} options
 *   `onStart` gets the process as soon as it is spawned, before it answers.
 */
export async function startSandboxProcess({
	port,
	apiKey = SANDBOX_API_KEY,
	logFile,
	echo,
	onStart,
}) {
	const child = startProcess(process.execPath, [path.join(ROOT, 'build', 'sandbox', 'cli.js')], {
		env: { ...process.env, SKILLJAR_SANDBOX_PORT: String(port), SKILLJAR_SANDBOX_API_KEY: apiKey },
		logFile,
		echo,
	});
	onStart?.(child);
	const url = `http://127.0.0.1:${port}`;
	await waitFor(
		'the sandbox',
		async () => (await fetch(`${url}/v1/ping`, { headers: sandboxHeaders(apiKey) })).ok,
		{ timeoutMs: 20000, intervalMs: 200, child },
	);
	return { child, url };
}

/**
 * A record of the sandbox's store, as its JSON answers carry it (sandbox/store.ts: Item).
 * @typedef {Record<string, unknown>} SandboxRecord
 */

/**
 * One request the sandbox received (sandbox/server.ts: RequestLogEntry).
 * @typedef {{
 *   method: string, path: string, template: string | null, query: Record<string, string>,
 *   body: unknown, status: number, fault?: string, receivedAt: number,
 * }} SandboxRequest
 */

/**
 * One webhook delivery the sandbox sent (sandbox/webhooks.ts: Delivery).
 * @typedef {{
 *   id: string, url: string, status: number | null, webhookIds: string[], started: boolean,
 *   replayOf?: string, error?: string,
 * }} SandboxDelivery
 */

/**
 * The part of a sandbox started in this process (sandbox/server.ts: Sandbox) that the
 * end-to-end suites use. Written out here: importing the TypeScript type would make the tools'
 * type-check read the sandbox and the generated tables as well (twice the time).
 * @typedef {{
 *   url: string, apiKey: string, v2ClientId: string, v2ClientSecret: string,
 *   requests: SandboxRequest[],
 *   clearRequests: () => void,
 *   list: (listPath: string) => SandboxRecord[],
 *   insertMany: (listPath: string, items: SandboxRecord[]) => SandboxRecord[],
 *   v2NewestFirst: boolean,
 *   deliverEvent: (type: string, overrides?: SandboxRecord) => Promise<SandboxDelivery[]>,
 *   replayDelivery: (id: string, copies?: number) => Promise<SandboxDelivery[] | undefined>,
 *   faults: {
 *     throttled: number,
 *     latencyMs: number,
 *     setRateLimits: (limits: Array<{ requests: number, windowSeconds: number }>) => void,
 *   },
 *   v2Tokens: { lifetimeSeconds: number, issuedTokens: () => string[] },
 *   expireV2Tokens: () => void,
 *   close: () => Promise<void>,
 * }} InProcessSandbox
 */

/** A domain user or an enrollment in the sandbox: each names its user. */
/** @typedef {{ user: { id: string, email: string } }} SandboxMember */

/**
 * A sandbox collection whose records each name their user (domain users, enrollments).
 * @param {InProcessSandbox} sandbox @param {string} listPath
 */
export const membersOf = (sandbox, listPath) =>
	/** @type {SandboxMember[]} */ (sandbox.list(listPath));

/**
 * What the built sandbox knows (run the build first): its seed's demo ids, the webhook event
 * types, its enrollment record shape, and `startSandbox` to run one in this process.
 * @returns {{
 *   DEMO: { domainName: string, publishedCourseId: string, userId: string, groupIds: string[] } & Record<string, unknown>,
 *   EVENT_TYPES: readonly string[],
 *   enrollment: (id: string, user: { id: string, email: string }, enrolledAt: string) => SandboxRecord,
 *   startSandbox: (options: { port?: number, apiKey?: string }) => Promise<InProcessSandbox>,
 * }}
 */
export function builtSandbox() {
	const dir = path.join(ROOT, 'build', 'sandbox');
	return {
		DEMO: require(path.join(dir, 'seed.js')).DEMO,
		EVENT_TYPES: require(path.join(dir, 'events.js')).EVENT_TYPES,
		enrollment: require(path.join(dir, 'records.js')).enrollment,
		startSandbox: require(path.join(dir, 'server.js')).startSandbox,
	};
}
