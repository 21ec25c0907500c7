import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { classifyNetworkFailure, describeNetworkFailure, formatSeconds } from './networkErrors';
import { MAX_TRIES, RETRYABLE_STATUSES, backoffMs } from './retryPolicy';
import { parseUrl } from './urls';

/**
 * Fetches a file from a signed link Skilljar hands out (an asset's `download_url`, valid about an
 * hour, on a storage host that is not the API). The link carries its own authorisation, so this
 * is the one request that never goes through the credential: no Authorization header, no API key,
 * whatever the host. Rules, each for a reason:
 * - https only (http only on this machine's loopback, for the local sandbox): a signed link is
 *   as good as a password while it lasts;
 * - at most MAX_DOWNLOAD_REDIRECTS redirects, followed here and held to the same rules;
 * - the node's Timeout for each response, and DOWNLOAD_DEADLINE_MS for the whole transfer;
 * - at most MAX_DOWNLOAD_BYTES, refused early when Content-Length says so (the file is held in
 *   memory until n8n stores it);
 * - a timeout, dropped connection or 502/503/504 is retried like any read (MAX_TRIES in all);
 * - messages name the host and path of the link, never its query (the signature).
 */

export const MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;
export const DOWNLOAD_DEADLINE_MS = 10 * 60_000;
export const MAX_DOWNLOAD_REDIRECTS = 3;

export interface DownloadedFile {
	data: Buffer;
	mimeType?: string;
	/** From Content-Disposition, else the last segment of the link's path (if it has a dot). */
	fileName?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const value = (response.headers as Record<string, unknown>)[name];
	if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
	return value === undefined || value === null ? undefined : String(value);
}

/** Where a link points, for messages: host and path only. */
function shown(url: URL): string {
	return `${url.host}${url.pathname}`;
}

export async function downloadSignedFile(
	this: IExecuteFunctions,
	link: string,
	itemIndex: number,
	timeoutMs: number,
): Promise<DownloadedFile> {
	const deadline = Date.now() + Math.max(DOWNLOAD_DEADLINE_MS, timeoutMs);
	const fail = (message: string, description: string, httpCode?: number) =>
		new NodeApiError(
			this.getNode(),
			{ message },
			{ message, description, itemIndex, httpCode: httpCode ? String(httpCode) : undefined },
		);
	let url = checkLink.call(this, link, itemIndex);
	let redirects = 0;
	let tries = 0;
	for (;;) {
		let response: IN8nHttpFullResponse;
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url: url.toString(),
				headers: { Accept: '*/*' },
				encoding: 'stream',
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: timeoutMs,
				abortSignal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
			})) as IN8nHttpFullResponse;
		} catch (error) {
			const failure = classifyNetworkFailure(error);
			if (
				failure &&
				['timeout', 'reset', 'refused'].includes(failure.kind) &&
				++tries < MAX_TRIES
			) {
				await sleep(backoffMs(tries));
				continue;
			}
			const sentence = failure
				? describeNetworkFailure(failure, url.host, `GET ${url.pathname}`, timeoutMs)
				: `Downloading ${shown(url)} failed: ${(error as Error).message}`;
			throw fail(sentence, `The file's signed link on ${url.host}; tried ${tries + 1} times.`);
		}
		const status = response.statusCode;
		if (status >= 300 && status < 400) {
			await discard(response.body);
			const target = parseUrl(header(response, 'location') ?? '', url.toString());
			if (!target || ++redirects > MAX_DOWNLOAD_REDIRECTS) {
				throw fail(
					`The download link ${shown(url)} redirected ${target ? 'too often' : 'without a target'}`,
					`HTTP ${status}`,
					status,
				);
			}
			url = checkLink.call(this, target.toString(), itemIndex);
			continue;
		}
		if (RETRYABLE_STATUSES.has(status) && ++tries < MAX_TRIES) {
			await discard(response.body);
			await sleep(backoffMs(tries));
			continue;
		}
		if (status < 200 || status >= 300) {
			const said = storageMessage(
				await readCapped(response.body, 4096).catch(() => Buffer.alloc(0)),
			);
			if (status === 403 || status === 401) {
				throw fail(
					`The file's download link was refused (HTTP ${status}): it has expired or its signature is not valid`,
					`Skilljar signs download links for about an hour; run the node again to get a fresh one.${said ? ` The storage host said: ${said}` : ''}`,
					status,
				);
			}
			throw fail(
				status === 404
					? `The file is no longer at its download link (HTTP 404, ${shown(url)})`
					: `Downloading the file failed (HTTP ${status}, ${shown(url)})`,
				said ? `The storage host said: ${said}` : `The file's signed link on ${url.host}`,
				status,
			);
		}
		const length = Number(header(response, 'content-length'));
		if (Number.isFinite(length) && length > MAX_DOWNLOAD_BYTES) {
			await discard(response.body);
			throw tooLarge.call(this, length, itemIndex);
		}
		let data: Buffer;
		try {
			data = await readCapped(response.body, MAX_DOWNLOAD_BYTES);
		} catch (error) {
			if (error instanceof TooLarge) throw tooLarge.call(this, error.size, itemIndex);
			if (Date.now() >= deadline) {
				throw fail(
					`Downloading ${shown(url)} took longer than ${formatSeconds(DOWNLOAD_DEADLINE_MS)}`,
					'The transfer was stopped; no partial file is output.',
				);
			}
			if (++tries < MAX_TRIES) {
				await sleep(backoffMs(tries));
				continue;
			}
			throw fail(
				`The download of ${shown(url)} broke off: ${(error as Error).message}`,
				`Tried ${tries} times; no partial file is output.`,
			);
		}
		const mimeType = header(response, 'content-type')?.split(';')[0].trim() || undefined;
		return { data, mimeType, fileName: fileNameOf(response, url) };
	}
}

/** A link may be followed only over https (or http on loopback) and without user info. */
function checkLink(this: IExecuteFunctions, link: string, itemIndex: number): URL {
	const url = parseUrl(link);
	const secure =
		url?.protocol === 'https:' || (url?.protocol === 'http:' && LOOPBACK.has(url.hostname));
	if (!url || !secure || url.username || url.password) {
		throw new NodeOperationError(
			this.getNode(),
			`Refused to download from ${url ? `${url.protocol}//${url.host}` : 'a link that is not a URL'}`,
			{
				itemIndex,
				description:
					'Signed download links are followed only over HTTPS and without user info in the URL.',
			},
		);
	}
	return url;
}

class TooLarge extends Error {
	constructor(readonly size: number) {
		super('too large');
	}
}

function tooLarge(this: IExecuteFunctions, size: number, itemIndex: number): NodeOperationError {
	const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
	return new NodeOperationError(
		this.getNode(),
		`The file is larger than ${mb(MAX_DOWNLOAD_BYTES)} (at least ${mb(size)}); it was not downloaded`,
		{
			itemIndex,
			description:
				'Turn Download off and fetch download_url with an HTTP Request node set to stream the file.',
		},
	);
}

type ByteStream = AsyncIterable<Buffer | string> & { destroy?: () => void };

function isStream(body: unknown): body is ByteStream {
	return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/** The whole body, stopping (and closing the stream) once it passes `max` bytes. */
async function readCapped(body: unknown, max: number): Promise<Buffer> {
	if (Buffer.isBuffer(body)) return body;
	if (!isStream(body)) return Buffer.from(typeof body === 'string' ? body : '');
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of body) {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
		size += bytes.length;
		if (size > max) {
			body.destroy?.();
			throw new TooLarge(size);
		}
		chunks.push(bytes);
	}
	return Buffer.concat(chunks);
}

async function discard(body: unknown): Promise<void> {
	if (isStream(body)) body.destroy?.();
}

/** S3-style error bodies: `<Error><Code>…</Code><Message>…</Message></Error>`. */
function storageMessage(body: Buffer): string | undefined {
	const text = body.toString('utf8');
	const message = /<Message>([^<]{1,200})<\/Message>/.exec(text)?.[1];
	const code = /<Code>([^<]{1,80})<\/Code>/.exec(text)?.[1];
	if (message || code) return [code, message].filter(Boolean).join(': ');
	return undefined;
}

function fileNameOf(response: IN8nHttpFullResponse, url: URL): string | undefined {
	const disposition = header(response, 'content-disposition') ?? '';
	const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
	const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
	const fromHeader = encoded ? safeDecode(encoded) : plain;
	if (fromHeader) return baseName(fromHeader);
	const last = safeDecode(url.pathname.split('/').pop() ?? '');
	return last.includes('.') ? baseName(last) : undefined;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** No folders in a file name, whoever chose it. */
function baseName(name: string): string {
	return name.split(/[\\/]/).pop()?.trim() ?? '';
}
