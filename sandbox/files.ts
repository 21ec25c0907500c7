// The storage host behind assets' `download_url`: a second listener on 127.0.0.1 (its own port, so
// its own origin, as S3 or a CDN is for api.skilljar.com). GET /v1/assets/{id} hands out a link
// signed for an hour (FACTS.md); this host serves the file's bytes for a valid link and answers
// like S3 otherwise. It records the headers of every request, so tests can prove that no API key
// ever reached it.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DownloadLogEntry {
	path: string;
	/** Request headers as received (lower-case names). */
	headers: http.IncomingHttpHeaders;
	status: number;
}

export interface FileHost {
	/** `http://127.0.0.1:PORT` */
	origin: string;
	/** Every request received, in order. */
	downloads: DownloadLogEntry[];
	/** Lifetime of new links in seconds (3600 as documented; negative → already expired). */
	ttlSeconds: number;
	/** A signed link to the file of an asset. */
	sign(assetId: string, fileName: string): string;
	reset(): void;
	close(): Promise<void>;
}

const MIME_TYPES: Record<string, string> = {
	mp4: 'video/mp4',
	pdf: 'application/pdf',
	zip: 'application/zip',
	png: 'image/png',
	txt: 'text/plain',
};

/** Deterministic content, large enough to arrive in several chunks. */
export function fileBytes(assetId: string, fileName: string): Buffer {
	const line = Buffer.from(`Skilljar sandbox file ${fileName} of asset ${assetId}\n`);
	return Buffer.concat(new Array<Buffer>(2048).fill(line));
}

function s3Error(code: string, message: string): string {
	return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

/** Starts the file host; `exists(assetId)` says whether the asset (still) exists. */
export async function startFileHost(exists: (assetId: string) => boolean): Promise<FileHost> {
	const secret = randomBytes(16);
	const downloads: DownloadLogEntry[] = [];
	const signatureOf = (path: string, expires: string) =>
		createHmac('sha256', secret).update(`${path}\n${expires}`).digest('hex');

	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://files.invalid');
		const entry: DownloadLogEntry = { path: url.pathname, headers: { ...req.headers }, status: 0 };
		downloads.push(entry);
		const answer = (status: number, body: string | Buffer, type: string, extra = {}) => {
			entry.status = status;
			res.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length, ...extra });
			res.end(body);
		};
		const xml = (status: number, code: string, message: string) =>
			answer(status, Buffer.from(s3Error(code, message)), 'application/xml');

		const match = /^\/files\/([0-9a-z]+)\/([^/]+)$/.exec(url.pathname);
		if (req.method !== 'GET' || !match)
			return xml(404, 'NoSuchKey', 'The specified key does not exist.');
		// S3 refuses a presigned URL that also carries an Authorization header.
		if (req.headers.authorization) {
			return xml(400, 'InvalidArgument', 'Only one auth mechanism allowed');
		}
		const expires = url.searchParams.get('Expires') ?? '';
		const given = Buffer.from(url.searchParams.get('Signature') ?? '');
		const wanted = Buffer.from(signatureOf(url.pathname, expires));
		if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
			return xml(
				403,
				'SignatureDoesNotMatch',
				'The request signature we calculated does not match the signature you provided.',
			);
		}
		if (Number(expires) * 1000 < Date.now()) return xml(403, 'AccessDenied', 'Request has expired');
		const [, assetId, encodedName] = match;
		if (!exists(assetId)) return xml(404, 'NoSuchKey', 'The specified key does not exist.');
		const fileName = decodeURIComponent(encodedName);
		const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
		answer(200, fileBytes(assetId, fileName), MIME_TYPES[extension] ?? 'application/octet-stream');
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const host: FileHost = {
		origin,
		downloads,
		ttlSeconds: 3600,
		sign(assetId, fileName) {
			const path = `/files/${assetId}/${encodeURIComponent(fileName)}`;
			const expires = String(Math.floor(Date.now() / 1000) + host.ttlSeconds);
			return `${origin}${path}?Expires=${expires}&Signature=${signatureOf(path, expires)}`;
		},
		reset() {
			downloads.length = 0;
			host.ttlSeconds = 3600;
		},
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((err) => (err ? reject(err) : resolve()));
				server.closeAllConnections();
			}),
	};
	return host;
}
