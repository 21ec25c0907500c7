// @ts-check
// This package as n8n sees it: build it, copy the build into an n8n user folder as a community
// package, and list the example workflows and the credential they use.

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bold, log } from './log.mjs';
import { PACKAGE_NAME, ROOT } from './paths.mjs';
import { run } from './processes.mjs';

/** Fixed ids, also referenced by the example workflows in examples/. */
export const CREDENTIAL_ID = 'SkjSandboxCred01';
export const CREDENTIAL_NAME = 'Skilljar sandbox';
/** The sandbox's API v2 client as an n8n credential (examples/bulk-enroll-v2.json uses it). */
export const CREDENTIAL_V2_ID = 'SkjSandboxCredV2';
export const CREDENTIAL_V2_NAME = 'Skilljar sandbox (API v2)';

/** @param {string} file */
export function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** @param {string} file @param {unknown} value */
export function writeJson(file, value) {
	fs.mkdirSync(path.dirname(file), { recursive: true });
	fs.writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Compile nodes/credentials to dist/ and the sandbox to build/ (npm run build). */
export function buildPackage() {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	log(bold('› Building the package (npm run build)'));
	run(npm, ['run', 'build', '--silent']);
}

/**
 * Load the built package the way n8n installs community packages:
 * <N8N_USER_FOLDER>/.n8n/nodes/node_modules/<pkg>. A copy, not a symlink, so that
 * `require('n8n-workflow')` from the nodes resolves to this n8n's own copy.
 * @param {string} userFolder
 */
export function installPackageInto(userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	if (!fs.existsSync(path.join(ROOT, 'dist'))) throw new Error('dist/ missing: build first');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	const pkg = readJson(path.join(ROOT, 'package.json'));
	// Keep what an `npm install` of the published tarball would have.
	writeJson(path.join(target, 'package.json'), {
		name: pkg.name,
		version: pkg.version,
		description: pkg.description,
		license: pkg.license,
		keywords: pkg.keywords,
		main: pkg.main,
		n8n: pkg.n8n,
		peerDependencies: pkg.peerDependencies,
	});
	fs.cpSync(path.join(ROOT, 'dist'), path.join(target, 'dist'), { recursive: true });
	const nodesManifest = path.join(nodesDir, 'package.json');
	const manifest = fs.existsSync(nodesManifest)
		? readJson(nodesManifest)
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...(manifest.dependencies ?? {}), [pkg.name]: pkg.version };
	writeJson(nodesManifest, manifest);
	return target;
}

/**
 * The "Skilljar sandbox" credentials (API key for v1, OAuth client for v2) as an n8n import file
 * (it holds the key and the client secret in clear text: delete it after the import). The v2
 * client is the sandbox's own from sandbox/defaults.json unless given.
 * @param {string} file @param {string} sandboxUrl @param {string} apiKey
 * @param {{ clientId: string, clientSecret: string }} [v2]
 */
export function credentialFile(file, sandboxUrl, apiKey, v2 = sandboxV2Client()) {
	writeJson(file, [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: 'skilljarApi',
			data: { apiKey, baseUrl: sandboxUrl },
		},
		{
			id: CREDENTIAL_V2_ID,
			name: CREDENTIAL_V2_NAME,
			type: 'skilljarV2Api',
			data: { clientId: v2.clientId, clientSecret: v2.clientSecret, baseUrl: sandboxUrl },
		},
	]);
	return file;
}

/** The sandbox's own API v2 client (sandbox/defaults.json). */
export function sandboxV2Client() {
	const defaults = readJson(path.join(ROOT, 'sandbox', 'defaults.json'));
	return { clientId: String(defaults.v2ClientId), clientSecret: String(defaults.v2ClientSecret) };
}

/** Fingerprint of values (files are read), to notice a change. @param {string[]} values */
export function fingerprint(values) {
	const hash = createHash('sha256');
	for (const v of values) hash.update(fs.existsSync(v) ? fs.readFileSync(v) : v);
	return hash.digest('hex');
}

/** The example workflows, sorted by file name. */
export function exampleFiles() {
	const dir = path.join(ROOT, 'examples');
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => path.join(dir, f));
}
