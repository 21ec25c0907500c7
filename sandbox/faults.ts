// Fault switches for the sandbox: the ways a real network and a real Skilljar misbehave, so the
// fault-matrix tests and the benchmark can check what the nodes do about them. Nothing here runs
// unless a test or the CLI switches it on.
//
// A rule matches by method and path and fires a given number of times. Some faults replace the
// answer before Skilljar's logic runs (the request was not processed: status, dropped connection,
// hang, redirect); others let the request be processed and then spoil the answer (the write
// happened but the client cannot know: `afterHandling` drops and hangs, broken bodies, rewritten
// pages). Every request, faulted or not, stays in the sandbox's request log.

import type http from 'node:http';

import { Pacing, parseRateLimit, type RateLimit } from './pacing';

export type Fault =
	/** Answer with this status (429/502/503/504 …) and optional `Retry-After` (seconds or HTTP date). */
	| { kind: 'status'; status: number; retryAfter?: number | string; body?: unknown }
	/** Destroy the connection without an answer; with afterHandling the request is processed first. */
	| { kind: 'drop'; afterHandling?: boolean }
	/** Accept and never answer (the connection stays open until the client gives up or the sandbox closes). */
	| { kind: 'hang'; afterHandling?: boolean }
	/** Redirect to `location`: an absolute URL, or a path on the sandbox itself. */
	| { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
	/** Process the request, then send `text` as the body (e.g. `{"id": "x` or `` or `null`). */
	| { kind: 'body'; text: string; status?: number; contentType?: string }
	/**
	 * Process the request, then overwrite top-level fields of its JSON answer, e.g.
	 * `{ next: null }` or `{ results: [] }` for a short page. In string values `{origin}` becomes
	 * the sandbox's own origin, for `next` links to another path.
	 */
	| { kind: 'rewrite'; set: Record<string, unknown> }
	/** Answer normally, after this many extra milliseconds. */
	| { kind: 'delay'; ms: number };

export interface FaultRule {
	/** Any method when omitted. */
	method?: string;
	/**
	 * `/v1/courses` matches that path only; `{name}` segments match any one segment
	 * (`/v1/domains/{domain_name}/users`); a trailing `*` makes it a prefix (`/v1/*`).
	 */
	path: string;
	/** Query parameters that must be present with these values, e.g. `{ page: '2' }`. */
	query?: Record<string, string>;
	/** How many matching requests get the fault (default 1; Infinity for all). */
	times?: number;
	fault: Fault;
}

export interface FaultHandle {
	readonly rule: FaultRule;
	/** Requests this rule has faulted so far. */
	hits: number;
}

/** What the request log records about a faulted request (merged into the server's log entry). */
export interface FaultedEntry {
	method: string;
	body: unknown;
	status: number;
	/** Which fault hit the request, e.g. `drop`, `status 503`, `rate-limit`. */
	fault?: string;
}

const MAX_RECORDED_BODY = 1024 * 1024;

function segmentsMatch(pattern: string, path: string): boolean {
	if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
	const want = pattern.split('/');
	const got = path.split('/');
	if (want.length !== got.length) return false;
	return want.every((part, i) => (/^\{[^/]+\}$/.test(part) ? got[i] !== '' : part === got[i]));
}

function ruleMatches(rule: FaultRule, method: string, url: URL): boolean {
	if (rule.method && rule.method.toUpperCase() !== method) return false;
	if (!segmentsMatch(rule.path, url.pathname)) return false;
	return Object.entries(rule.query ?? {}).every(
		([key, value]) => url.searchParams.get(key) === value,
	);
}

function faultName(fault: Fault): string {
	switch (fault.kind) {
		case 'status':
		case 'redirect':
			return `${fault.kind} ${fault.status}`;
		case 'drop':
		case 'hang':
			return fault.afterHandling ? `${fault.kind} after handling` : fault.kind;
		default:
			return fault.kind;
	}
}

/** Reads (and records) a request body the sandbox's handlers will never see. */
function drainBody(req: http.IncomingMessage): Promise<unknown> {
	return new Promise((resolve) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size <= MAX_RECORDED_BODY) chunks.push(chunk);
		});
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			if (!text) return resolve(undefined);
			try {
				resolve(JSON.parse(text) as unknown);
			} catch {
				resolve(text);
			}
		});
		req.on('error', () => resolve(undefined));
	});
}

function sendJson(
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	res.writeHead(status, {
		...headers,
		...(text ? { 'Content-Type': 'application/json' } : {}),
		'Content-Length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

/**
 * Lets the sandbox's handlers answer, then hands their status, headers and body to `finish`
 * instead of the client. The handlers answer with one writeHead and one end call.
 */
function captureAnswer(
	res: http.ServerResponse,
	finish: (status: number, headers: http.OutgoingHttpHeaders, body: string) => void,
): void {
	let status = 200;
	let headers: http.OutgoingHttpHeaders = {};
	const chunks: Buffer[] = [];
	const collect = (chunk: unknown) => {
		if (typeof chunk === 'string' || chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
	};
	res.writeHead = ((code: number, ...rest: unknown[]) => {
		status = code;
		const last = rest[rest.length - 1];
		if (typeof last === 'object' && last !== null)
			headers = { ...(last as http.OutgoingHttpHeaders) };
		return res;
	}) as typeof res.writeHead;
	res.write = ((chunk: unknown) => {
		collect(chunk);
		return true;
	}) as typeof res.write;
	res.end = ((chunk?: unknown) => {
		collect(chunk);
		finish(status, headers, Buffer.concat(chunks).toString('utf8'));
		return res;
	}) as typeof res.end;
}

export class FaultControl {
	readonly pacing = new Pacing();
	private rules: FaultHandle[] = [];
	/** Connections held open by `hang` faults, so a test can end them (see releaseHung). */
	private readonly hung = new Set<http.ServerResponse>();

	/** Adds a rule; rules are tried in the order they were added. */
	add(rule: FaultRule): FaultHandle {
		const handle: FaultHandle = { rule, hits: 0 };
		this.rules.push(handle);
		return handle;
	}

	set latencyMs(ms: number) {
		this.pacing.latencyMs = ms;
	}

	get latencyMs(): number {
		return this.pacing.latencyMs;
	}

	setRateLimits(limits: RateLimit[]): void {
		this.pacing.setRateLimits(limits);
	}

	/** Requests answered 429 by the rate limiter since the limits were last set. */
	get throttled(): number {
		return this.pacing.throttled;
	}

	/** Removes every rule, the latency and the rate limits, and ends hung connections. */
	clear(): void {
		this.rules = [];
		this.pacing.reset();
		this.releaseHung();
	}

	/** Destroys every connection a `hang` fault is holding open; returns how many there were. */
	releaseHung(): number {
		const count = this.hung.size;
		for (const res of this.hung) res.socket?.destroy();
		this.hung.clear();
		return count;
	}

	private hold(res: http.ServerResponse): void {
		this.hung.add(res);
		res.once('close', () => this.hung.delete(res));
	}

	private take(method: string, url: URL): FaultHandle | undefined {
		const handle = this.rules.find(
			(h) => h.hits < (h.rule.times ?? 1) && ruleMatches(h.rule, method, url),
		);
		if (handle) handle.hits++;
		return handle;
	}

	/**
	 * The sandbox's request entry point calls this first. It waits out the latency, enforces the
	 * rate limit and applies a matching fault. Resolves true when the request is fully dealt with;
	 * false when the sandbox's handlers should answer it (possibly through a capture set up here).
	 */
	async intercept(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		entry: FaultedEntry,
		url: URL,
		origin: string,
	): Promise<boolean> {
		if (url.pathname.startsWith('/_sandbox/')) return false;
		if (this.pacing.latencyMs > 0) await pause(this.pacing.latencyMs);

		const throttle = this.pacing.admit();
		if (throttle) {
			entry.fault = 'rate-limit';
			entry.status = 429;
			entry.body = await drainBody(req);
			sendJson(res, 429, throttle.body, { 'Retry-After': String(throttle.retryAfter) });
			return true;
		}

		const handle = this.take(entry.method, url);
		if (!handle) return false;
		const fault = handle.rule.fault;
		entry.fault = faultName(fault);

		switch (fault.kind) {
			case 'delay':
				await pause(fault.ms);
				return false;
			case 'status': {
				entry.status = fault.status;
				entry.body = await drainBody(req);
				const headers: Record<string, string> = {};
				if (fault.retryAfter !== undefined) headers['Retry-After'] = String(fault.retryAfter);
				const detail =
					fault.status === 429 ? 'Request was throttled.' : `Injected fault: HTTP ${fault.status}.`;
				sendJson(res, fault.status, fault.body ?? { detail }, headers);
				return true;
			}
			case 'redirect': {
				entry.status = fault.status;
				entry.body = await drainBody(req);
				const location = fault.location.startsWith('/') ? origin + fault.location : fault.location;
				res.writeHead(fault.status, { Location: location, 'Content-Length': '0' });
				res.end();
				return true;
			}
			case 'drop':
			case 'hang':
				if (fault.afterHandling) {
					captureAnswer(res, () => {
						entry.status = 0;
						if (fault.kind === 'drop') req.socket.destroy();
						else this.hold(res);
					});
					return false;
				}
				entry.body = await drainBody(req);
				entry.status = 0;
				if (fault.kind === 'drop') req.socket.destroy();
				else this.hold(res);
				return true;
			case 'body':
				captureAnswer(res, (status, headers) => {
					const code = fault.status ?? status;
					entry.status = code;
					this.restore(res);
					res.writeHead(code, {
						...headers,
						'Content-Type': fault.contentType ?? 'application/json',
						'Content-Length': String(Buffer.byteLength(fault.text)),
					});
					res.end(fault.text);
				});
				return false;
			case 'rewrite':
				captureAnswer(res, (status, headers, body) => {
					let text = body;
					try {
						const parsed = JSON.parse(body) as Record<string, unknown>;
						for (const [key, value] of Object.entries(fault.set)) {
							parsed[key] = typeof value === 'string' ? value.replace('{origin}', origin) : value;
						}
						text = JSON.stringify(parsed);
					} catch {
						// Not JSON (an error page): pass it on unchanged.
					}
					this.restore(res);
					res.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
					res.end(text);
				});
				return false;
		}
	}

	/** Puts back the real writeHead/write/end that captureAnswer replaced (they live on the prototype). */
	private restore(res: http.ServerResponse): void {
		const own = res as unknown as Record<string, unknown>;
		delete own.writeHead;
		delete own.write;
		delete own.end;
	}
}

function pause(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * Reads the CLI's switches: `--latency MS`, `--rate-limit N/SECONDS` (repeatable: every budget
 * applies) and `--fault JSON` (a FaultRule; repeatable).
 */
export function applyCliSwitches(control: FaultControl, args: string[]): string[] {
	const notes: string[] = [];
	const limits: RateLimit[] = [];
	for (let i = 0; i < args.length; i++) {
		const flag = args[i];
		const value = args[i + 1];
		if (flag !== '--latency' && flag !== '--rate-limit' && flag !== '--fault') {
			throw new Error(`Unknown option ${flag}`);
		}
		if (value === undefined) throw new Error(`${flag} needs a value`);
		i++;
		if (flag === '--latency') {
			const ms = Number(value);
			if (!Number.isFinite(ms) || ms < 0)
				throw new Error(`--latency expects milliseconds, got "${value}"`);
			control.latencyMs = ms;
			notes.push(`latency ${ms} ms per request`);
		} else if (flag === '--rate-limit') {
			const limit = parseRateLimit(value);
			limits.push(limit);
			notes.push(
				`rate limit ${limit.requests} requests per ${limit.windowSeconds} s (429 + Retry-After)`,
			);
		} else {
			const rule = JSON.parse(value) as FaultRule;
			if (!rule || typeof rule.path !== 'string' || typeof rule.fault?.kind !== 'string') {
				throw new Error(
					'--fault expects JSON like {"method":"GET","path":"/v1/courses","fault":{"kind":"status","status":503}}',
				);
			}
			control.add(rule);
			notes.push(
				`fault ${faultName(rule.fault)} on ${rule.method ?? 'any'} ${rule.path} ×${rule.times ?? 1}`,
			);
		}
	}
	if (limits.length) control.setRateLimits(limits);
	return notes;
}
