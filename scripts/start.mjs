// npm start: build the package, start the Skilljar sandbox with its demo organisation, install
// real n8n 1.123 into .n8n-local/ (first run only), load this package into it as a community
// package, import the "Skilljar sandbox" credential and the example workflows, set up the n8n
// owner account and print where to log in. Ctrl-C stops everything this script started.
//
// Environment: N8N_PORT (5678), SKILLJAR_SANDBOX_PORT (4010), SKILLJAR_SANDBOX_API_KEY,
// N8N_V1_VERSION (n8n version to install), START_NO_BUILD=1 to skip the build.

import fs from 'node:fs';
import path from 'node:path';
import {
	LOCAL,
	N8N_V1,
	N8nClient,
	ROOT,
	SANDBOX_API_KEY,
	bold,
	buildPackage,
	credentialFile,
	dim,
	ensureN8n,
	exampleFiles,
	fingerprint,
	freePort,
	green,
	installPackageInto,
	log,
	n8nCli,
	n8nEnv,
	portInUse,
	red,
	startN8nServer,
	startSandboxProcess,
	stopChild,
	yellow,
} from './lib/runtime.mjs';

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const SANDBOX_PORT = Number(process.env.SKILLJAR_SANDBOX_PORT || 4010);
const OWNER = {
	email: 'owner@example.com',
	password: 'Skilljar-sandbox-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};
const USER_FOLDER = path.join(LOCAL, 'home');
const LOGS = path.join(LOCAL, 'logs');

const children = [];
let stopping = false;

async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	log(yellow('\nStopping n8n and the sandbox…'));
	await Promise.all(children.reverse().map((child) => stopChild(child)));
	log('Stopped.');
	process.exit(code);
}

process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
	const started = Date.now();
	for (const [port, what] of [
		[N8N_PORT, 'n8n (set N8N_PORT)'],
		[SANDBOX_PORT, 'the sandbox (set SKILLJAR_SANDBOX_PORT)'],
	]) {
		if (await portInUse(port))
			throw new Error(`Port ${port} on 127.0.0.1 is already in use; needed for ${what}`);
	}

	if (process.env.START_NO_BUILD !== '1') buildPackage();
	const nodeBinary = await ensureN8n(N8N_V1);

	log(bold(`› Starting the Skilljar sandbox on 127.0.0.1:${SANDBOX_PORT}`));
	const sandbox = await startSandboxProcess({
		port: SANDBOX_PORT,
		logFile: path.join(LOGS, 'sandbox.log'),
	});
	children.push(sandbox.child);

	installPackageInto(USER_FOLDER);
	const env = n8nEnv({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: await freePort() });

	// Import the credential and the examples only when they (or the sandbox address) changed:
	// each import boots n8n's CLI once (~10 s).
	const examples = exampleFiles();
	const stamp = path.join(USER_FOLDER, 'imported.sha256');
	const wanted = fingerprint([sandbox.url, SANDBOX_API_KEY, ...examples]);
	const dbExists = fs.existsSync(path.join(USER_FOLDER, '.n8n', 'database.sqlite'));
	if (!dbExists || !fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== wanted) {
		log(bold('› Importing the "Skilljar sandbox" credential and the example workflows'));
		const credFile = credentialFile(path.join(USER_FOLDER, 'credential.json'), sandbox.url);
		for (const args of [
			['import:credentials', `--input=${credFile}`],
			['import:workflow', '--separate', `--input=${path.join(ROOT, 'examples')}`],
		]) {
			const res = await n8nCli(N8N_V1, nodeBinary, env, args);
			if (res.code !== 0)
				throw new Error(`n8n ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
		}
		fs.rmSync(credFile, { force: true }); // it holds the API key in clear text
		log(dim(`  imported 1 credential and ${examples.length} workflows`));
		fs.writeFileSync(stamp, wanted);
	}

	log(bold(`› Starting n8n ${N8N_V1.version} on 127.0.0.1:${N8N_PORT}`));
	const n8n = await startN8nServer(N8N_V1, nodeBinary, env, {
		logFile: path.join(LOGS, 'n8n.log'),
		echo: process.env.START_VERBOSE === '1',
	});
	children.push(n8n.child);
	const client = new N8nClient(n8n.base);
	const owner = await client.ensureOwner(OWNER);

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	log('');
	log(green(bold(`Ready in ${seconds}s.`)));
	log(`  n8n editor:       ${bold(`${n8n.base}/`)}  (n8n ${N8N_V1.version})`);
	log(
		`  Log in as:        ${bold(OWNER.email)} / ${bold(OWNER.password)}${owner === 'created' ? dim('  (owner account just created)') : ''}`,
	);
	log(
		`  Skilljar sandbox: ${sandbox.url}  (API key ${SANDBOX_API_KEY.slice(0, 6)}…, credential "Skilljar sandbox")`,
	);
	log(
		`  Examples:         ${examples.map((f) => path.basename(f)).join(', ')} (Workflows → Overview)`,
	);
	log(`  Fire a webhook:   node build/sandbox/cli.js fire COURSE_COMPLETION --url ${sandbox.url}`);
	log(`  Logs:             ${path.relative(ROOT, LOGS)}/`);
	log(dim('Press Ctrl-C to stop n8n and the sandbox.'));

	// Whichever child dies first takes the rest down with it.
	await Promise.race(
		children.map((child) => new Promise((resolve) => child.once('exit', () => resolve(child)))),
	);
	if (!stopping) {
		log(red('A child process exited unexpectedly; see the logs above.'));
		await shutdown(1);
	}
}

main().catch(async (err) => {
	log(red(`\n${err instanceof Error ? err.message : String(err)}`));
	await shutdown(1);
});
