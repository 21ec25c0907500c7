// The Skilljar API sandbox: an HTTP server on 127.0.0.1 that behaves like api.skilljar.com as
// described in FACTS.md (auth, Accept handling, DRF errors and pagination, webhooks), backed by
// the in-memory store. Request order mirrors DRF: URL resolution (404) → authentication (401)
// → content negotiation → method (405) → parent objects (404) → body parsing/validation (400).

import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import defaults from './defaults.json';
import { FaultControl } from './faults';
import { startFileHost, type FileHost } from './files';
import { fireEvent, handle, NOT_FOUND, type Reply } from './handlers';
import { idFieldFor } from './id-fields';
import { fillTemplate, idFieldForListPath, matchRoute, parentChecks } from './routes';
import { readBody } from './body';
import { seedAll } from './samples';
import { isRecord, Store, type Item } from './store';
import { deliveriesEndpoint, isDeliveriesPath } from './deliveries';
import { TokenIssuer } from './v2/auth';
import { dispatchV2 } from './v2/dispatch';
import { seedClient } from './v2/resources/clients';
import { seedV2 } from './v2/seed-v2';
import { DELIVERY_LOG, replay, type Delivery } from './webhooks';

export interface SandboxOptions {
	apiKey?: string;
	/** 0 (default) picks a free port. */
	port?: number;
	/** Load the demo organisation (default true). */
	seed?: boolean;
	/**
	 * Refuse request-body fields the operation's schema lacks, and read-only ones, with a DRF 400
	 * (default true). Skilljar silently drops them; refusing them makes a misspelled or misplaced
	 * field fail a test instead of vanishing. `false` behaves like Skilljar.
	 */
	strict?: boolean;
	/** API v2 OAuth client (defaults: sandbox/defaults.json). */
	v2ClientId?: string;
	v2ClientSecret?: string;
	/** Lifetime of the v2 access tokens the sandbox issues, in seconds (default 3600). */
	v2TokenLifetimeSeconds?: number;
	/** Scopes the v2 client holds (default: every scope the v2 document names). */
	v2Scopes?: readonly string[];
	/**
	 * Content-Type of v2's JSON answers: `application/json` (default) or
	 * `application/vnd.api+json`, which later live versions send for the same JSON.
	 */
	v2MediaType?: string;
}

export interface RequestLogEntry {
	method: string;
	/** Actual path, without the query string. */
	path: string;
	/** The matched route template, or null when no route matched. */
	template: string | null;
	query: Record<string, string>;
	body: unknown;
	status: number;
	/** Set when a fault switch (faults.ts) answered or spoiled this request. */
	fault?: string;
	/** When it arrived (epoch ms), before any latency: tells one client's bursts apart. */
	receivedAt: number;
}

export interface Sandbox {
	/** `http://127.0.0.1:PORT`, no trailing slash. */
	url: string;
	port: number;
	apiKey: string;
	/** API v2 client credentials (POST /v2/auth/token). */
	v2ClientId: string;
	v2ClientSecret: string;
	/** The v2 token issuer: lifetime, scopes held, tokens issued. */
	v2Tokens: TokenIssuer;
	/** Every v2 access token issued so far answers 401 from now on. */
	expireV2Tokens(): void;
	/** Content-Type of v2's JSON answers (settable; see SandboxOptions.v2MediaType). */
	v2MediaType: string;
	/**
	 * v2 lists come newest first instead of oldest first (off by default; reset() turns it off).
	 * API v2 documents no order, so a client that relies on one is shown wrong by this switch.
	 */
	v2NewestFirst: boolean;
	store: Store;
	/** Latency, rate limit and injected faults (off until switched on). */
	faults: FaultControl;
	/** The storage host assets' signed download links point to (its own 127.0.0.1 port). */
	files: FileHost;
	/** Every request received, in order (for coverage tests). Same array across clearRequests(). */
	requests: RequestLogEntry[];
	/**
	 * The most requests the sandbox was answering at the same moment since it started or since
	 * clearRequests(): how many a client had in flight, measured where they arrive.
	 */
	readonly peakInFlight: number;
	clearRequests(): void;
	/** Add items to a collection by its concrete list path (ids generated when missing). */
	insert(listPath: string, item: Item): Item;
	insertMany(listPath: string, items: Item[]): Item[];
	/** Copy of a collection's items by concrete list path. */
	list(listPath: string): Item[];
	/** Build an event of the given type and POST it to every matching webhook. */
	deliverEvent(eventType: string, overrides?: Item): Promise<Delivery[]>;
	/** Send a logged delivery again (`copies` at once), as Skilljar's retry would. */
	replayDelivery(deliveryId: string, copies?: number): Promise<Delivery[] | undefined>;
	/** Every delivery so far, oldest first, with its event. */
	deliveryLog(): Array<Delivery & { event: Item }>;
	/** Drop all data (and the request log) and load the seed again (if seeding was enabled). */
	reset(): void;
	close(): Promise<void>;
}

/** The demo key (sandbox/defaults.json, also read by `npm start` and the tests). */
export const DEFAULT_API_KEY = defaults.apiKey;
export const DEFAULT_V2_CLIENT_ID = defaults.v2ClientId;
export const DEFAULT_V2_CLIENT_SECRET = defaults.v2ClientSecret;
const FIRE_PREFIX = '/_sandbox/events/';

const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>Skilljar API</title></head><body>' +
	'<h1>Skilljar API</h1><p>This is the browsable API. Send <code>Accept: application/json</code> ' +
	'to get JSON.</p></body></html>';

function sha256(value: string): Buffer {
	return createHash('sha256').update(value, 'utf8').digest();
}

/**
 * HTTP Basic with the API key as username and an empty password. Hashing both sides first
 * gives equal-length buffers, so the comparison is constant-time whatever was sent.
 */
function authenticate(header: string | undefined, apiKey: string): Reply | undefined {
	if (!header) {
		return { status: 401, body: { detail: 'Authentication credentials were not provided.' } };
	}
	const invalid: Reply = { status: 401, body: { detail: 'Invalid username/password.' } };
	const match = /^Basic\s+(\S+)$/i.exec(header.trim());
	if (!match) return invalid;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const ok = timingSafeEqual(sha256(decoded), sha256(`${apiKey}:`));
	return ok ? undefined : invalid;
}

function acceptsJson(accept: string | undefined): boolean {
	if (!accept) return false;
	return accept
		.split(',')
		.map((part) => part.split(';')[0].trim().toLowerCase())
		.some((type) => type === 'application/json' || type === '*/*' || type === 'application/*');
}

/** Parse a JSON body; DRF answers unparseable JSON with 400 and non-JSON types with 415. */
function parseBody(
	raw: Buffer,
	contentType: string | undefined,
): { body: unknown } | { reply: Reply } {
	if (raw.length === 0) return { body: undefined };
	const type = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json' && !type.endsWith('+json')) {
		return {
			reply: { status: 415, body: { detail: `Unsupported media type "${type}" in request.` } },
		};
	}
	try {
		return { body: JSON.parse(raw.toString('utf8')) as unknown };
	} catch (err) {
		const message = err instanceof Error ? err.message : String(err);
		return { reply: { status: 400, body: { detail: `JSON parse error - ${message}` } } };
	}
}

function send(
	res: http.ServerResponse,
	reply: Reply,
	extraHeaders: Record<string, string> = {},
): void {
	const headers: Record<string, string> = { Vary: 'Accept', ...extraHeaders };
	if (reply.status === 401 && !headers['WWW-Authenticate']) {
		headers['WWW-Authenticate'] = 'Basic realm="api"';
	}
	if (reply.body === undefined) {
		// 204 and the ping's empty 200: no body at all.
		res.writeHead(reply.status, { ...headers, 'Content-Length': '0' });
		res.end();
		return;
	}
	const text = JSON.stringify(reply.body);
	res.writeHead(reply.status, {
		'Content-Type': 'application/json',
		...headers,
		'Content-Length': String(Buffer.byteLength(text)),
	});
	res.end(text);
}

function sendHtml(res: http.ServerResponse): void {
	res.writeHead(200, {
		'Content-Type': 'text/html; charset=utf-8',
		'Content-Length': String(Buffer.byteLength(HTML_PAGE)),
		Vary: 'Accept',
	});
	res.end(HTML_PAGE);
}

/** 404 when any object named by a parent path parameter does not exist. */
function missingParent(
	store: Store,
	template: string,
	params: Record<string, string>,
	idParam?: string,
): boolean {
	return parentChecks({ path: template, idParam }).some(({ collection, param }) => {
		const listPath = fillTemplate(collection, params);
		return !store.find(listPath, params[param], idFieldFor(collection));
	});
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const seeded = options.seed ?? true;
	const strict = options.strict ?? true;
	const store = new Store();
	const v2ClientId = options.v2ClientId ?? DEFAULT_V2_CLIENT_ID;
	const v2ClientSecret = options.v2ClientSecret ?? DEFAULT_V2_CLIENT_SECRET;
	const v2Tokens = new TokenIssuer(
		v2ClientId,
		v2ClientSecret,
		options.v2TokenLifetimeSeconds ?? 3600,
		options.v2Scopes,
	);
	let v2MediaType = options.v2MediaType ?? 'application/json';
	let v2NewestFirst = false;
	const load = () => {
		seedAll(store);
		seedV2(store);
		seedClient({ store }, v2ClientId, v2Tokens.scopesOf());
	};
	if (seeded) load();
	const requests: RequestLogEntry[] = [];
	const faults = new FaultControl();
	const files = await startFileHost((assetId) => Boolean(store.find('/v1/assets', assetId)));

	async function respond(
		req: http.IncomingMessage,
		res: http.ServerResponse,
		entry: RequestLogEntry,
		url: URL,
	): Promise<void> {
		const origin = `http://${req.headers.host ?? `127.0.0.1:${String(port)}`}`;
		if (await faults.intercept(req, res, entry, url, origin)) return;
		const method = (req.method ?? 'GET').toUpperCase();
		const reply = (r: Reply, headers?: Record<string, string>) => {
			entry.status = r.status;
			send(res, r, headers);
		};

		// Hand-firing endpoint for manual/CLI testing of the trigger: not part of Skilljar's API.
		if (url.pathname.startsWith(FIRE_PREFIX)) {
			entry.template = '/_sandbox/events/{event_type}';
			const denied = authenticate(req.headers.authorization, apiKey);
			if (denied) return reply(denied);
			if (method !== 'POST')
				return reply(
					{ status: 405, body: { detail: `Method "${method}" not allowed.` } },
					{ Allow: 'POST' },
				);
			const raw = await readBody(req);
			const parsed = parseBody(raw, req.headers['content-type']);
			if ('reply' in parsed) return reply(parsed.reply);
			entry.body = parsed.body;
			const eventType = decodeURIComponent(url.pathname.slice(FIRE_PREFIX.length));
			try {
				const deliveries = await fireEvent(
					store,
					eventType,
					isRecord(parsed.body) ? parsed.body : {},
				);
				return reply({ status: 200, body: { deliveries } });
			} catch {
				return reply({
					status: 400,
					body: { event_type: [`"${eventType}" is not a valid choice.`] },
				});
			}
		}

		if (isDeliveriesPath(url.pathname)) {
			entry.template = url.pathname === DELIVERY_LOG ? DELIVERY_LOG : `${DELIVERY_LOG}/{id}/replay`;
			const denied = authenticate(req.headers.authorization, apiKey);
			if (denied) return reply(denied);
			const parsed = parseBody(await readBody(req), req.headers['content-type']);
			if ('reply' in parsed) return reply(parsed.reply);
			return reply(await deliveriesEndpoint(store, method, url.pathname, parsed.body));
		}

		if (url.pathname.startsWith('/v2/')) {
			const answer = await dispatchV2(store, v2Tokens, {
				newestFirst: v2NewestFirst,
				method,
				url,
				headers: req.headers,
				readBody: () => readBody(req),
				origin,
				onTemplate: (template) => {
					entry.template = template;
				},
				onBody: (body) => {
					entry.body = body;
				},
			});
			const type: Record<string, string> =
				answer.body === undefined ? {} : { 'Content-Type': v2MediaType };
			return reply(answer, { ...type, ...answer.headers });
		}

		const match = matchRoute(method, url.pathname);
		if (!match) return reply(NOT_FOUND);
		entry.template = match.template;

		const denied = authenticate(req.headers.authorization, apiKey);
		if (denied) return reply(denied);

		if (!acceptsJson(req.headers.accept)) {
			entry.status = 200;
			return sendHtml(res);
		}

		if (!match.route) {
			return reply(
				{ status: 405, body: { detail: `Method "${method}" not allowed.` } },
				{ Allow: match.allowed.join(', ') },
			);
		}
		const route = match.route;

		if (missingParent(store, route.path, match.params, route.idParam)) return reply(NOT_FOUND);

		let body: unknown;
		if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
			const raw = await readBody(req);
			const parsed = parseBody(raw, req.headers['content-type']);
			if ('reply' in parsed) return reply(parsed.reply);
			body = parsed.body;
			entry.body = body;
		}

		const result = await handle({
			store,
			route,
			params: match.params,
			query: url.searchParams,
			body,
			origin,
			pathname: url.pathname,
			strict,
			signDownload: (assetId, fileName) => files.sign(assetId, fileName),
		});
		return reply(result);
	}

	let inFlight = 0;
	let peakInFlight = 0;
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
		const entry: RequestLogEntry = {
			method: (req.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			template: null,
			query: Object.fromEntries(url.searchParams.entries()),
			body: undefined,
			status: 0,
			receivedAt: Date.now(),
		};
		requests.push(entry);
		inFlight += 1;
		peakInFlight = Math.max(peakInFlight, inFlight);
		res.once('close', () => {
			inFlight -= 1;
		});
		respond(req, res, entry, url).catch((err: unknown) => {
			// Never echo request data (it may hold credentials); a short reason is enough.
			entry.status = 500;
			if (!res.headersSent) {
				send(res, {
					status: 500,
					body: { detail: err instanceof Error ? err.message : 'Server error.' },
				});
			} else {
				res.end();
			}
		});
	});

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;

	return {
		url: `http://127.0.0.1:${port}`,
		port,
		apiKey,
		v2ClientId,
		v2ClientSecret,
		v2Tokens,
		expireV2Tokens: () => v2Tokens.expireAll(),
		get v2MediaType() {
			return v2MediaType;
		},
		set v2MediaType(type: string) {
			v2MediaType = type;
		},
		get v2NewestFirst() {
			return v2NewestFirst;
		},
		set v2NewestFirst(on: boolean) {
			v2NewestFirst = on;
		},
		store,
		faults,
		files,
		requests,
		get peakInFlight() {
			return peakInFlight;
		},
		clearRequests: () => {
			requests.length = 0;
			peakInFlight = inFlight;
		},
		// Ids are generated only for collections keyed by `id` (a domain user has none of its own).
		insert: (listPath, item) =>
			store.insert(listPath, item, { assignId: idFieldForListPath(listPath) === 'id' }),
		insertMany: (listPath, items) =>
			store.insertMany(listPath, items, { assignId: idFieldForListPath(listPath) === 'id' }),
		list: (listPath) => store.list(listPath),
		deliverEvent: (eventType, overrides) => fireEvent(store, eventType, overrides ?? {}),
		replayDelivery: (deliveryId, copies) => replay(store, deliveryId, copies),
		deliveryLog: () => store.list(DELIVERY_LOG) as unknown as Array<Delivery & { event: Item }>,
		reset: () => {
			store.clear();
			requests.length = 0;
			files.reset();
			v2Tokens.clear();
			v2NewestFirst = false;
			if (seeded) load();
		},
		close: async () => {
			await files.close();
			await new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			});
		},
	};
}
