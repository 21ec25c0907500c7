// @ts-check
// Runs a few commands at once and prints each one's output as one block when it ends, so the
// log reads as if they had run one after another. npm test uses it for jobs that each keep one
// core busy and need nothing from each other (lint beside the type checks): on a 2-core machine
// that is most of their time saved.

import { spawn } from 'node:child_process';
import { bold, log, red } from './lib/log.mjs';

const HELP = `Usage: node tools/parallel.mjs "<command>" "<command>" …

Runs the commands (through the shell) at the same time. Each one's output is printed in one
block when it ends. Exits with the first failing command's code, after all have ended.`;

const commands = process.argv.slice(2);
if (commands.length === 0 || commands.includes('--help') || commands.includes('-h')) {
	log(HELP);
	process.exit(commands.length === 0 ? 2 : 0);
}

/** @param {string} command @returns {Promise<number>} */
function run(command) {
	const started = Date.now();
	return new Promise((resolve) => {
		const child = spawn(command, { shell: true, stdio: ['ignore', 'pipe', 'pipe'] });
		/** @type {Buffer[]} */
		const output = [];
		child.stdout.on('data', (chunk) => output.push(chunk));
		child.stderr.on('data', (chunk) => output.push(chunk));
		child.on('error', (err) => output.push(Buffer.from(`${err.message}\n`)));
		child.on('close', (code, signal) => {
			const status = code ?? (signal ? 128 : 1);
			const seconds = ((Date.now() - started) / 1000).toFixed(0);
			const head = `› ${command} (${seconds}s${status ? `, exit ${code ?? signal}` : ''})`;
			log(status ? red(bold(head)) : bold(head));
			process.stdout.write(Buffer.concat(output));
			resolve(status);
		});
	});
}

const codes = await Promise.all(commands.map(run));
process.exit(codes.find((code) => code !== 0) ?? 0);
