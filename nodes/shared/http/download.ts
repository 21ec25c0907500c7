import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
} from 'n8n-workflow';

import { classifyNetworkFailure, describeNetworkFailure, formatSeconds } from './networkErrors';
import { afterNetworkFailure, isSuccess } from './decisions';
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

/** Where the download stands: the link followed now, and what it has been through. */
interface Transfer {
	url: URL;
	redirects: number;
	tries: number;
	/** When the whole transfer must be over. */
	readonly deadline: number;
	readonly timeoutMs: number;
}

type Fail = (message: string, description: string, httpCode?: number) => NodeApiError;

export async function downloadSignedFile(
	this: IExecuteFunctions,
	link: string,
	itemIndex: number,
	timeoutMs: number,
): Promise<DownloadedFile> {
	const fail: Fail = (message, description, httpCode) =>
		new NodeApiError(
			this.getNode(),
			{ message },
			{ message, description, itemIndex, httpCode: httpCode ? String(httpCode) : undefined },
		);
	const transfer: Transfer = {
		url: checkLink.call(this, link, itemIndex),
		redirects: 0,
		tries: 0,
		deadline: Date.now() + Math.max(DOWNLOAD_DEADLINE_MS, timeoutMs),
		timeoutMs,
	};
	for (;;) {
		const sent = await fetchOnce(this, transfer);
		if ('error' in sent) {
			await retryOrThrow(transfer, networkFailure(transfer, sent.error), fail);
			continue;
		}
		const { response } = sent;
		const status = response.statusCode;
		if (status >= 300 && status < 400) {
			await discard(response.body);
			transfer.url = checkLink.call(this, redirectTarget(transfer, response, fail), itemIndex);
			continue;
		}
		if (RETRYABLE_STATUSES.has(status) && transfer.tries + 1 < MAX_TRIES) {
			await discard(response.body);
			await retryOrThrow(transfer, undefined, fail);
			continue;
		}
		if (!isSuccess(status)) throw await refusal(transfer.url, response, fail);
		const data = await readFile.call(this, transfer, response, itemIndex, fail);
		if (!data) continue;
		const mimeType = header(response, 'content-type')?.split(';')[0].trim() || undefined;
		return { data, mimeType, fileName: fileNameOf(response, transfer.url) };
	}
}

async function fetchOnce(
	context: IExecuteFunctions,
	transfer: Transfer,
): Promise<{ response: IN8nHttpFullResponse } | { error: unknown }> {
	try {
		const response = (await context.helpers.httpRequest({
			method: 'GET',
			url: transfer.url.toString(),
			headers: { Accept: '*/*' },
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
			timeout: transfer.timeoutMs,
			abortSignal: AbortSignal.timeout(Math.max(1, transfer.deadline - Date.now())),
		})) as IN8nHttpFullResponse;
		return { response };
	} catch (error) {
		return { error };
	}
}

/** What a failed exchange says, or undefined when it is one a second try may cure. */
function networkFailure(transfer: Transfer, error: unknown): [string, string] | undefined {
	const failure = classifyNetworkFailure(error);
	if (failure && afterNetworkFailure(failure.kind, true, transfer.tries).retry) return undefined;
	const { url } = transfer;
	const sentence = failure
		? describeNetworkFailure(failure, url.host, `GET ${url.pathname}`, transfer.timeoutMs)
		: `Downloading ${shown(url)} failed: ${(error as Error).message}`;
	return [sentence, `The file's signed link on ${url.host}; tried ${transfer.tries + 1} times.`];
}

/** Backs off before the next try, or throws the failure that ends the download. */
async function retryOrThrow(
	transfer: Transfer,
	final: [string, string] | undefined,
	fail: Fail,
): Promise<void> {
	if (final) throw fail(...final);
	transfer.tries++;
	await sleep(backoffMs(transfer.tries));
}

function redirectTarget(transfer: Transfer, response: IN8nHttpFullResponse, fail: Fail): string {
	const status = response.statusCode;
	const target = parseUrl(header(response, 'location') ?? '', transfer.url.toString());
	if (!target || ++transfer.redirects > MAX_DOWNLOAD_REDIRECTS) {
		throw fail(
			`The download link ${shown(transfer.url)} redirected ${target ? 'too often' : 'without a target'}`,
			`HTTP ${status}`,
			status,
		);
	}
	return target.toString();
}

/** The error for a non-2xx answer from the storage host, with what it said. */
async function refusal(url: URL, response: IN8nHttpFullResponse, fail: Fail): Promise<Error> {
	const status = response.statusCode;
	const said = storageMessage(await readCapped(response.body, 4096).catch(() => Buffer.alloc(0)));
	if (status === 403 || status === 401) {
		return fail(
			`The file's download link was refused (HTTP ${status}): it has expired or its signature is not valid`,
			`Skilljar signs download links for about an hour; run the node again to get a fresh one.${said ? ` The storage host said: ${said}` : ''}`,
			status,
		);
	}
	return fail(
		status === 404
			? `The file is no longer at its download link (HTTP 404, ${shown(url)})`
			: `Downloading the file failed (HTTP ${status}, ${shown(url)})`,
		said ? `The storage host said: ${said}` : `The file's signed link on ${url.host}`,
		status,
	);
}

/**
 * The body of a 2xx, capped at MAX_DOWNLOAD_BYTES; undefined when the transfer broke off and a
 * try is left (after the backoff). Too large, past the deadline or out of tries throws.
 */
async function readFile(
	this: IExecuteFunctions,
	transfer: Transfer,
	response: IN8nHttpFullResponse,
	itemIndex: number,
	fail: Fail,
): Promise<Buffer | undefined> {
	const length = Number(header(response, 'content-length'));
	if (Number.isFinite(length) && length > MAX_DOWNLOAD_BYTES) {
		await discard(response.body);
		throw tooLarge.call(this, length, itemIndex);
	}
	try {
		return await readCapped(response.body, MAX_DOWNLOAD_BYTES);
	} catch (error) {
		if (error instanceof TooLarge) throw tooLarge.call(this, error.size, itemIndex);
		if (Date.now() >= transfer.deadline) {
			throw fail(
				`Downloading ${shown(transfer.url)} took longer than ${formatSeconds(DOWNLOAD_DEADLINE_MS)}`,
				'The transfer was stopped; no partial file is output.',
			);
		}
		const brokeOff: [string, string] = [
			`The download of ${shown(transfer.url)} broke off: ${(error as Error).message}`,
			`Tried ${transfer.tries + 1} times; no partial file is output.`,
		];
		await retryOrThrow(transfer, transfer.tries + 1 < MAX_TRIES ? undefined : brokeOff, fail);
		return undefined;
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
