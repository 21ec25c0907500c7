import { randomBytes, timingSafeEqual } from 'crypto';

/**
 * Skilljar signs nothing: a delivery can only prove where it came from with the basic-auth
 * credentials (or extra headers) set on the webhook at registration. The trigger registers a
 * fixed username and a fresh random password per activation, and checks both on every delivery.
 */
export const BASIC_AUTH_USERNAME = 'n8n';

/** 32 random bytes, hex: 64 characters (well within Skilljar's field length). */
export function newSecret(): string {
	return randomBytes(32).toString('hex');
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
