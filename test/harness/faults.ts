import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultRule } from '../../sandbox/faults';
import type { RequestLogEntry, Sandbox } from '../../sandbox/server';
import { closeServer, listenOnLoopback } from './loopback';
import { runNode, type RunNodeOptions, type RunNodeResult } from './run-node';

/**
 * The transport's node options, in one place: the fault matrix sets them low so a hang or a long
 * Retry-After is over in seconds (nodes/shared/requestOptions.ts defines them).
 */
export function transportOptions(settings: {
	timeoutSeconds?: number;
	maxWaitSeconds?: number;
}): INodeParameters {
	const options: INodeParameters = {};
	if (settings.timeoutSeconds !== undefined) options.timeout = settings.timeoutSeconds;
	if (settings.maxWaitSeconds !== undefined) options.maxWait = settings.maxWaitSeconds;
	return { requestOptions: options };
}

export interface StrayRequest {
	method: string;
	url: string;
	authorization?: string;
	body: string;
}

/**
 * A foreign server on 127.0.0.1 (another origin than the sandbox) that records what reaches it
 * and answers like a plausible API, so a transport that follows a redirect there would report
 * its answer as success.
 */
export interface StrayListener {
	origin: string;
	received: StrayRequest[];
	close(): Promise<void>;
}

export async function startStrayListener(): Promise<StrayListener> {
	const received: StrayRequest[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({
				method: req.method ?? 'GET',
				url: req.url ?? '/',
				authorization: req.headers.authorization,
				body: Buffer.concat(chunks).toString('utf8'),
			});
			const text = JSON.stringify({
				id: 'foreign000001',
				name: 'answer from a foreign host',
				count: 1,
				next: null,
				previous: null,
				results: [{ id: 'foreign000001' }],
			});
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(text);
		});
	});
	return { origin: await listenOnLoopback(server), received, close: () => closeServer(server) };
}

/** Whether the key reached the stray server in any form: Basic header, raw header or body. */
export function keyReached(stray: StrayListener, apiKey: string): boolean {
	const basic = Buffer.from(`${apiKey}:`).toString('base64');
	return stray.received.some(
		(request) =>
			(request.authorization ?? '').includes(basic) ||
			(request.authorization ?? '').includes(apiKey) ||
			request.body.includes(apiKey),
	);
}

/** What one fault scenario measured: the columns of the fault matrix. */
export interface Outcome {
	result: RunNodeResult;
	ms: number;
	itemsIn: number;
	/** Output items without an `error` field. */
	ok: IDataObject[];
	/** Output items with an `error` field (Continue On Fail). */
	errors: IDataObject[];
	/** Requests the sandbox received during the run (faulted ones included). */
	requests: RequestLogEntry[];
	posts: number;
	/** Requests that reached the stray listener, and whether any carried the key. */
	strayRequests: number;
	keyAtStray: boolean;
	/** The run was still going at the bound and its hung connections were cut. */
	cutAtBound: boolean;
}

export interface ScenarioOptions extends Omit<RunNodeOptions, 'credentials'> {
	sandbox: Sandbox;
	faults?: FaultRule[];
	stray?: StrayListener;
	/** Credentials other than the sandbox's own (Base URL variants). */
	credentials?: { apiKey: string; baseUrl: string };
	/** Hard bound for the run (ms); past it, hung connections are cut. Default 20 s. */
	boundMs?: number;
	/** Switches to set after the reset, e.g. a rate limit. */
	beforeRun?: (sandbox: Sandbox) => void;
}

/**
 * Runs a node through n8n-core against the sandbox with the given faults switched on and
 * measures it. Faults and the request log are reset first; the run is bounded in time.
 */
export async function runScenario(options: ScenarioOptions): Promise<Outcome> {
	const { sandbox, faults = [], stray, boundMs = 20000, beforeRun, ...run } = options;
	sandbox.faults.clear();
	sandbox.clearRequests();
	if (stray) stray.received.length = 0;
	for (const rule of faults) sandbox.faults.add(rule);
	beforeRun?.(sandbox);
	const items = run.items ?? [{}];
	const started = performance.now();
	const pending = runNode({
		...run,
		items,
		credentials: options.credentials ?? { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
	});
	let timer: NodeJS.Timeout | undefined;
	const bound = new Promise<'bound'>((resolve) => {
		timer = setTimeout(() => resolve('bound'), boundMs);
	});
	const first = await Promise.race([pending, bound]);
	clearTimeout(timer);
	let cutAtBound = false;
	if (first === 'bound') {
		cutAtBound = true;
		sandbox.faults.releaseHung();
	}
	const result = await pending;
	const ms = performance.now() - started;
	sandbox.faults.clear();
	const output = result.items.map((item) => item.json);
	const requests = [...sandbox.requests];
	return {
		result,
		ms,
		itemsIn: items.length,
		ok: output.filter((json) => json.error === undefined),
		errors: output.filter((json) => json.error !== undefined),
		requests,
		posts: requests.filter((request) => request.method === 'POST').length,
		strayRequests: stray?.received.length ?? 0,
		keyAtStray: stray ? keyReached(stray, sandbox.apiKey) : false,
		cutAtBound,
	};
}

interface MatrixRow {
	scenario: string;
	expected: string;
	outcome?: Outcome;
	passed: boolean;
}

/**
 * Collects one row per scenario and writes the measured matrix to test-output/ when the suite
 * ends. A row counts as passed only when its test reached the end of its assertions.
 */
export class FaultMatrix {
	private readonly rows: MatrixRow[] = [];

	row(scenario: string, expected: string, outcome: Outcome): MatrixRow {
		const row: MatrixRow = { scenario, expected, outcome, passed: false };
		this.rows.push(row);
		return row;
	}

	write(file = join(process.cwd(), 'test-output', 'fault-matrix.md')): void {
		const lines = [
			'| Scenario | Expected | Items in → ok / error | Requests (POSTs) | Key at foreign host | Time | Result |',
			'| --- | --- | --- | --- | --- | --- | --- |',
			...this.rows.map(({ scenario, expected, outcome, passed }) => {
				const o = outcome;
				const items = o
					? `${o.itemsIn} → ${o.ok.length} / ${o.errors.length || (o.result.error ? 'node error' : 0)}`
					: '';
				const requests = o ? `${o.requests.length} (${o.posts})` : '';
				const key = o
					? o.keyAtStray
						? 'LEAKED'
						: o.strayRequests
							? `no (${o.strayRequests} req)`
							: 'no'
					: '';
				const time = o
					? `${(o.ms / 1000).toFixed(2)} s${o.cutAtBound ? ' (cut at bound)' : ''}`
					: '';
				return `| ${scenario} | ${expected} | ${items} | ${requests} | ${key} | ${time} | ${passed ? 'pass' : 'FAIL'} |`;
			}),
		];
		mkdirSync(join(file, '..'), { recursive: true });
		writeFileSync(file, `${lines.join('\n')}\n`);
	}
}

/** The message and description of a node error or an error item, for "names X" checks. */
export function errorText(outcome: Outcome): string {
	const item = outcome.errors[0];
	if (item) return `${String(item.error)} ${String(item.description ?? '')}`;
	const error = outcome.result.error;
	return error ? `${error.message} ${error.description ?? ''}` : '';
}
