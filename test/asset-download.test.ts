import http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { fileBytes } from '../sandbox/files';
import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { runNode } from './harness/run-node';
import { TEST_API_KEY, credentialsFor, useTestSandbox } from './harness/sandbox';

/**
 * Asset › Get with Download (node version 1.1): the signed link Skilljar returns points at the
 * sandbox's file host, a separate 127.0.0.1 listener that records every request's headers.
 */
describe('Asset › Get › Download', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started), 'all');

	const getAsset = (
		extra: INodeParameters = {},
		options: { items?: IDataObject[]; continueOnFail?: boolean; typeVersion?: number } = {},
	) =>
		runNode({
			type: 'skilljarAsset',
			typeVersion: options.typeVersion ?? 1.1,
			parameters: {
				resource: 'asset',
				operation: 'get',
				assetId: DEMO.assetIds[1],
				download: true,
				...extra,
			},
			items: options.items,
			continueOnFail: options.continueOnFail,
			credentials: credentialsFor(sandbox),
		});
	const keyReachedFileHost = () =>
		sandbox.files.downloads.some(
			(entry) =>
				JSON.stringify(entry.headers).includes(TEST_API_KEY) ||
				JSON.stringify(entry.headers).includes(Buffer.from(`${TEST_API_KEY}:`).toString('base64')),
		);

	test('the file lands in binary "data" with its name and type; the file host saw no key', async () => {
		const result = await getAsset();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		const [item] = result.items;
		expect(item.json).toMatchObject({ id: DEMO.assetIds[1], name: 'asset-2.pdf' });
		expect(String(item.json.download_url)).toMatch(new RegExp(`^${sandbox.files.origin}/files/`));
		const binary = item.binary!.data;
		expect(binary).toMatchObject({ fileName: 'asset-2.pdf', mimeType: 'application/pdf' });
		expect(
			Buffer.from(binary.data, 'base64').equals(fileBytes(DEMO.assetIds[1], 'asset-2.pdf')),
		).toBe(true);
		expect(sandbox.files.downloads).toHaveLength(1);
		expect(sandbox.files.downloads[0].status).toBe(200);
		expect(sandbox.files.downloads[0].headers.authorization).toBeUndefined();
		expect(keyReachedFileHost()).toBe(false);
		// The API itself was asked exactly once, with the key (the Get).
		expect(sandbox.requests.map((request) => request.path)).toEqual([
			`/v1/assets/${DEMO.assetIds[1]}`,
		]);
	});

	test('Put Output File in Field names the binary property', async () => {
		const result = await getAsset({ assetId: DEMO.assetIds[0], binaryPropertyName: 'video' });
		expect(Object.keys(result.items[0].binary ?? {})).toEqual(['video']);
		expect(result.items[0].binary!.video).toMatchObject({
			fileName: 'asset-1.mp4',
			mimeType: 'video/mp4',
		});
	});

	test('version 1 (workflows saved with 0.1.0) returns the record only, whatever the parameters say', async () => {
		const result = await getAsset({}, { typeVersion: 1 });
		expect(result.error).toBeUndefined();
		expect(result.items[0].binary).toBeUndefined();
		expect(sandbox.files.downloads).toHaveLength(0);
	});

	test('Download off returns the record only', async () => {
		const result = await getAsset({ download: false });
		expect(result.items[0].binary).toBeUndefined();
		expect(sandbox.files.downloads).toHaveLength(0);
	});

	test('an expired link fails clearly, without the signature in the message', async () => {
		sandbox.files.ttlSeconds = -60;
		const result = await getAsset();
		expect(result.error?.message).toBe(
			"The file's download link was refused (HTTP 403): it has expired or its signature is not valid",
		);
		expect(result.error?.description).toMatch(/about an hour.*AccessDenied: Request has expired/);
		expect(JSON.stringify(result.error)).not.toMatch(/Signature=|Expires=/);
		expect(sandbox.files.downloads).toHaveLength(1);
	});

	test('an empty Put Output File in Field fails naming it before any request', async () => {
		const result = await getAsset({ binaryPropertyName: ' ' });
		expect(result.error?.message).toBe('Put Output File in Field is required');
		expect(sandbox.requests).toHaveLength(0);
	});

	test('an asset without a file yet fails clearly', async () => {
		const [created] = sandbox.insertMany('/v1/assets', [
			{
				type: null,
				embed_link_url: '',
				download_url: '',
				name: 'Processing',
				sync_completion: false,
			},
		]);
		const result = await getAsset({ assetId: created.id as string });
		expect(result.error?.message).toBe('This record has no file to download yet');
		expect(sandbox.files.downloads).toHaveLength(0);
	});

	test('Continue On Fail: one item per input, each paired; only the good one carries a file', async () => {
		const result = await getAsset(
			{ assetId: '={{ $json.id }}' },
			{
				items: [{ id: DEMO.assetIds[2] }, { id: 'nosuchasset1' }, { id: DEMO.assetIds[1] }],
				continueOnFail: true,
			},
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(result.items[0].binary!.data).toMatchObject({
			fileName: 'asset-3.zip',
			mimeType: 'application/zip',
		});
		expect(result.items[1].binary).toBeUndefined();
		expect(result.items[1].json.httpCode).toBe('404');
		expect(result.items[2].binary!.data.fileName).toBe('asset-2.pdf');
		expect(keyReachedFileHost()).toBe(false);
	});

	describe('the download rules', () => {
		/** A storage host whose answers the test scripts, one per request. */
		let host: http.Server;
		let hostUrl = '';
		let script: Array<(res: http.ServerResponse) => void> = [];
		let hits: http.IncomingHttpHeaders[] = [];
		beforeAll(async () => {
			host = http.createServer((req, res) => {
				hits.push(req.headers);
				const next = script.shift();
				if (next) next(res);
				else res.writeHead(500).end();
			});
			await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
			hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
		});
		afterAll(async () => {
			host.closeAllConnections();
			await new Promise<void>((resolve) => host.close(() => resolve()));
		});
		beforeEach(() => {
			script = [];
			hits = [];
		});
		/** The next Asset › Get answers with this download_url. */
		const linkTo = (url: string) =>
			sandbox.faults.add({
				method: 'GET',
				path: `/v1/assets/${DEMO.assetIds[1]}`,
				fault: { kind: 'rewrite', set: { download_url: url } },
			});
		const file = (res: http.ServerResponse) =>
			res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 5 }).end('hello');

		test('a plain-HTTP link to another host is refused without a request', async () => {
			linkTo('http://files.example.com/asset.pdf?Signature=secret');
			const result = await getAsset();
			expect(result.error?.message).toBe('Refused to download from http://files.example.com');
			expect(JSON.stringify(result.error)).not.toContain('secret');
		});

		test('a 503 is retried; a redirect is followed; the key travels nowhere', async () => {
			script = [
				(res) => res.writeHead(503).end(),
				(res) => res.writeHead(302, { Location: `${hostUrl}/moved/notes.txt` }).end(),
				file,
			];
			linkTo(`${hostUrl}/files/notes.txt?Signature=abc`);
			const result = await getAsset();
			expect(result.error).toBeUndefined();
			expect(hits).toHaveLength(3);
			expect(hits.every((headers) => headers.authorization === undefined)).toBe(true);
			expect(JSON.stringify(hits)).not.toContain(TEST_API_KEY);
			expect(result.items[0].binary!.data).toMatchObject({
				fileName: 'notes.txt',
				mimeType: 'text/plain',
			});
			expect(Buffer.from(result.items[0].binary!.data.data, 'base64').toString()).toBe('hello');
		});

		test('more than 3 redirects fail', async () => {
			const hop = (res: http.ServerResponse) =>
				res.writeHead(302, { Location: `${hostUrl}/again/x.txt` }).end();
			script = [hop, hop, hop, hop, file];
			linkTo(`${hostUrl}/x.txt`);
			const result = await getAsset();
			expect(result.error?.message).toMatch(/redirected too often/);
			expect(hits).toHaveLength(4);
		});

		test('a file announced larger than 512 MB is refused before it is read', async () => {
			script = [
				(res) => {
					res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': 600 * 1024 * 1024 });
					res.write(Buffer.alloc(1024));
				},
			];
			linkTo(`${hostUrl}/big.mp4`);
			const result = await getAsset();
			expect(result.error?.message).toBe(
				'The file is larger than 512 MB (at least 600 MB); it was not downloaded',
			);
		});

		test('a link that is gone answers 404 clearly', async () => {
			script = [(res) => res.writeHead(404).end()];
			linkTo(`${hostUrl}/files/gone.pdf?Signature=abc`);
			const result = await getAsset();
			expect(result.error?.message).toBe(
				`The file is no longer at its download link (HTTP 404, ${hostUrl.slice(7)}/files/gone.pdf)`,
			);
		});
	});
});
