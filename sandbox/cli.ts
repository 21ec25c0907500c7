// Command line for the sandbox (`--help` lists commands, switches and environment).
// Only the first 6 characters of the API key are ever printed.

import defaults from './defaults.json';
import { EVENT_TYPES } from './events';
import { applyCliSwitches } from './faults';
import { DEFAULT_API_KEY, startSandbox } from './server';

const USAGE = `Usage:
  node build/sandbox/cli.js [SWITCHES]      start the sandbox (also: npm run sandbox)
  node build/sandbox/cli.js fire TYPE [--url URL]
                                            fire a webhook event through a running sandbox
  node build/sandbox/cli.js --help          this text

Switches (fault injection, see sandbox/faults.ts; repeatable where marked …):
  --latency MS               wait MS milliseconds before answering every request
  --rate-limit N/SECONDS …   answer 429 with Retry-After beyond N requests per SECONDS
  --fault JSON …             one fault rule, e.g.
                             '{"method":"GET","path":"/v1/courses","fault":{"kind":"status","status":503}}'
                             kinds: status, drop, hang, redirect, body, rewrite, delay

Environment:
  SKILLJAR_SANDBOX_PORT      port on 127.0.0.1 (default ${defaults.port})
  SKILLJAR_SANDBOX_API_KEY   the API key clients must send (default: the demo key)
  SKILLJAR_SANDBOX_STRICT    0 accepts (and drops) unknown body fields, as live Skilljar does;
                             default: strict, unknown fields are rejected

Event types: ${EVENT_TYPES.join(', ')}`;

function apiKeyFromEnv(): string {
	return process.env.SKILLJAR_SANDBOX_API_KEY || DEFAULT_API_KEY;
}

/** Strict body checks unless SKILLJAR_SANDBOX_STRICT=0 (then unknown fields are dropped, as live). */
function strictFromEnv(): boolean {
	return process.env.SKILLJAR_SANDBOX_STRICT !== '0';
}

async function serve(args: string[]): Promise<void> {
	const rawPort = process.env.SKILLJAR_SANDBOX_PORT;
	const port = rawPort ? Number(rawPort) : defaults.port;
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		throw new Error(`Invalid SKILLJAR_SANDBOX_PORT: ${String(rawPort)}`);
	}
	const apiKey = apiKeyFromEnv();
	const sandbox = await startSandbox({ apiKey, port, strict: strictFromEnv() });
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
		`API v2 client: ${sandbox.v2ClientId} (secret: v2ClientSecret in sandbox/defaults.json; POST /v2/auth/token)`,
	);
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
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => stop(signal));
	}
}

async function fire(args: string[]): Promise<void> {
	const eventType = args[0];
	if (!eventType || eventType.startsWith('-')) throw new Error(USAGE);
	const urlFlag = args.indexOf('--url');
	const base =
		(urlFlag >= 0 && args[urlFlag + 1]) ||
		`http://127.0.0.1:${process.env.SKILLJAR_SANDBOX_PORT || defaults.port}`;
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

async function main(args: string[]): Promise<void> {
	const [command, ...rest] = args;
	if (command === '--help' || command === '-h' || command === 'help') return console.log(USAGE);
	if (command === 'fire') return fire(rest);
	if (command !== undefined && !command.startsWith('--'))
		throw new Error(`Unknown command "${command}".\n\n${USAGE}`);
	return serve(args);
}

main(process.argv.slice(2)).catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	process.exit(1);
});
