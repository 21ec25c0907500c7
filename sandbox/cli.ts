/* eslint-disable @n8n/community-nodes/no-restricted-globals, no-console -- the sandbox is a standalone Node server, not n8n node code; the CLI talks to a terminal */
// Command line for the sandbox.
//   node build/sandbox/cli.js                  start it (SKILLJAR_SANDBOX_PORT, SKILLJAR_SANDBOX_API_KEY)
//       [--latency MS] [--rate-limit N/SECONDS]… [--fault JSON]…   switches from faults.ts
//   node build/sandbox/cli.js fire TYPE [--url http://127.0.0.1:4010]
//                                              fire a webhook event through a running sandbox
// Only the first 6 characters of the API key are ever printed.

import { applyCliSwitches } from './faults';
import { DEFAULT_API_KEY, startSandbox } from './server';

const DEFAULT_PORT = 4010;

function apiKeyFromEnv(): string {
	return process.env.SKILLJAR_SANDBOX_API_KEY || DEFAULT_API_KEY;
}

async function serve(args: string[]): Promise<void> {
	const rawPort = process.env.SKILLJAR_SANDBOX_PORT;
	const port = rawPort ? Number(rawPort) : DEFAULT_PORT;
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid SKILLJAR_SANDBOX_PORT: ${String(rawPort)}`);
	}
	const apiKey = apiKeyFromEnv();
	const sandbox = await startSandbox({ apiKey, port });
	let switches: string[];
	try {
		switches = applyCliSwitches(sandbox.faults, args);
	} catch (err) {
		await sandbox.close();
		console.error(err instanceof Error ? err.message : String(err));
		process.exitCode = 1;
		return;
	}
	console.log(`Skilljar API sandbox listening on ${sandbox.url}`);
	for (const note of switches) console.log(`Switch: ${note}`);
	console.log(`API key: ${apiKey.slice(0, 6)}… (HTTP Basic username, empty password)`);
	console.log(
		`Fire webhook events: node build/sandbox/cli.js fire COURSE_COMPLETION --url ${sandbox.url}`,
	);
	const stop = (signal: string) => {
		console.log(`${signal} received, stopping.`);
		sandbox.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', () => stop('SIGINT'));
	process.once('SIGTERM', () => stop('SIGTERM'));
}

async function fire(args: string[]): Promise<void> {
	const eventType = args[0];
	if (!eventType) throw new Error('Usage: cli.js fire EVENT_TYPE [--url http://127.0.0.1:4010]');
	const urlFlag = args.indexOf('--url');
	const base =
		(urlFlag >= 0 && args[urlFlag + 1]) ||
		`http://127.0.0.1:${process.env.SKILLJAR_SANDBOX_PORT || DEFAULT_PORT}`;
	const response = await fetch(
		`${base.replace(/\/+$/, '')}/_sandbox/events/${encodeURIComponent(eventType)}`,
		{
			method: 'POST',
			headers: {
				Accept: 'application/json',
				Authorization: `Basic ${Buffer.from(`${apiKeyFromEnv()}:`).toString('base64')}`,
			},
		},
	);
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		console.error(`Sandbox answered HTTP ${response.status}: ${JSON.stringify(body)}`);
		process.exitCode = 1;
		return;
	}
	const deliveries =
		typeof body === 'object' &&
		body !== null &&
		Array.isArray((body as { deliveries?: unknown }).deliveries)
			? (body as { deliveries: Array<{ url: string; status: number | null; error?: string }> })
					.deliveries
			: [];
	console.log(`${eventType}: ${deliveries.length} deliver${deliveries.length === 1 ? 'y' : 'ies'}`);
	for (const d of deliveries) {
		console.log(
			`  ${d.url} → ${d.status === null ? `no answer (${d.error ?? 'error'})` : `HTTP ${d.status}`}`,
		);
	}
}

const [command, ...rest] = process.argv.slice(2);
(command === 'fire' ? fire(rest) : serve(process.argv.slice(2))).catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exit(1);
});
