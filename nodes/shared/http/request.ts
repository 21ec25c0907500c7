import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { describeSkilljarError, statusHeadline } from '../errors';
import type { HttpMethod } from '../types';
import type { RateLimiter } from './limiter';
import { classifyNetworkFailure, describeNetworkFailure, formatSeconds } from './networkErrors';
import {
	MAX_THROTTLED_TRIES,
	MAX_TRIES,
	RETRYABLE_STATUSES,
	backoffMs,
	isRepeatable,
	parseRetryAfter,
	throttleDefaultMs,
} from './retryPolicy';
import { endpointLabel, isUnderBase, parseUrl } from './urls';

/**
 * One logical request: the limiter slot, the HTTP call with a timeout, redirects we follow
 * ourselves, and the retries the policy allows. Whatever happens, the API key only travels to
 * URLs under the credential's Base URL.
 */

export const CREDENTIAL_TYPE = 'skilljarApi';

export type SkilljarContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

/** Per-node settings (the node's Options collection); defaults where a node has none. */
export interface RequestSettings {
	timeoutMs: number;
	/** Longest a request may wait for rate-limit budget (ours or Skilljar's 429) in all. */
	maxWaitMs: number;
}

export const DEFAULT_SETTINGS: RequestSettings = { timeoutMs: 60_000, maxWaitMs: 300_000 };

/** Everything a request needs about its credential, read once per call. */
export interface Session {
	baseUrl: string;
	limiter: RateLimiter;
	settings: RequestSettings;
	/** The credential type (default `skilljarApi`); API v2's gets a new token on a 401, once. */
	credentialType?: string;
}

/** API v2's credential: bearer tokens n8n renews through the credential's `preAuthentication`. */
export const CREDENTIAL_TYPE_V2 = 'skilljarV2Api';

export interface OutgoingRequest {
	method: HttpMethod;
	/** Absolute URL under the Base URL. */
	url: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** A POST Skilljar documents as idempotent: it may be sent again after a transient failure. */
	idempotentPost?: boolean;
	/** Overrides the method rule (API v2 batch writes are resent only where documented idempotent). */
	repeatable?: boolean;
	/** Extra headers (API v2's destructive-call confirmation). */
	headers?: Record<string, string>;
	/** API v2: the scopes that allow the call, named when Skilljar answers 403. */
	scopes?: readonly string[];
	itemIndex?: number;
}

/** Redirect hops followed for one request (each re-checked against the Base URL). */
const MAX_REDIRECTS = 3;

function isFullResponse(value: unknown): value is IN8nHttpFullResponse {
	return typeof value === 'object' && value !== null && 'statusCode' in value && 'body' in value;
}

function headerValue(headers: unknown, name: string): unknown {
	if (!headers || typeof headers !== 'object') return undefined;
	const record = headers as Record<string, unknown>;
	return record[name] ?? record[name.toLowerCase()];
}

function clock(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Sends a request and resolves to the body of its 2xx answer. Every other outcome throws. */
export async function sendRequest(
	this: SkilljarContext,
	session: Session,
	request: OutgoingRequest,
): Promise<unknown> {
	const { settings, limiter, baseUrl } = session;
	const { itemIndex } = request;
	let method = request.method;
	let url = request.url;
	let qs = request.qs;
	let body = request.body;
	const endpoint = endpointLabel(request.method, request.url);
	const repeatable = request.repeatable ?? isRepeatable(method, request.idempotentPost === true);
	const credentialType = session.credentialType ?? CREDENTIAL_TYPE;
	// A 401 on API v2 means the stored token expired: the request is sent once more in the mode
	// where n8n-core itself renews the token (preAuthentication) and repeats it. Skilljar did not
	// process the refused request, so even a write may go again.
	let renewToken = false;
	let renewed = false;
	const waitDeadline = Date.now() + settings.maxWaitMs;
	let tries = 0;
	let throttled = 0;
	let redirects = 0;

	const fail = (
		message: string,
		description: string,
		httpCode?: number,
		errorBody: JsonObject = { message },
	): NodeApiError =>
		new NodeApiError(this.getNode(), errorBody, {
			message,
			description,
			httpCode: httpCode === undefined ? undefined : String(httpCode),
			itemIndex,
		});

	for (;;) {
		await takeSlot(this, limiter, waitDeadline, (until) =>
			fail(
				`Skilljar's rate limit for this credential leaves no room before Max Wait runs out; try again after ${clock(until)}`,
				`${endpoint} was not sent. Max Wait is ${formatSeconds(settings.maxWaitMs)}; raise it in the node's Options or lower the load.`,
				429,
			),
		);
		const options: IHttpRequestOptions = {
			method: method as IHttpRequestMethods,
			url,
			headers: {
				Accept:
					credentialType === CREDENTIAL_TYPE_V2
						? 'application/vnd.api+json, application/json'
						: 'application/json',
				...(request.headers ?? {}),
			},
			json: true,
			returnFullResponse: true,
			// Renewing a token needs n8n-core to see the 401 as an error.
			ignoreHttpStatusErrors: !renewToken,
			timeout: settings.timeoutMs,
			// Redirects come back to us: n8n-core would otherwise follow them and, across origins,
			// re-attach the key. We follow only those that stay under the Base URL.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		};
		if (qs && Object.keys(qs).length) options.qs = qs;
		if (body !== undefined) options.body = body;

		let response: unknown;
		try {
			response = await this.helpers.httpRequestWithAuthentication.call(
				this,
				credentialType,
				options,
			);
		} catch (error) {
			if (renewToken) throw renewalFailure(error, endpoint, fail);
			const failure = classifyNetworkFailure(error);
			const host = parseUrl(url)?.host ?? url;
			if (!failure) {
				throw fail(`${endpoint} failed: ${(error as Error).message}`, `Request to ${host}`);
			}
			const transient = ['timeout', 'reset', 'refused'].includes(failure.kind);
			// A refused connection never carried the request, so even a plain POST may try again.
			const mayRepeat = repeatable || failure.kind === 'refused';
			if (transient && mayRepeat && tries + 1 < MAX_TRIES) {
				tries++;
				await pause(this, backoffMs(tries));
				continue;
			}
			const sentence = describeNetworkFailure(failure, host, endpoint, settings.timeoutMs);
			const why = !transient
				? 'Not retried: this will not go away by trying again.'
				: mayRepeat
					? `Tried ${tries + 1} times.`
					: 'Not retried: Skilljar may have processed this POST, and sending it again could create a duplicate.';
			throw fail(sentence, why, undefined, { message: sentence, kind: failure.kind });
		}
		renewToken = false;
		if (!isFullResponse(response)) return response;
		const { statusCode, headers, body: answer } = response;

		if (statusCode === 401 && credentialType === CREDENTIAL_TYPE_V2 && !renewed) {
			renewed = true;
			renewToken = true;
			continue;
		}

		if (statusCode >= 300 && statusCode < 400 && statusCode !== 304) {
			const location = headerValue(headers, 'location');
			const target = typeof location === 'string' ? parseUrl(location, url) : undefined;
			if (!target) {
				throw fail(
					`Skilljar answered ${endpoint} with a redirect (HTTP ${statusCode}) without a usable target`,
					'Check the Base URL in the Skilljar credential.',
					statusCode,
				);
			}
			if (!isUnderBase(target, baseUrl)) {
				throw fail(
					`Refused to follow a redirect to ${target.origin}: it is not the credential's Base URL`,
					`${endpoint} answered HTTP ${statusCode}. The API key is only ever sent to the Base URL configured in the Skilljar credential; nothing was sent to ${target.origin}.`,
					statusCode,
					{ message: 'redirect refused', target: target.origin },
				);
			}
			if (++redirects > MAX_REDIRECTS) {
				throw fail(
					`${endpoint} was redirected more than ${MAX_REDIRECTS} times`,
					'Check the Base URL in the Skilljar credential.',
					statusCode,
				);
			}
			// 303 means "fetch the result with GET"; 301/302/307/308 keep method and body (a body
			// dropped silently would turn a write into a read that looks like success).
			if (statusCode === 303) {
				method = 'GET';
				body = undefined;
			}
			url = target.toString();
			qs = undefined; // the Location carries its own query
			continue;
		}

		if (statusCode === 429) {
			throttled++;
			const wait =
				parseRetryAfter(headerValue(headers, 'retry-after'), Date.now()) ??
				throttleDefaultMs(throttled);
			const until = Date.now() + wait;
			if (until > waitDeadline || throttled > MAX_THROTTLED_TRIES) {
				throw fail(
					`Skilljar rate limit reached; try again after ${clock(until)}`,
					`${endpoint} was throttled (HTTP 429) and was not processed. Waiting longer than Max Wait (${formatSeconds(settings.maxWaitMs)}) was not allowed; raise it in the node's Options.`,
					429,
					errorBodyOf(answer),
				);
			}
			// Everyone on this credential waits, not just this request: Skilljar is the authority.
			limiter.pauseUntil(until);
			continue;
		}

		if (RETRYABLE_STATUSES.has(statusCode) && repeatable && tries + 1 < MAX_TRIES) {
			tries++;
			const asked = parseRetryAfter(headerValue(headers, 'retry-after'), Date.now());
			const wait = asked !== undefined && asked <= settings.maxWaitMs ? asked : backoffMs(tries);
			await pause(this, wait);
			continue;
		}

		if (statusCode >= 200 && statusCode < 300) return answer;

		const detail = describeSkilljarError(answer);
		const headline =
			credentialType === CREDENTIAL_TYPE_V2 && statusCode === 403 && request.scopes?.length
				? `The API v2 client lacks the scope for this (${request.scopes.join(' or ')})`
				: statusHeadline(statusCode);
		const retried = RETRYABLE_STATUSES.has(statusCode)
			? repeatable
				? ` after ${tries + 1} tries`
				: '; not retried: Skilljar may have processed this POST, and sending it again could create a duplicate'
			: '';
		throw fail(
			detail ? `${headline}: ${detail}` : headline,
			`${endpoint} answered HTTP ${statusCode}${retried}`,
			statusCode,
			errorBodyOf(answer),
		);
	}
}

/**
 * The renewed request failed inside n8n-core (which then throws instead of answering): the token
 * could not be renewed, the renewed token was refused too, or the repeat met another error.
 */
function renewalFailure(
	error: unknown,
	endpoint: string,
	fail: (message: string, description: string, httpCode?: number) => NodeApiError,
): NodeApiError {
	const status = Number((error as { httpCode?: unknown }).httpCode);
	const reason = String((error as Error).message ?? '').split('\n')[0];
	if (status === 401) {
		return fail(
			'Skilljar refused the API v2 token, also after a new one was fetched',
			`${endpoint} answered HTTP 401. Check that the client in the Skilljar API v2 credential is still active.`,
			401,
		);
	}
	if (Number.isInteger(status) && status > 0) {
		return fail(
			`${statusHeadline(status)}${reason ? `: ${reason}` : ''}`,
			`${endpoint} answered HTTP ${status} after the API v2 token was renewed`,
			status,
		);
	}
	return fail(
		`The API v2 token could not be renewed: ${reason}`,
		`${endpoint} was refused with 401 and a new token could not be fetched`,
		401,
	);
}

function errorBodyOf(answer: unknown): JsonObject {
	return typeof answer === 'object' && answer !== null && !Array.isArray(answer)
		? (answer as JsonObject)
		: { body: String(answer ?? '').slice(0, 500) };
}

/** Waits for a limiter slot, failing once the wait would pass the request's Max Wait. */
async function takeSlot(
	context: SkilljarContext,
	limiter: RateLimiter,
	deadline: number,
	tooLong: (until: number) => Error,
): Promise<void> {
	for (;;) {
		const wait = limiter.tryTake();
		if (wait === 0) return;
		if (Date.now() + wait > deadline) throw tooLong(Date.now() + wait);
		await pause(context, wait);
	}
}

/**
 * Waits `ms`, in steps of at most a second so that a cancelled execution stops waiting soon
 * (n8n's sleepWithAbort leaves a listener on the signal per call, which long bulk runs would pile up).
 */
async function pause(context: SkilljarContext, ms: number): Promise<void> {
	const signal =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const until = Date.now() + ms;
	for (;;) {
		if (signal?.aborted) {
			throw new NodeOperationError(
				context.getNode(),
				'The execution was cancelled while waiting to retry',
			);
		}
		const left = until - Date.now();
		if (left <= 0) return;
		await sleep(Math.min(left, 1000));
	}
}
