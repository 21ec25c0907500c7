import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import type { RateLimit } from '../sandbox/pacing';

/**
 * The sandbox on its own thread, for the benchmark. In the test process it would share one event
 * loop with the node under test, so the time the sandbox spends building and serialising pages
 * would be billed to the transport; Skilljar's own work happens on Skilljar's machines. The
 * worker loads the sandbox's TypeScript sources itself (TypeScript's transpileModule, so no build
 * step and never a stale copy) and answers a few commands: set up data, switch latency and rate
 * limits, and report what it received.
 */

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const ts = require(workerData.typescriptPath);
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
		fileName: filename,
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
	});
	module._compile(outputText, filename);
};
const { startSandbox } = require(workerData.serverPath);
let sandbox;
const commands = {
	async start({ apiKey, latencyMs, rateLimits }) {
		sandbox = await startSandbox({ apiKey });
		sandbox.faults.latencyMs = latencyMs;
		sandbox.faults.setRateLimits(rateLimits);
		return { url: sandbox.url, apiKey: sandbox.apiKey, v2ClientId: sandbox.v2ClientId, v2ClientSecret: sandbox.v2ClientSecret };
	},
	switches({ latencyMs, rateLimits }) {
		sandbox.faults.latencyMs = latencyMs;
		sandbox.faults.setRateLimits(rateLimits);
		sandbox.clearRequests();
	},
	fillDomainUsers({ path, total, prefix }) {
		const existing = sandbox.store.collection(path).length;
		const items = [];
		for (let index = 0; index < total - existing; index++) {
			const id = prefix + String(index).padStart(10, '0');
			items.push({ user: { id, email: prefix + index + '@example.com', first_name: 'Bench', last_name: String(index) }, active: true });
		}
		sandbox.insertMany(path, items);
		return items.map((item) => item.user.id);
	},
	received() {
		return {
			requests: sandbox.requests.length,
			posts: sandbox.requests.filter((r) => r.method === 'POST').length,
			throttled: sandbox.faults.throttled,
		};
	},
	countByEmail({ path }) {
		const counts = {};
		for (const item of sandbox.store.collection(path)) {
			const email = item.user && String(item.user.email).toLowerCase();
			counts[email] = (counts[email] || 0) + 1;
		}
		return counts;
	},
	countByUser({ path }) {
		const counts = {};
		for (const item of sandbox.store.collection(path)) {
			const id = item.user && item.user.id;
			counts[id] = (counts[id] || 0) + 1;
		}
		return counts;
	},
	async close() {
		await sandbox.close();
	},
};
parentPort.on('message', async ({ id, command, args }) => {
	try {
		parentPort.postMessage({ id, result: await commands[command](args) });
	} catch (error) {
		parentPort.postMessage({ id, error: String(error && error.stack || error) });
	}
});
`;

export class RemoteSandbox {
	private nextId = 0;
	private readonly pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();

	private constructor(
		private readonly worker: Worker,
		public url = '',
		public apiKey = '',
		public v2ClientId = '',
		public v2ClientSecret = '',
	) {
		worker.on(
			'message',
			({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
				const waiter = this.pending.get(id);
				this.pending.delete(id);
				if (error) waiter?.reject(new Error(error));
				else waiter?.resolve(result);
			},
		);
		worker.on('error', (error) => {
			for (const waiter of this.pending.values()) waiter.reject(error);
			this.pending.clear();
		});
	}

	static async start(
		apiKey: string,
		latencyMs = 0,
		rateLimits: RateLimit[] = [],
	): Promise<RemoteSandbox> {
		const serverPath = join(__dirname, '..', 'sandbox', 'server.ts');
		const typescriptPath = require.resolve('typescript');
		const sandbox = new RemoteSandbox(
			new Worker(WORKER_SOURCE, { eval: true, workerData: { serverPath, typescriptPath } }),
		);
		const started = (await sandbox.call('start', { apiKey, latencyMs, rateLimits })) as {
			url: string;
			v2ClientId: string;
			v2ClientSecret: string;
		};
		sandbox.url = started.url;
		sandbox.apiKey = apiKey;
		sandbox.v2ClientId = started.v2ClientId;
		sandbox.v2ClientSecret = started.v2ClientSecret;
		return sandbox;
	}

	call(command: string, args: Record<string, unknown> = {}): Promise<unknown> {
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.worker.postMessage({ id, command, args });
		});
	}

	/** Makes a domain's user list exactly `total` long; returns the ids it added. */
	async fillDomainUsers(path: string, total: number, prefix: string): Promise<string[]> {
		return (await this.call('fillDomainUsers', { path, total, prefix })) as string[];
	}

	/** New latency and rate limits; also clears the request log. */
	async switches(latencyMs: number, rateLimits: RateLimit[] = []): Promise<void> {
		await this.call('switches', { latencyMs, rateLimits });
	}

	async received(): Promise<{ requests: number; posts: number; throttled: number }> {
		return (await this.call('received')) as { requests: number; posts: number; throttled: number };
	}

	/** How many records of a collection each user id has. */
	async countByUser(path: string): Promise<Record<string, number>> {
		return (await this.call('countByUser', { path })) as Record<string, number>;
	}

	/** How many records of a collection each (lower-cased) user email has. */
	async countByEmail(path: string): Promise<Record<string, number>> {
		return (await this.call('countByEmail', { path })) as Record<string, number>;
	}

	async close(): Promise<void> {
		try {
			await this.call('close');
		} finally {
			await this.worker.terminate();
		}
	}
}
