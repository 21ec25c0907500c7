import type { Sandbox } from '../../sandbox/server';

export type Json = Record<string, unknown>;

export interface V2Answer<T = Json> {
	status: number;
	headers: Headers;
	body: T;
}

/** One raw HTTP call to the sandbox's v2 API (tests of the sandbox itself). */
export async function callV2<T = Json>(
	sandbox: Sandbox,
	method: string,
	path: string,
	options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<V2Answer<T>> {
	const url = path.startsWith('http') ? path : `${sandbox.url}${path}`;
	const response = await fetch(url, {
		method,
		headers: {
			Accept: 'application/json',
			...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
			...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
			...options.headers,
		},
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
		signal: AbortSignal.timeout(10_000),
	});
	const text = await response.text();
	return {
		status: response.status,
		headers: response.headers,
		body: (text ? JSON.parse(text) : undefined) as T,
	};
}

/** A fresh v2 access token for the sandbox's client. */
export async function v2Token(sandbox: Sandbox): Promise<string> {
	const answer = await callV2(sandbox, 'POST', '/v2/auth/token', {
		body: {
			grant_type: 'client_credentials',
			client_id: sandbox.v2ClientId,
			client_secret: sandbox.v2ClientSecret,
		},
	});
	if (answer.status !== 200) throw new Error(`token request answered ${answer.status}`);
	return String(answer.body.access_token);
}

/** Follows `links.next` from `path` and returns every record, with the number of pages read. */
export async function readAllV2(
	sandbox: Sandbox,
	token: string,
	path: string,
): Promise<{ records: Json[]; pages: number }> {
	const records: Json[] = [];
	let next: string | null = path;
	let pages = 0;
	while (next) {
		const page: V2Answer = await callV2(sandbox, 'GET', next, { token });
		if (page.status !== 200) throw new Error(`${next} answered ${page.status}`);
		records.push(...(page.body.data as Json[]));
		next = (page.body.links as Json).next as string | null;
		pages++;
	}
	return { records, pages };
}
