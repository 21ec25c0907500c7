// OAuth 2 client credentials for the v2 API: the token endpoint's answers and the Bearer check
// every other v2 call goes through. Tokens are opaque random strings with an expiry; scopes are
// those the client holds (all of the document's by default, fewer when a test restricts them).

import { randomBytes } from 'node:crypto';

import { V2_ALL_SCOPES } from './document';
import { isPlainObject } from './schema';

export interface TokenAnswer {
	status: number;
	body: Record<string, unknown>;
}

interface Issued {
	expiresAt: number;
	scopes: ReadonlySet<string>;
}

export type BearerResult =
	| { ok: true; scopes: ReadonlySet<string> }
	| { ok: false; code: 'not_authenticated' | 'token_expired' | 'invalid_token'; detail: string };

export class TokenIssuer {
	private readonly tokens = new Map<string, Issued>();
	private scopes: ReadonlySet<string>;
	/** How many tokens the endpoint has handed out (tests count token requests through it). */
	issued = 0;

	constructor(
		readonly clientId: string,
		private readonly clientSecret: string,
		public lifetimeSeconds: number,
		scopes?: readonly string[],
	) {
		this.scopes = new Set(scopes ?? V2_ALL_SCOPES);
	}

	/** The scopes the client holds from now on (`undefined`: every scope); issued tokens keep theirs. */
	grantScopes(scopes?: readonly string[]): void {
		this.scopes = new Set(scopes ?? V2_ALL_SCOPES);
	}

	/** Every token issued so far stops working (the next call with one answers 401). */
	expireAll(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	clear(): void {
		this.tokens.clear();
		this.issued = 0;
	}

	/** POST /v2/auth/token: errors in the OAuth shape `{error, error_description}`. */
	exchange(body: unknown): TokenAnswer {
		const fail = (status: number, error: string, description: string): TokenAnswer => ({
			status,
			body: { error, error_description: description },
		});
		if (!isPlainObject(body)) return fail(400, 'invalid_request', 'Send a JSON object.');
		const grant = body.grant_type ?? 'client_credentials';
		if (grant !== 'client_credentials') {
			return grant === 'refresh_token' || grant === 'authorization_code'
				? fail(400, 'invalid_grant', `No ${String(grant)} was issued to this client.`)
				: fail(400, 'unsupported_grant_type', 'grant_type must be client_credentials.');
		}
		if (typeof body.client_id !== 'string' || typeof body.client_secret !== 'string') {
			return fail(400, 'invalid_request', 'client_id and client_secret are required.');
		}
		if (body.client_id !== this.clientId || body.client_secret !== this.clientSecret) {
			return fail(401, 'invalid_client', 'Unknown client or wrong secret.');
		}
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, {
			expiresAt: Date.now() + this.lifetimeSeconds * 1000,
			scopes: this.scopes,
		});
		this.issued++;
		return {
			status: 200,
			body: {
				access_token: token,
				expires_in: this.lifetimeSeconds,
				token_type: 'Bearer',
				refresh_token: null,
			},
		};
	}

	/** The Bearer check of every other v2 call. */
	verify(header: string | undefined): BearerResult {
		if (!header) {
			return { ok: false, code: 'not_authenticated', detail: 'Send Authorization: Bearer <token>.' };
		}
		const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
		const issued = match ? this.tokens.get(match[1]) : undefined;
		if (!issued) return { ok: false, code: 'invalid_token', detail: 'The access token is not valid.' };
		if (Date.now() >= issued.expiresAt) {
			return { ok: false, code: 'token_expired', detail: 'The access token has expired.' };
		}
		return { ok: true, scopes: issued.scopes };
	}
}
