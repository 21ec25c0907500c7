import { createHmac, randomBytes, timingSafeEqual } from 'crypto';

/**
 * Skilljar signs nothing: a delivery can only prove where it came from with the basic-auth
 * credentials (or extra headers) set on the webhook at registration. The trigger registers a
 * fixed username and a fresh password per activation, and checks both on every delivery.
 *
 * The password is not only stored: it is an HMAC of a fresh random nonce under the credential's
 * API key, and the nonce travels with every delivery in a header Skilljar adds
 * (`additional_headers`). n8n saves the static data holding the password only after the whole
 * activation, and Skilljar may deliver in between (the webhook exists once the POST returns);
 * n8n 2.x even publishes triggers in the background. Such a delivery is checked by recomputing
 * the password from the nonce instead of being refused: a 4xx would make Skilljar deactivate
 * the webhook, and the event would be lost. Without the API key the password cannot be forged.
 */
export const BASIC_AUTH_USERNAME = 'n8n';

/** The header carrying the registration's nonce (Node lowercases incoming header names). */
export const NONCE_HEADER = 'x-n8n-skilljar-nonce';

const NONCE_PATTERN = /^[0-9a-f]{32}$/;

/** 16 random bytes, hex: one per registration. */
export function newNonce(): string {
	return randomBytes(16).toString('hex');
}

/**
 * The basic-auth password of a registration: HMAC-SHA256 of the nonce and the node's webhook id
 * under the API key, hex (64 characters, well within Skilljar's field length).
 */
export function derivedSecret(apiKey: string, webhookId: string, nonce: string): string {
	return createHmac('sha256', apiKey)
		.update(`n8n-nodes-skilljar webhook ${webhookId} ${nonce}`)
		.digest('hex');
}

/** The nonce a delivery carries, or undefined when it has none of the right shape. */
export function deliveredNonce(header: string | string[] | undefined): string | undefined {
	return typeof header === 'string' && NONCE_PATTERN.test(header) ? header : undefined;
}

/** Constant-time comparison; different lengths are simply unequal (no throw). */
export function safeEqual(received: string, expected: string): boolean {
	const a = Buffer.from(received, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	if (a.length !== b.length) return false;
	return timingSafeEqual(a, b);
}

/** Username and password of an `Authorization: Basic …` header, or undefined when malformed. */
export function parseBasicAuth(
	header: string | string[] | undefined,
): { username: string; password: string } | undefined {
	if (typeof header !== 'string') return undefined;
	const match = /^Basic[ \t]+([A-Za-z0-9+/=_-]+)[ \t]*$/i.exec(header.trim());
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	if (separator < 0) return undefined;
	return { username: decoded.slice(0, separator), password: decoded.slice(separator + 1) };
}

/** Whether the header carries our username and one of the given secrets (all compared). */
export function isAuthentic(header: string | string[] | undefined, secrets: string[]): boolean {
	const credentials = parseBasicAuth(header);
	if (!credentials || secrets.length === 0) return false;
	const userOk = safeEqual(credentials.username, BASIC_AUTH_USERNAME);
	let passwordOk = false;
	for (const secret of secrets) {
		// No early exit: every candidate is compared, so timing says nothing about which matched.
		if (safeEqual(credentials.password, secret)) passwordOk = true;
	}
	return userOk && passwordOk;
}
