/**
 * Where requests may go. The API key is attached to every request the transport sends, so a URL
 * is only ever requested when it lies under the credential's Base URL (same origin, same path
 * prefix). `next` links are held tighter still: they must stay on the list's own path.
 */

/** The URL, resolved against the base, or undefined when it is not a URL. */
export function parseUrl(value: string, against?: string): URL | undefined {
	try {
		return new URL(value, against);
	} catch {
		return undefined;
	}
}

/** Whether `target` is the Base URL itself or below it (origin and path prefix). */
export function isUnderBase(target: URL, baseUrl: string): boolean {
	const base = new URL(baseUrl + '/');
	if (target.origin !== base.origin) return false;
	return target.pathname.startsWith(base.pathname) || target.pathname + '/' === base.pathname;
}

/** Whether a `next` link stays on the list it continues: same origin, same path. */
export function isSameList(next: URL, first: URL): boolean {
	return next.origin === first.origin && next.pathname === first.pathname;
}

/** `METHOD /path` for messages: never the query (it may carry filters) and never the host. */
export function endpointLabel(method: string, url: string): string {
	const parsed = parseUrl(url);
	return `${method} ${parsed ? parsed.pathname : url}`;
}
