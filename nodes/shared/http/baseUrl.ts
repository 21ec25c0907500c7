/**
 * The credential's Base URL, normalised once so every URL check compares like with like.
 * Pure: throws a plain Error whose message talks about the credential; the transport turns it
 * into a node error.
 */
export function normaliseBaseUrl(raw: unknown): string {
	const text = String(raw ?? '').trim();
	const problem = (what: string): Error => new Error(`The Skilljar credential's Base URL ${what}`);
	if (!text) throw problem('is empty; use https://api.skilljar.com');
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		throw problem(`"${text}" is not a valid URL; use e.g. https://api.skilljar.com`);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw problem('must start with https:// or http://');
	}
	// The key is sent as HTTP Basic user name; a user-info part would compete with it (and
	// would be a second secret stored in plain sight).
	if (parsed.username || parsed.password) throw problem('must not contain a user name or password');
	if (text.includes('?')) throw problem('must not contain a query (?…); use just the API root');
	if (text.includes('#')) throw problem('must not contain a fragment (#…); use just the API root');
	// Operation paths start with /v1 or /v2, so a Base URL ending in either would call /v1/v1/….
	const path = parsed.pathname.replace(/\/+$/, '').replace(/\/v[12]$/i, '').replace(/\/+$/, '');
	return parsed.origin + path;
}
