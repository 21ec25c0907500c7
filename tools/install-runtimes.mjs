// @ts-check
// npm run runtimes:install [-- node24 | v1 | v2 ...]: install the runtimes that npm start and the
// end-to-end tests use (n8n 1.123; Node 24 and n8n 2.x) ahead of time, through the same code as
// they do (tools/lib/runtimes.mjs). Without arguments: all of them. Useful before going offline,
// and the path test/runtime-install.test.ts runs from scratch on every npm test.

import { watchParents } from './lib/processes.mjs';
import { ensureN8n, ensureNode, N8N_V1, N8N_V2 } from './lib/runtimes.mjs';

// npm passes a signal to the shell that runs this script, not to it: without npm (or with its
// shell gone) nobody waits for this install any more. Exiting takes the installs along.
watchParents(() => process.exit(143));

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const known = { node24: () => ensureNode(N8N_V2), v1: () => ensureN8n(N8N_V1), v2: () => ensureN8n(N8N_V2) };
const names = wanted.length ? wanted : Object.keys(known);
const unknown = names.filter((n) => !(n in known));
if (unknown.length) {
	process.stderr.write(`Unknown runtime ${unknown.join(', ')}; choose from ${Object.keys(known).join(', ')}\n`);
	process.exit(2);
}
for (const name of names) {
	const binary = await known[/** @type {keyof typeof known} */ (name)]();
	process.stdout.write(`${name}: ready (${binary})\n`);
}
