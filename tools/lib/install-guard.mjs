// @ts-check
// Runs one install command (npm ci, npm rebuild) as the leader of a process group of its own and
// makes sure nothing of that group outlives the install or the process that asked for it:
//
//   node install-guard.mjs <watched-pid> <command> [args...]
//
// - when the command exits, every process still in the group (an install script's stray npm,
//   a build left behind) is killed, and the guard exits with the command's code;
// - when <watched-pid> is gone (the npm start or e2e process died, even by SIGKILL, which runs
//   no handler of its own), or the guard gets SIGTERM/SIGINT/SIGHUP, the whole group is killed.
// The caller kills the group (-guardPid) itself on a timeout. Linux: the group is read from /proc.

import { spawn } from 'node:child_process';
import { alive, groupMembers } from './processes.mjs';

const [watchedArg, command, ...args] = process.argv.slice(2);
const watched = Number(watchedArg);
if (!watched || !command) {
	process.stderr.write('usage: node install-guard.mjs <watched-pid> <command> [args...]\n');
	process.exit(2);
}

function killGroupExceptSelf() {
	for (const pid of groupMembers(process.pid)) {
		try {
			process.kill(pid, 'SIGKILL');
		} catch {
			/* gone meanwhile */
		}
	}
}

/** @param {number} code */
function stop(code) {
	killGroupExceptSelf();
	process.exit(code);
}

// The first line of the install's log names the variables a calling npm exports to its scripts
// (npm_config_*, npm_package_*, ... in lower case) that reached the install: the runtime-install
// test reads it, and none may. A user's own NPM_CONFIG_* (a registry, a cache) may, by design.
const inherited = Object.keys(process.env)
	.filter((key) => /^npm_/.test(key))
	.sort();
process.stdout.write(
	`install-guard: npm settings from the calling npm: ${inherited.length ? inherited.join(' ') : 'none'}\n`,
);

const child = spawn(command, args, { stdio: 'inherit' });
child.on('error', (error) => {
	process.stderr.write(`install-guard: cannot start ${command}: ${error.message}\n`);
	stop(127);
});
child.on('exit', (code, signal) => stop(code ?? (signal ? 128 : 1)));
for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
	process.on(signal, () => stop(143));
}
// A parent that died leaves us re-parented; checking the pid itself also covers a reaper.
setInterval(() => {
	if (!alive(watched) || process.ppid !== watched) stop(143);
}, 500);
