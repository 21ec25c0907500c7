import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import { normaliseBaseUrl } from '../http/baseUrl';

/**
 * The API v2 token exchange (OAuth 2 client credentials, JSON body, as the document declares).
 * The client secret goes to `<Base URL>/v2/auth/token` and nowhere else: redirects are not
 * followed, and no message built here can contain the secret or a token.
 */

export interface AccessToken {
	accessToken: string;
	/**
	 * When to fetch the next token (ISO time): shortly before `expires_in` runs out, so that no
	 * request meets an expired token. Empty when Skilljar named no lifetime (then a 401 renews it).
	 */
	renewAt: string;
}

/** The most a token is renewed ahead of its expiry; short-lived tokens keep three quarters of their life. */
export const RENEW_MARGIN_SECONDS = 60;

/** The renewal time of a token that lives `expiresIn` seconds from `now` ('' for no usable lifetime). */
export function renewAtFor(expiresIn: unknown, now: number): string {
	const lifetime = typeof expiresIn === 'string' ? Number(expiresIn) : expiresIn;
	if (typeof lifetime !== 'number' || !Number.isFinite(lifetime) || lifetime <= 0) return '';
	const margin = Math.min(RENEW_MARGIN_SECONDS, lifetime / 4);
	return new Date(now + (lifetime - margin) * 1000).toISOString();
}

/** The stored renewal time as a clock value: 0 when there is no token, never when it has no time. */
export function renewAtOf(credentials: ICredentialDataDecryptedObject): number {
	if (!credentials.accessToken) return 0;
	const at = Date.parse(String(credentials.accessTokenRenewAt ?? ''));
	return Number.isNaN(at) ? Number.POSITIVE_INFINITY : at;
}

type HttpRequest = IHttpRequestHelper['helpers']['httpRequest'];

/** How long the token endpoint may take to answer. */
const TOKEN_TIMEOUT_MS = 30_000;

export async function fetchAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<AccessToken> {
	const baseUrl = normaliseBaseUrl(credentials.baseUrl);
	const clientId = String(credentials.clientId ?? '').trim();
	const clientSecret = String(credentials.clientSecret ?? '');
	if (!clientId) throw new Error('The Skilljar V2 API credential has no Client ID');
	if (!clientSecret.trim()) throw new Error('The Skilljar V2 API credential has no Client Secret');
	const endpoint = `${baseUrl}/v2/auth/token`;
	const askedAt = Date.now();
	const hide = (text: string): string => scrub(text, [clientSecret]);

	let response: { statusCode: number; body: unknown } | undefined;
	let unreachable = '';
	try {
		response = (await httpRequest({
			method: 'POST',
			url: endpoint,
			body: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
			json: true,
			headers: { Accept: 'application/json' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: TOKEN_TIMEOUT_MS,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		// Only the message: the error object may hold the request, body and secret included.
		unreachable = hide(String((error as Error).message ?? error).split('\n')[0]) || 'no answer';
	}
	if (!response) {
		throw new Error(`Skilljar's token endpoint ${endpoint} could not be reached: ${unreachable}`);
	}
	const { statusCode, body } = response;
	if (statusCode >= 300 && statusCode < 400) {
		throw new Error(
			`Skilljar's token endpoint ${endpoint} answered with a redirect (HTTP ${statusCode}); not followed, so the secret stays here. Check the Base URL.`,
		);
	}
	if (statusCode === 400 || statusCode === 401) {
		throw new Error(
			`Skilljar refused the client ID or secret (HTTP ${statusCode}${detailOf(body, hide)}). Check both in the Skilljar V2 API credential; a rotated secret must be copied again.`,
		);
	}
	if (statusCode < 200 || statusCode >= 300) {
		throw new Error(`Skilljar's token endpoint answered HTTP ${statusCode}${detailOf(body, hide)}`);
	}
	const answer = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
	const accessToken = answer.access_token;
	if (typeof accessToken !== 'string' || accessToken === '') {
		throw new Error("Skilljar's token endpoint answered without an access token");
	}
	// Counted from when the token was asked for: the lifetime started no later than that.
	return { accessToken, renewAt: renewAtFor(answer.expires_in, askedAt) };
}

/** `: <Skilljar's reason>` from a JSON:API error document (or an OAuth error), if it has one. */
function detailOf(body: unknown, hide: (text: string) => string): string {
	if (typeof body !== 'object' || body === null) return '';
	const record = body as Record<string, unknown>;
	const first = Array.isArray(record.errors) ? (record.errors[0] as Record<string, unknown>) : record;
	const reason = first?.detail ?? first?.title ?? first?.error_description ?? first?.error;
	return typeof reason === 'string' && reason ? `: ${hide(reason).slice(0, 200)}` : '';
}

/** Replaces every occurrence of the given secrets. */
export function scrub(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= 4) result = result.split(secret).join('[hidden]');
	}
	return result;
}
