// @ts-check
// npm start: build the package, start the Skilljar sandbox with its demo organisation, install
// real n8n 1.123 (first run on this machine only: runtime cache, linked from .n8n-local/v1),
// load this package into it as a community package, import the "Skilljar sandbox" credential
// and the example workflows that are not there yet, set up the n8n owner account and print
// where to log in.
//
// Whatever stops it (Ctrl-C, a closed terminal, SIGTERM from an IDE, `timeout` or
// `docker stop`, sent to npm or to the whole process group, or npm itself dying) stops n8n and
// the sandbox too: they run in process groups of their own, so this script stops them itself.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bold, dim, green, log, red, yellow } from './lib/log.mjs';
import { n8nCli, n8nEnv, startN8nServer } from './lib/n8n.mjs';
import { N8nClient } from './lib/n8n-client.mjs';
import {
	CREDENTIAL_ID,
	CREDENTIAL_V2_ID,
	buildPackage,
	credentialFile,
	exampleFiles,
	fingerprint,
	installPackageInto,
	readJson,
	sandboxV2Client,
	writeJson,
} from './lib/package.mjs';
import { LOCAL, ROOT } from './lib/paths.mjs';
import { freePort, portInUse, stopChild, watchParents } from './lib/processes.mjs';
import { N8N_V1, ensureN8n } from './lib/runtimes.mjs';
import { SANDBOX_API_KEY, SANDBOX_PORT, startSandboxProcess } from './lib/sandbox.mjs';

const HELP = `Usage: npm start   (node tools/start.mjs)

Starts the Skilljar sandbox and a real n8n ${N8N_V1.version} with this package loaded, on 127.0.0.1.
Stops both on Ctrl-C, SIGTERM or SIGHUP, and when the process that started it goes away.

Environment:
  N8N_PORT=5678                 n8n's port
  SKILLJAR_SANDBOX_PORT=${SANDBOX_PORT}     the sandbox's port
  SKILLJAR_SANDBOX_API_KEY      the sandbox's API key (default in sandbox/defaults.json)
  START_HOME=.n8n-local/home    n8n user folder (its database, logs and start.json)
  START_NO_BUILD=1              skip npm run build
  START_VERBOSE=1               echo n8n's output
  SKILLJAR_RUNTIME_CACHE=DIR    where n8n is installed once per machine
                                (default ~/.cache/n8n-nodes-skilljar/runtimes; 0: in .n8n-local/)`;

if (process.argv.includes('--help') || process.argv.includes('-h')) {
	log(HELP);
	process.exit(0);
}

const N8N_PORT = Number(process.env.N8N_PORT || 5678);
const OWNER = {
	email: 'owner@example.com',
	password: 'Skilljar-sandbox-1',
	firstName: 'Sandbox',
	lastName: 'Owner',
};
const USER_FOLDER = path.resolve(process.env.START_HOME || path.join(LOCAL, 'home'));
const LOGS = path.join(USER_FOLDER, 'logs');
/** Who is running, for a test or a user who wants to know what to stop. */
const STATE_FILE = path.join(USER_FOLDER, 'start.json');

/** @type {Array<{ name: string, child: import('node:child_process').ChildProcess }>} */
const children = [];
let stopping = false;

/** @param {number} code */
async function shutdown(code) {
	if (stopping) return;
	stopping = true;
	if (children.length) {
		log(yellow('\nStopping n8n and the sandbox…'));
		await Promise.all([...children].reverse().map(({ child }) => stopChild(child)));
		log('Stopped.');
	}
	fs.rmSync(STATE_FILE, { force: true });
	process.exit(code);
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
	process.on(signal, () => void shutdown(signal === 'SIGINT' ? 130 : 143));
}
// npm → sh → node: when npm is killed or its terminal closes, we may hear nothing ourselves.
watchParents(() => void shutdown(1));

function writeState() {
	writeJson(STATE_FILE, {
		pid: process.pid,
		ports: { n8n: N8N_PORT, sandbox: SANDBOX_PORT },
		children: children.map((c) => ({ name: c.name, pid: c.child.pid })),
	});
}

/**
 * Remember a child the moment it is spawned, so that a signal during start-up stops it too.
 * @param {string} name @param {import('node:child_process').ChildProcess} child
 */
function track(name, child) {
	children.push({ name, child });
	writeState();
	child.once('exit', () => {
		if (stopping) return;
		children.splice(
			children.findIndex((c) => c.child === child),
			1,
		);
		writeState();
	});
	if (stopping) void stopChild(child);
}

/** Both ports at once; a busy one gets a free alternative in a command ready to copy. */
async function checkPorts() {
	const wanted = [
		{ name: 'n8n', env: 'N8N_PORT', port: N8N_PORT },
		{ name: 'the sandbox', env: 'SKILLJAR_SANDBOX_PORT', port: SANDBOX_PORT },
	];
	const busy = [];
	for (const w of wanted) if (await portInUse(w.port)) busy.push(w);
	if (!busy.length) return;
	const settings = [];
	for (const w of wanted) {
		let port = w.port;
		if (busy.includes(w)) port = await freePort();
		settings.push(`${w.env}=${port}`);
	}
	const lines = busy.map((w) => `  ${w.port} (${w.name}, ${w.env}) is already in use on 127.0.0.1`);
	throw new Error(
		`${lines.join('\n')}\nStop whatever uses ${busy.length > 1 ? 'them' : 'it'} (a previous npm start?) or run:\n  ${settings.join(' ')} npm start`,
	);
}

/**
 * Ids of the workflows and credentials already in n8n's database (read with n8n's own sqlite3),
 * so an import never writes over a copy the user has edited.
 * @param {string} dbFile
 * @returns {Promise<{ workflows: Set<string>, credentials: Set<string> }>}
 */
async function storedIds(dbFile) {
	const none = { workflows: new Set(), credentials: new Set() };
	if (!fs.existsSync(dbFile)) return none;
	const fromN8n = createRequire(path.join(N8N_V1.dir, 'node_modules', 'n8n', 'package.json'));
	const sqlite3 = fromN8n('sqlite3');
	const db = new sqlite3.Database(dbFile, sqlite3.OPEN_READONLY);
	/** @param {string} sql @returns {Promise<Set<string>>} */
	const ids = (sql) =>
		new Promise((resolve, reject) =>
			db.all(sql, (/** @type {Error | null} */ err, /** @type {Array<{ id: string }>} */ rows) =>
				err ? reject(err) : resolve(new Set(rows.map((r) => r.id))),
			),
		);
	try {
		return {
			workflows: await ids('SELECT id FROM workflow_entity'),
			credentials: await ids('SELECT id FROM credentials_entity'),
		};
	} finally {
		db.close();
	}
}

/**
 * Import the credentials (v1 key, v2 client) when one is missing or the sandbox's address, key
 * or client changed (they only point at the sandbox), and each example workflow only when its id
 * is not in n8n yet.
 * @param {{ url: string }} sandbox @param {NodeJS.ProcessEnv} env @param {string} nodeBinary
 */
async function importMissing(sandbox, env, nodeBinary) {
	const stored = await storedIds(path.join(USER_FOLDER, '.n8n', 'database.sqlite'));
	const stampFile = path.join(USER_FOLDER, 'credential.sha256');
	const stamp = fingerprint([sandbox.url, SANDBOX_API_KEY, sandboxV2Client().clientId]);
	const credentialCurrent =
		stored.credentials.has(CREDENTIAL_ID) &&
		stored.credentials.has(CREDENTIAL_V2_ID) &&
		fs.existsSync(stampFile) &&
		fs.readFileSync(stampFile, 'utf8') === stamp;
	const examples = exampleFiles().filter((f) => !stored.workflows.has(readJson(f).id));
	if (credentialCurrent && !examples.length) return 0;

	log(
		bold('› Importing what n8n does not have yet: the "Skilljar sandbox" credentials and examples'),
	);
	const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skilljar-start-'));
	try {
		const commands = [];
		if (!credentialCurrent) {
			const credFile = credentialFile(
				path.join(tmp, 'credential.json'),
				sandbox.url,
				SANDBOX_API_KEY,
			);
			commands.push(['import:credentials', `--input=${credFile}`]);
		}
		if (examples.length) {
			const dir = path.join(tmp, 'examples');
			fs.mkdirSync(dir);
			for (const f of examples) fs.copyFileSync(f, path.join(dir, path.basename(f)));
			commands.push(['import:workflow', '--separate', `--input=${dir}`]);
		}
		for (const args of commands) {
			const res = await n8nCli(N8N_V1, nodeBinary, env, args, {
				onStart: (child) => track(`n8n ${args[0]}`, child),
			});
			if (res.code !== 0)
				throw new Error(
					`n8n ${args.join(' ')} failed (${res.code ?? res.signal}):\n${res.stdout}\n${res.stderr}`,
				);
		}
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true }); // the credential file holds the API key
	}
	if (!credentialCurrent) fs.writeFileSync(stampFile, stamp);
	log(
		dim(
			`  imported ${credentialCurrent ? 'no' : '1'} credential and ${examples.length} workflow${examples.length === 1 ? '' : 's'}`,
		),
	);
	return examples.length;
}

async function main() {
	const started = Date.now();
	await checkPorts();
	if (process.env.START_NO_BUILD !== '1') buildPackage();
	const nodeBinary = await ensureN8n(N8N_V1);

	log(bold(`› Starting the Skilljar sandbox on 127.0.0.1:${SANDBOX_PORT}`));
	const sandbox = await startSandboxProcess({
		port: SANDBOX_PORT,
		logFile: path.join(LOGS, 'sandbox.log'),
		onStart: (child) => track('sandbox', child),
	});

	installPackageInto(USER_FOLDER);
	const env = n8nEnv({ userFolder: USER_FOLDER, port: N8N_PORT, brokerPort: await freePort() });
	await importMissing(sandbox, env, nodeBinary);

	log(bold(`› Starting n8n ${N8N_V1.version} on 127.0.0.1:${N8N_PORT}`));
	const n8n = await startN8nServer(N8N_V1, nodeBinary, env, {
		logFile: path.join(LOGS, 'n8n.log'),
		echo: process.env.START_VERBOSE === '1',
		onStart: (child) => track('n8n', child),
	});
	const client = new N8nClient(n8n.base);
	const owner = await client.ensureOwner(OWNER);

	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const examples = exampleFiles().map((f) => path.basename(f));
	log('');
	log(green(bold(`Ready in ${seconds}s.`)));
	log(`  n8n editor:       ${bold(`${n8n.base}/`)}  (n8n ${N8N_V1.version})`);
	log(
		`  Log in as:        ${bold(OWNER.email)} / ${bold(OWNER.password)}${owner === 'created' ? dim('  (owner account just created)') : ''}`,
	);
	log(
		`  Skilljar sandbox: ${sandbox.url}  (API key ${SANDBOX_API_KEY.slice(0, 6)}…, credential "Skilljar sandbox")`,
	);
	log(`  Examples:         ${examples.join(', ')} (Workflows → Overview)`);
	log(`  Fire a webhook:   node build/sandbox/cli.js fire COURSE_COMPLETION --url ${sandbox.url}`);
	log(`  Logs:             ${path.relative(ROOT, LOGS) || LOGS}/`);
	log(dim('Press Ctrl-C to stop n8n and the sandbox.'));

	// Whichever child dies first takes the rest down with it.
	await Promise.race(
		[sandbox.child, n8n.child].map(
			(child) => new Promise((resolve) => child.once('exit', resolve)),
		),
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
