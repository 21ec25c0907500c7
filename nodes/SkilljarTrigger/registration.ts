import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE, skilljarApiRequest } from '../shared/transport';
import {
	BASIC_AUTH_USERNAME,
	derivedSecret,
	newNonce,
	NONCE_HEADER,
	safeEqual,
} from './authenticity';
import type { EventType } from './events';

/**
 * Webhook registration state, in the node's workflow static data.
 *
 * Registrations are kept per kind: `production` (workflow activation) and `test` ("Listen for
 * test event", n8n's `manual` mode, which calls these methods with the `/webhook-test/` URL).
 * A test listen can start from the stored static data of an active workflow; with a single slot
 * it would find the production webhooks, see a different URL and delete them. With one slot per
 * kind, each only ever touches its own webhooks.
 */
export interface Registration extends IDataObject {
	/** Ids of every webhook this registration created. */
	webhookIds: string[];
	/** The basic-auth password registered on each of them. Never output or logged. */
	secret: string;
	/** `event_type` of each webhook, as registered (null = all events). */
	eventTypes: Array<EventType | null>;
	targetUrl: string;
	/** Test listens only: the marked sample event the listen's own PING delivers. */
	sample?: IDataObject;
}

export type RegistrationKind = 'production' | 'test';

export const WEBHOOKS_PATH = '/v1/webhooks';
export const WEBHOOK_PATH = '/v1/webhooks/{webhook_id}';

/**
 * Which registration a call is about. The URL decides when it matches a stored registration:
 * n8n builds it from the call's own test/production flag, whereas the mode is not reliable for
 * that (removing a test registration may run in `internal` mode). Otherwise a test listen runs
 * in `manual` mode and everything else is production.
 */
export function registrationKind(
	context: IHookFunctions,
	staticData: IDataObject,
): RegistrationKind {
	const targetUrl = context.getNodeWebhookUrl('default');
	for (const kind of ['test', 'production'] as const) {
		if (targetUrl && getRegistration(staticData, kind)?.targetUrl === targetUrl) return kind;
	}
	return context.getMode() === 'manual' ? 'test' : 'production';
}

function isRegistration(value: unknown): value is Registration {
	if (typeof value !== 'object' || value === null) return false;
	const item = value as IDataObject;
	return Array.isArray(item.webhookIds) && typeof item.secret === 'string';
}

export function getRegistration(
	staticData: IDataObject,
	kind: RegistrationKind,
): Registration | undefined {
	const value = staticData[kind];
	return isRegistration(value) ? value : undefined;
}

/**
 * The basic-auth password for a registration's nonce: derived from the credential's API key and
 * the node's webhook id (see authenticity.ts). Registration and the delivery check both use it.
 */
export async function secretForNonce(
	context: IHookFunctions | IWebhookFunctions,
	nonce: string,
): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	return derivedSecret(String(credentials.apiKey ?? ''), context.getNode().webhookId ?? '', nonce);
}

/** Secrets of every registration in the static data (a delivery may come for either kind). */
export function registeredSecrets(staticData: IDataObject): string[] {
	return (['production', 'test'] as const)
		.map((kind) => getRegistration(staticData, kind)?.secret)
		.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
}

/** Errors from the API helper are already NodeApiError/NodeOperationError; anything else is wrapped. */
function asNodeError(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(
		context.getNode(),
		error instanceof Error ? error.message : String(error),
	);
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: NodeApiError | NodeOperationError };

async function attempt<T>(context: IHookFunctions, run: () => Promise<T>): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		return { ok: false, error: asNodeError(context, error) };
	}
}

function isNotFound(error: NodeApiError | NodeOperationError): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/** The webhook, or undefined when Skilljar no longer has it (404). Other failures throw. */
export async function readWebhook(
	context: IHookFunctions,
	webhookId: string,
): Promise<IDataObject | undefined> {
	const outcome = await attempt(context, async () =>
		skilljarApiRequest.call(context, {
			method: 'GET',
			path: WEBHOOK_PATH,
			pathParams: { webhook_id: webhookId },
		}),
	);
	if (outcome.ok) {
		const body = outcome.value;
		return typeof body === 'object' && body !== null ? (body as IDataObject) : undefined;
	}
	if (isNotFound(outcome.error)) return undefined;
	throw outcome.error;
}

/**
 * Deletes the given webhooks (404 = already gone). Every id is tried even when one fails; the
 * ids still registered afterwards are returned together with the first failure.
 */
export async function deleteWebhooks(
	context: IHookFunctions,
	webhookIds: string[],
): Promise<{ remaining: string[]; error?: NodeApiError | NodeOperationError }> {
	const remaining: string[] = [];
	let firstError: NodeApiError | NodeOperationError | undefined;
	for (const webhookId of webhookIds) {
		const outcome = await attempt(context, async () =>
			skilljarApiRequest.call(context, {
				method: 'DELETE',
				path: WEBHOOK_PATH,
				pathParams: { webhook_id: webhookId },
			}),
		);
		if (outcome.ok || isNotFound(outcome.error)) continue;
		remaining.push(webhookId);
		firstError ??= outcome.error;
	}
	return { remaining, error: firstError };
}

/**
 * Removes a registration's webhooks and its static data. When some deletion fails, the ids not
 * deleted stay in the static data (so a later delete can retry) and the error is thrown.
 */
export async function removeRegistration(
	context: IHookFunctions,
	staticData: IDataObject,
	kind: RegistrationKind,
): Promise<void> {
	const registration = getRegistration(staticData, kind);
	if (!registration) {
		delete staticData[kind];
		return;
	}
	const { remaining, error } = await deleteWebhooks(context, registration.webhookIds.map(String));
	if (remaining.length === 0) {
		delete staticData[kind];
	} else {
		registration.webhookIds = remaining;
	}
	if (error) throw error;
}

/**
 * Registers one webhook per `event_type` on `targetUrl`, all with the same fresh secret (derived
 * from a fresh nonce, which each delivery carries: see authenticity.ts). When
 * one registration fails, the ones already made are deleted again before the error is thrown:
 * a failed activation never leaves a webhook behind.
 */
export async function registerWebhooks(
	context: IHookFunctions,
	targetUrl: string,
	eventTypes: Array<EventType | null>,
): Promise<Registration> {
	const nonce = newNonce();
	const secret = await secretForNonce(context, nonce);
	const created: string[] = [];
	for (const eventType of eventTypes) {
		const outcome = await attempt(context, async () =>
			skilljarApiRequest.call(context, {
				method: 'POST',
				path: WEBHOOKS_PATH,
				body: {
					target_url: targetUrl,
					event_type: eventType,
					active: true,
					basic_auth_username: BASIC_AUTH_USERNAME,
					basic_auth_password: secret,
					additional_headers: { [NONCE_HEADER]: nonce },
				},
			}),
		);
		const body = outcome.ok ? (outcome.value as IDataObject | undefined) : undefined;
		const webhookId = body && typeof body === 'object' ? body.id : undefined;
		if (outcome.ok && (typeof webhookId === 'string' || typeof webhookId === 'number')) {
			created.push(String(webhookId));
			continue;
		}
		const rollback = await deleteWebhooks(context, created);
		const cleanup =
			rollback.remaining.length === 0
				? created.length
					? `The ${created.length} webhook(s) registered before the failure were deleted again.`
					: ''
				: `Could not delete the webhook(s) ${rollback.remaining.join(', ')} registered before the failure; delete them in Skilljar.`;
		throw registrationError(context, outcome.ok ? undefined : outcome.error, cleanup);
	}
	return { webhookIds: created, secret, eventTypes, targetUrl };
}

/**
 * The error of a failed registration, rebuilt from the original's message, description and HTTP
 * code only. The original may carry the failed request (and so the secret) as its cause.
 */
function registrationError(
	context: IHookFunctions,
	error: NodeApiError | NodeOperationError | undefined,
	cleanup: string,
): NodeApiError | NodeOperationError {
	const message = error?.message ?? 'Skilljar did not return the id of the new webhook';
	const description = [error?.description ?? '', cleanup].filter(Boolean).join(' ');
	if (error instanceof NodeOperationError) {
		return new NodeOperationError(context.getNode(), message, { description });
	}
	const httpCode = error?.httpCode ?? null;
	return new NodeApiError(context.getNode(), { message, httpCode } as JsonObject, {
		message,
		description,
		httpCode: httpCode ?? undefined,
	});
}

/** Whether a webhook read from Skilljar still is the one registered. */
export function webhookMatches(
	webhook: IDataObject,
	registration: Registration,
	targetUrl: string,
): boolean {
	const username =
		typeof webhook.basic_auth_username === 'string' ? webhook.basic_auth_username : '';
	const password =
		typeof webhook.basic_auth_password === 'string' ? webhook.basic_auth_password : '';
	return (
		webhook.target_url === targetUrl &&
		safeEqual(username, BASIC_AUTH_USERNAME) &&
		safeEqual(password, registration.secret)
	);
}

/** Whether a webhook is switched off (by Skilljar after failed deliveries, or by someone). */
export function isInactive(webhook: IDataObject): boolean {
	return webhook.active !== true || Boolean(webhook.deactivate_reason);
}

export async function reactivateWebhook(context: IHookFunctions, webhookId: string): Promise<void> {
	await skilljarApiRequest.call(context, {
		method: 'PATCH',
		path: WEBHOOK_PATH,
		pathParams: { webhook_id: webhookId },
		body: { active: true },
	});
}

/** Same event types, same number of webhooks (order does not matter). */
export function sameEventTypes(
	a: Array<string | null | undefined>,
	b: Array<string | null | undefined>,
): boolean {
	const key = (list: Array<string | null | undefined>) =>
		list
			.map((type) => (type === null || type === undefined ? '*' : String(type)))
			.sort()
			.join(',');
	return a.length === b.length && key(a) === key(b);
}
