// Webhook delivery: POST an event to every matching active webhook, once per distinct
// target_url, with Skilljar's headers; a 4xx answer deactivates the webhook(s) as live.
//
// Deliveries only ever go to loopback addresses: the sandbox runs on machines whose network
// rules forbid other egress, and a test must never be able to make it call the internet.

import http from 'node:http';
import https from 'node:https';
import { isRecord, type Item, type Store } from './store';

export const WEBHOOKS_PATH = '/v1/webhooks';
export const DELIVERY_TIMEOUT_MS = 10_000;

/** Where every delivery is logged, in the sandbox's store (not an API route: cleared by reset). */
export const DELIVERY_LOG = '/_sandbox/deliveries';

/** What n8n answers when a webhook call started an execution (responseMode onReceived). */
const STARTED_ANSWER = 'Workflow was started';
const ANSWER_BYTES = 1024;

export interface Delivery {
	/** The delivery's id in the log, to replay it. */
	id: string;
	url: string;
	/** HTTP status of the receiver's answer; null when nothing was received (refused, timeout...). */
	status: number | null;
	webhookIds: string[];
	/** Whether the receiver said it started an execution (n8n's answer to a webhook call). */
	started: boolean;
	/** The delivery this one repeats, as Skilljar's retry of a delivery it thinks failed. */
	replayOf?: string;
	/** Why there is no status (never includes credentials). */
	error?: string;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackUrl(raw: string): boolean {
	try {
		const url = new URL(raw);
		return (
			(url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_HOSTS.has(url.hostname)
		);
	} catch {
		return false;
	}
}

/** Headers for one delivery: JSON, `User-Agent: skilljar`, basic auth and additional headers. */
function deliveryHeaders(webhook: Item, bodyLength: number): Record<string, string> {
	const headers: Record<string, string> = {};
	if (isRecord(webhook.additional_headers)) {
		for (const [name, value] of Object.entries(webhook.additional_headers)) {
			if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
		}
	}
	const username =
		typeof webhook.basic_auth_username === 'string' ? webhook.basic_auth_username : '';
	if (username) {
		const password =
			typeof webhook.basic_auth_password === 'string' ? webhook.basic_auth_password : '';
		headers.Authorization = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
	}
	// Fixed headers last so additional_headers cannot break the JSON framing.
	headers['Content-Type'] = 'application/json';
	headers['User-Agent'] = 'skilljar';
	headers['Content-Length'] = String(bodyLength);
	return headers;
}

/** POST JSON to a loopback URL; resolves with the status or an error text, never rejects. */
export function postJson(
	targetUrl: string,
	payload: unknown,
	webhook: Item,
): Promise<{ status: number | null; answer: string; error?: string }> {
	if (!isLoopbackUrl(targetUrl)) {
		return Promise.resolve({
			status: null,
			answer: '',
			error: 'refused: the sandbox only delivers to loopback addresses',
		});
	}
	const body = Buffer.from(JSON.stringify(payload), 'utf8');
	const url = new URL(targetUrl);
	const client = url.protocol === 'https:' ? https : http;
	return new Promise((resolve) => {
		const req = client.request(
			url,
			{
				method: 'POST',
				headers: deliveryHeaders(webhook, body.length),
				timeout: DELIVERY_TIMEOUT_MS,
			},
			(res) => {
				// Skilljar ignores the body; the sandbox keeps its start to tell started executions.
				let answer = '';
				res.setEncoding('utf8');
				res.on('data', (chunk: string) => {
					if (answer.length < ANSWER_BYTES) answer += chunk.slice(0, ANSWER_BYTES - answer.length);
				});
				res.on('end', () => resolve({ status: res.statusCode ?? null, answer }));
				res.on('error', () => resolve({ status: res.statusCode ?? null, answer }));
			},
		);
		req.on('timeout', () => req.destroy(new Error('timeout')));
		req.on('error', (err: Error) => resolve({ status: null, answer: '', error: err.message }));
		req.end(body);
	});
}

/** Active webhooks subscribed to the event type (a null event_type means "all events"). */
export function matchingWebhooks(store: Store, eventType: string): Item[] {
	return store
		.collection(WEBHOOKS_PATH)
		.filter(
			(w) =>
				w.active !== false &&
				(w.event_type === null || w.event_type === undefined || w.event_type === eventType),
		);
}

/** A 4xx answer deactivates the webhook, as Skilljar does. */
function deactivateOn4xx(webhooks: Item[], status: number | null): void {
	if (status !== null && status >= 400 && status < 500) {
		for (const w of webhooks) {
			w.active = false;
			w.deactivate_reason = 'HTTP_4XX_RESPONSE';
		}
	}
}

/** POST the event to one URL with the first webhook's headers, and log the delivery. */
async function post(
	store: Store,
	url: string,
	event: Item,
	hooks: Item[],
	replayOf?: string,
): Promise<Delivery> {
	const result = await postJson(url, event, hooks[0]);
	deactivateOn4xx(hooks, result.status);
	const delivery: Delivery = {
		id: store.newId(),
		url,
		status: result.status,
		webhookIds: hooks.map((h) => String(h.id)),
		started: result.answer.includes(STARTED_ANSWER),
	};
	if (replayOf) delivery.replayOf = replayOf;
	if (result.error) delivery.error = result.error;
	store.insert(DELIVERY_LOG, { ...delivery, event }, { assignId: false });
	return delivery;
}

/** Deliver an event once per distinct target_url among the matching webhooks. */
export async function deliver(store: Store, event: Item): Promise<Delivery[]> {
	const byUrl = new Map<string, Item[]>();
	for (const w of matchingWebhooks(store, String(event.event_type))) {
		const url = String(w.target_url);
		byUrl.set(url, [...(byUrl.get(url) ?? []), w]);
	}
	return Promise.all([...byUrl.entries()].map(([url, hooks]) => post(store, url, event, hooks)));
}

/**
 * Send a logged delivery again, as Skilljar's retry would: the same body to the same URL, with
 * the webhook's current headers. `copies` are sent at the same moment. Undefined when the
 * delivery is unknown; no copy is sent when its webhooks are gone or switched off.
 */
export async function replay(
	store: Store,
	deliveryId: string,
	copies = 1,
): Promise<Delivery[] | undefined> {
	const logged = store.find(DELIVERY_LOG, deliveryId);
	if (!logged) return undefined;
	const ids = Array.isArray(logged.webhookIds) ? logged.webhookIds.map(String) : [];
	const hooks = store
		.collection(WEBHOOKS_PATH)
		.filter((w) => ids.includes(String(w.id)) && w.active !== false);
	if (hooks.length === 0) return [];
	const event = isRecord(logged.event) ? logged.event : {};
	const sends = Array.from({ length: copies }, () =>
		post(store, String(logged.url), event, hooks, deliveryId),
	);
	return Promise.all(sends);
}
