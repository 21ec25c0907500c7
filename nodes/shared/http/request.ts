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
	type IPollFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { describeSkilljarError, statusHeadline } from '../errors';
import type { ApiMethod } from '../apiFacts';
import type { RateLimiter } from './limiter';
import { classifyNetworkFailure, describeNetworkFailure, formatSeconds } from './networkErrors';
import {
	afterNetworkFailure,
	isRedirect,
	isSuccess,
	MAX_REDIRECTS,
	redirectDecision,
	renewsToken,
	retryNote,
	retryWaitMs,
	throttleDecision,
	type RedirectDecision,
} from './decisions';
import { backoffMs, isRepeatable } from './retryPolicy';
import { endpointLabel, parseUrl } from './urls';
import { renewalFor, renewedAt, type Renewal } from '../v2/renewal';
import type { TokenGate, Turn } from '../v2/tokenGate';

/**
 * One logical request: the limiter slot, the HTTP call with a timeout, redirects we follow
 * ourselves, and the retries the policy allows. Whatever happens, the API key only travels to
 * URLs under the credential's Base URL.
 */

export const CREDENTIAL_TYPE = 'skilljarApi';

export type SkilljarContext =
	| IExecuteFunctions
	| IHookFunctions
	| ILoadOptionsFunctions
	| IPollFunctions;

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
	/** The credential type (default `skilljarApi`); API v2's has a token that is renewed. */
	credentialType?: string;
	/** API v2: which send renews the token, and when (the others wait for it). */
	tokenGate?: TokenGate;
}

/** API v2's credential: bearer tokens n8n renews through the credential's `preAuthentication`. */
export const CREDENTIAL_TYPE_V2 = 'skilljarV2Api';

export interface OutgoingRequest {
	method: ApiMethod;
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

/** One logical request as it goes: where it is sent now, and what it has been through. */
interface Attempt {
	method: ApiMethod;
	url: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	tries: number;
	throttled: number;
	redirects: number;
	/** `METHOD /path` of the original request, for messages. */
	readonly endpoint: string;
	readonly repeatable: boolean;
	/** When waiting for rate-limit budget (ours or Skilljar's) must stop. */
	readonly waitDeadline: number;
	readonly credentialType: string;
	readonly headers: Record<string, string>;
	readonly scopes?: readonly string[];
	/** API v2: Skilljar refused a token of this request once, or refused a freshly fetched one. */
	renewed: boolean;
}

/**
 * Sends a request and resolves to the body of its 2xx answer. Every other outcome throws. Each
 * turn of the loop asks one pure decision (./decisions.ts) what the outcome means.
 */
export async function sendRequest(
	this: SkilljarContext,
	session: Session,
	request: OutgoingRequest,
): Promise<unknown> {
	const { settings, limiter } = session;
	const attempt = startAttempt(request, settings, session.credentialType ?? CREDENTIAL_TYPE);
	const fail = failureOf(this, request.itemIndex);
	for (;;) {
		const release = await limiter.enter();
		let sent: Sent;
		let turn: Turn | undefined;
		try {
			await takeSlot(this, limiter, attempt.waitDeadline, (until) =>
				fail(slotTimeout(attempt, until, settings)),
			);
			turn = await session.tokenGate?.enter();
			sent = await sendWithToken(this, session, attempt, settings.timeoutMs, turn);
		} finally {
			release();
		}
		if ('error' in sent) {
			if (sent.noToken) throw fail(tokenFailure(attempt, sent.error));
			await afterError.call(this, attempt, sent.error, settings, fail);
			continue;
		}
		if (!isFullResponse(sent.response)) return sent.response;
		const { statusCode, headers, body: answer } = sent.response;
		if (turn && statusCode === 401) {
			// A token fetched for this very send was refused: another would fare no better.
			if (!renewsToken(statusCode, true, attempt.renewed || turn.renew)) {
				throw fail(refusedToken(attempt));
			}
			// Skilljar did not process a request it refused with 401: even a write may go again.
			attempt.renewed = true;
			session.tokenGate?.refused(turn);
			continue;
		}
		if (isRedirect(statusCode)) {
			const location = headerValue(headers, 'location');
			const { url, redirects } = attempt;
			const decision = redirectDecision(statusCode, location, url, session.baseUrl, redirects);
			follow(attempt, decision, statusCode, fail);
			continue;
		}
		const retryAfter = headerValue(headers, 'retry-after');
		if (statusCode === 429) {
			const { until, giveUp } = throttleDecision(
				++attempt.throttled,
				retryAfter,
				Date.now(),
				attempt.waitDeadline,
			);
			if (giveUp) throw fail(throttled(attempt, until, settings, answer));
			// Everyone on this credential waits, not just this request: Skilljar is the authority.
			limiter.pauseUntil(until);
			continue;
		}
		const wait = retryWaitMs(
			statusCode,
			attempt.repeatable,
			attempt.tries,
			retryAfter,
			Date.now(),
			settings.maxWaitMs,
		);
		if (wait !== undefined) {
			attempt.tries++;
			await pause(this, wait);
			continue;
		}
		if (isSuccess(statusCode)) return answer;
		throw fail(statusFailure(attempt, statusCode, answer));
	}
}

function startAttempt(
	request: OutgoingRequest,
	settings: RequestSettings,
	credentialType: string,
): Attempt {
	return {
		method: request.method,
		url: request.url,
		qs: request.qs,
		body: request.body,
		tries: 0,
		throttled: 0,
		redirects: 0,
		endpoint: endpointLabel(request.method, request.url),
		repeatable: request.repeatable ?? isRepeatable(request.method, request.idempotentPost === true),
		waitDeadline: Date.now() + settings.maxWaitMs,
		credentialType,
		headers: request.headers ?? {},
		scopes: request.scopes,
		renewed: false,
	};
}

/** What a failure says: message, description, HTTP status and the error body n8n shows. */
interface Failure {
	message: string;
	description: string;
	httpCode?: number;
	body?: JsonObject;
}

function failureOf(context: SkilljarContext, itemIndex: number | undefined) {
	return (failure: Failure): NodeApiError =>
		new NodeApiError(context.getNode(), failure.body ?? { message: failure.message }, {
			message: failure.message,
			description: failure.description,
			httpCode: failure.httpCode === undefined ? undefined : String(failure.httpCode),
			itemIndex,
		});
}

type Sent = { response: unknown } | { error: unknown; noToken?: boolean };

/**
 * One send through the API v2 token gate: when the turn says so, n8n-core is handed the credential
 * with its token emptied, so that it fetches (and saves) a new one before it sends the request.
 * The gate learns the new token's renewal time, or that there is none and nothing was sent.
 */
async function sendWithToken(
	context: SkilljarContext,
	session: Session,
	attempt: Attempt,
	timeoutMs: number,
	turn: Turn | undefined,
): Promise<Sent> {
	if (!turn?.renew) return await sendOnce(context, attempt, timeoutMs);
	let renewal: Renewal | undefined;
	try {
		renewal = await renewalFor(context, attempt.credentialType);
		const sent = await sendOnce(context, attempt, timeoutMs, renewal);
		return 'error' in sent && !renewal.data.accessToken ? { ...sent, noToken: true } : sent;
	} catch (error) {
		return { error, noToken: true };
	} finally {
		session.tokenGate?.leave(turn, renewal && renewedAt(renewal));
	}
}

/** One HTTP exchange with a timeout; redirects come back to the loop, errors as values. */
async function sendOnce(
	context: SkilljarContext,
	attempt: Attempt,
	timeoutMs: number,
	renewal?: Renewal,
): Promise<Sent> {
	const options: IHttpRequestOptions = {
		method: attempt.method as IHttpRequestMethods,
		url: attempt.url,
		headers: {
			Accept:
				attempt.credentialType === CREDENTIAL_TYPE_V2
					? 'application/vnd.api+json, application/json'
					: 'application/json',
			...attempt.headers,
		},
		json: true,
		returnFullResponse: true,
		// Every status comes back here, 401 included: the token is renewed by the loop, so that
		// n8n-core never sends a request a second time on its own.
		ignoreHttpStatusErrors: true,
		timeout: timeoutMs,
		// Redirects come back to us: n8n-core would otherwise follow them and, across origins,
		// re-attach the key. We follow only those that stay under the Base URL.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};
	if (attempt.qs && Object.keys(attempt.qs).length) options.qs = attempt.qs;
	if (attempt.body !== undefined) options.body = attempt.body;
	try {
		return {
			response: await context.helpers.httpRequestWithAuthentication.call(
				context,
				attempt.credentialType,
				options,
				renewal?.options,
			),
		};
	} catch (error) {
		return { error };
	}
}

/** A network failure: wait and go round again, or throw what happened and why it was not retried. */
async function afterError(
	this: SkilljarContext,
	attempt: Attempt,
	error: unknown,
	settings: RequestSettings,
	fail: (failure: Failure) => NodeApiError,
): Promise<void> {
	const failure = classifyNetworkFailure(error);
	const host = parseUrl(attempt.url)?.host ?? attempt.url;
	if (!failure) {
		throw fail({
			message: `${attempt.endpoint} failed: ${(error as Error).message}`,
			description: `Request to ${host}`,
		});
	}
	const decision = afterNetworkFailure(failure.kind, attempt.repeatable, attempt.tries);
	if (decision.retry) {
		attempt.tries++;
		await pause(this, backoffMs(attempt.tries));
		return;
	}
	const sentence = describeNetworkFailure(failure, host, attempt.endpoint, settings.timeoutMs);
	throw fail({
		message: sentence,
		description: decision.why,
		body: { message: sentence, kind: failure.kind },
	});
}

/** Points the attempt at a redirect's target, or throws why it is not followed. */
function follow(
	attempt: Attempt,
	decision: RedirectDecision,
	statusCode: number,
	fail: (failure: Failure) => NodeApiError,
): void {
	const checkBaseUrl = 'Check the Base URL in the Skilljar credential.';
	if ('follow' in decision) {
		attempt.redirects++;
		if (decision.asGet) {
			attempt.method = 'GET';
			attempt.body = undefined;
		}
		attempt.url = decision.follow.toString();
		attempt.qs = undefined; // the Location carries its own query
		return;
	}
	if (decision.refuse === 'off-base') {
		const { origin } = decision.target;
		throw fail({
			message: `Refused to follow a redirect to ${origin}: it is not the credential's Base URL`,
			description: `${attempt.endpoint} answered HTTP ${statusCode}. The API key is only ever sent to the Base URL configured in the Skilljar credential; nothing was sent to ${origin}.`,
			httpCode: statusCode,
			body: { message: 'redirect refused', target: origin },
		});
	}
	throw fail({
		message:
			decision.refuse === 'no-target'
				? `Skilljar answered ${attempt.endpoint} with a redirect (HTTP ${statusCode}) without a usable target`
				: `${attempt.endpoint} was redirected more than ${MAX_REDIRECTS} times`,
		description: checkBaseUrl,
		httpCode: statusCode,
	});
}

function slotTimeout(attempt: Attempt, until: number, settings: RequestSettings): Failure {
	return {
		message: `Skilljar's rate limit for this credential leaves no room before Max Wait runs out; try again after ${clock(until)}`,
		description: `${attempt.endpoint} was not sent. Max Wait is ${formatSeconds(settings.maxWaitMs)}; raise it in the node's Options or lower the load.`,
		httpCode: 429,
	};
}

function throttled(
	attempt: Attempt,
	until: number,
	settings: RequestSettings,
	answer: unknown,
): Failure {
	return {
		message: `Skilljar rate limit reached; try again after ${clock(until)}`,
		description: `${attempt.endpoint} was throttled (HTTP 429) and was not processed. Waiting longer than Max Wait (${formatSeconds(settings.maxWaitMs)}) was not allowed; raise it in the node's Options.`,
		httpCode: 429,
		body: errorBodyOf(answer),
	};
}

function statusFailure(attempt: Attempt, statusCode: number, answer: unknown): Failure {
	const detail = describeSkilljarError(answer);
	const headline =
		statusCode === 403 && attempt.scopes?.length
			? `The API v2 client lacks the scope for this (${attempt.scopes.join(' or ')})`
			: statusHeadline(statusCode);
	return {
		message: detail ? `${headline}: ${detail}` : headline,
		description: `${attempt.endpoint} answered HTTP ${statusCode}${retryNote(statusCode, attempt.repeatable, attempt.tries)}`,
		httpCode: statusCode,
		body: errorBodyOf(answer),
	};
}

/** Skilljar refused a token fetched for this request (or the one fetched after a 401). */
function refusedToken(attempt: Attempt): Failure {
	return {
		message: 'Skilljar refused the API v2 token, also after a new one was fetched',
		description: `${attempt.endpoint} answered HTTP 401. Check that the client in the Skilljar V2 API credential is still active.`,
		httpCode: 401,
	};
}

/** No token could be fetched (the credential's token endpoint failed): the request was not sent. */
function tokenFailure(attempt: Attempt, error: unknown): Failure {
	const reason = String((error as Error).message ?? error).split('\n')[0];
	return {
		message: `Could not get an API v2 token: ${reason}`,
		description: `${attempt.endpoint} was not sent.`,
	};
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
