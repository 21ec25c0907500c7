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

interface Client {
	secret: string;
	scopes: ReadonlySet<string>;
	active: boolean;
}

export class TokenIssuer {
	private readonly tokens = new Map<string, Issued>();
	private readonly clients = new Map<string, Client>();
	/** How many tokens the endpoint has handed out (tests count token requests through it). */
	issued = 0;

	constructor(
		readonly clientId: string,
		private readonly clientSecret: string,
		public lifetimeSeconds: number,
		private readonly defaultScopes?: readonly string[],
	) {
		this.clear();
	}

	/** A client that can get tokens (the sandbox's own, and those created through /v2/clients/). */
	register(clientId: string, secret: string, scopes: readonly string[]): void {
		this.clients.set(clientId, { secret, scopes: new Set(scopes), active: true });
	}

	setSecret(clientId: string, secret: string): void {
		const client = this.clients.get(clientId);
		if (client) client.secret = secret;
	}

	setScopes(clientId: string, scopes: readonly string[]): void {
		const client = this.clients.get(clientId);
		if (client) client.scopes = new Set(scopes);
	}

	/** The scopes a client holds (the sandbox's own by default). */
	scopesOf(clientId = this.clientId): readonly string[] {
		return [...(this.clients.get(clientId)?.scopes ?? [])];
	}

	setActive(clientId: string, active: boolean): void {
		const client = this.clients.get(clientId);
		if (client) client.active = active;
	}

	/** The scopes the sandbox's client holds from now on (`undefined`: every scope); issued tokens keep theirs. */
	grantScopes(scopes?: readonly string[]): void {
		this.setScopes(this.clientId, scopes ?? V2_ALL_SCOPES);
	}

	/** Every token handed out so far (end-to-end checks look for them where none may appear). */
	issuedTokens(): string[] {
		return [...this.tokens.keys()];
	}

	/** Every token issued so far stops working (the next call with one answers 401). */
	expireAll(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	/** Back to the start: no tokens, only the sandbox's client with its configured scopes. */
	clear(): void {
		this.tokens.clear();
		this.clients.clear();
		this.issued = 0;
		this.register(this.clientId, this.clientSecret, this.defaultScopes ?? V2_ALL_SCOPES);
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
		const client = this.clients.get(body.client_id);
		if (!client || !client.active || client.secret !== body.client_secret) {
			return fail(401, 'invalid_client', 'Unknown client or wrong secret.');
		}
		const token = randomBytes(24).toString('base64url');
		this.tokens.set(token, {
			expiresAt: Date.now() + this.lifetimeSeconds * 1000,
			scopes: client.scopes,
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
			return {
				ok: false,
				code: 'not_authenticated',
				detail: 'Send Authorization: Bearer <token>.',
			};
		}
		const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
		const issued = match ? this.tokens.get(match[1]) : undefined;
		if (!issued)
			return { ok: false, code: 'invalid_token', detail: 'The access token is not valid.' };
		if (Date.now() >= issued.expiresAt) {
			return { ok: false, code: 'token_expired', detail: 'The access token has expired.' };
		}
		return { ok: true, scopes: issued.scopes };
	}
}
