// @ts-check
// A per-user cache of installed runtimes (n8n 1.123, n8n 2.x, Node 24), shared by every clone
// of this repository on the machine, the way Playwright keeps its browsers in ~/.cache.
// Installing n8n takes minutes and gigabytes, yet its pinned lockfile is the same in every
// clone: each clone's .n8n-local/<name> is a symlink to an entry here.
//
// An entry's name carries a hash of everything that decides its contents (lockfile, manifest
// with overrides, Node version, platform), so a changed pin gets a new entry and never a
// half-updated old one. An entry is installed into a temporary folder beside it and renamed into
// place only when complete: a killed install leaves a `.tmp-*` folder (removed by the next run
// once its process is gone), never an entry that looks finished.

import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alive } from './processes.mjs';

/** Where the cache lives; `0`, `off` or `false` turns it off (installs go into .n8n-local/). */
export const CACHE_ENV = 'SKILLJAR_RUNTIME_CACHE';
/** Written into an entry as its last step; an entry without it (or with another key) is not used. */
const MARKER = '.runtime-entry.json';

/** The cache folder, or null when the cache is turned off. @returns {string | null} */
export function runtimeCacheRoot() {
	const setting = process.env[CACHE_ENV]?.trim();
	if (setting && /^(0|off|false|no)$/i.test(setting)) return null;
	if (setting) return path.resolve(setting);
	const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	const root = path.join(base, 'n8n-nodes-skilljar', 'runtimes');
	// The default place may be unusable (a read-only or missing home, as on some CI runners):
	// then install into the clone as before the cache existed, rather than fail. A folder named
	// in SKILLJAR_RUNTIME_CACHE is used as given, and an unusable one is an error (ensureEntry).
	try {
		fs.mkdirSync(root, { recursive: true });
		fs.accessSync(root, fs.constants.W_OK);
		return root;
	} catch (error) {
		if (!warnedUnusable) {
			warnedUnusable = true;
			process.stderr.write(
				`The runtime cache ${root} cannot be used (${/** @type {Error} */ (error).message}); installing into .n8n-local/ instead.\n`,
			);
		}
		return null;
	}
}
let warnedUnusable = false;

/** A short hash of what decides an entry's contents. @param {unknown[]} parts */
export function entryKey(parts) {
	return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** @param {string} dir @param {string} key */
function hasMarker(dir, key) {
	try {
		return JSON.parse(fs.readFileSync(path.join(dir, MARKER), 'utf8')).key === key;
	} catch {
		return false;
	}
}

/** Remove what killed installs left in `root` (`.tmp-<name>-<pid>-…` of processes now gone). @param {string} root */
function removeAbandoned(root) {
	for (const name of fs.existsSync(root) ? fs.readdirSync(root) : []) {
		const pid = Number(/^\.tmp-.*-(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
		if (pid && !alive(pid)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
	}
}

/**
 * Make sure `finalDir` holds a complete install for `key`: use it when its marker says so and
 * `verify` agrees, otherwise install into a temporary folder beside it and rename that into
 * place. Two processes installing the same entry at once both succeed: the second rename fails,
 * and that process uses the winner's copy.
 * @param {{ finalDir: string, key: string, verify: (dir: string) => boolean,
 *   install: (dir: string) => Promise<void> }} entry
 * @returns {Promise<{ dir: string, installed: boolean }>}
 */
export async function ensureEntry({ finalDir, key, verify, install }) {
	const usable = () => hasMarker(finalDir, key) && verify(finalDir);
	if (usable()) return { dir: finalDir, installed: false };
	const root = path.dirname(finalDir);
	try {
		fs.mkdirSync(root, { recursive: true });
	} catch (error) {
		throw new Error(
			`Cannot create the runtime cache folder ${root} (${/** @type {Error} */ (error).message}). ` +
				`Set ${CACHE_ENV} to a writable folder, or ${CACHE_ENV}=0 to install into .n8n-local/.`,
		);
	}
	removeAbandoned(root);
	if (fs.existsSync(finalDir)) {
		// Incomplete or damaged (files deleted by hand, an older layout): move it out of the way
		// first, so that no reader ever sees it half removed.
		const trash = path.join(root, `.tmp-trash-${process.pid}-${randomBytes(4).toString('hex')}`);
		fs.renameSync(finalDir, trash);
		fs.rmSync(trash, { recursive: true, force: true });
	}
	const temp = path.join(
		root,
		`.tmp-${path.basename(finalDir)}-${process.pid}-${randomBytes(4).toString('hex')}`,
	);
	fs.mkdirSync(temp);
	try {
		await install(temp);
		if (!verify(temp)) throw new Error(`the install in ${temp} does not hold what was asked for`);
		fs.writeFileSync(
			path.join(temp, MARKER),
			`${JSON.stringify({ key, installedAt: new Date().toISOString() }, null, 2)}\n`,
		);
		try {
			fs.renameSync(temp, finalDir);
		} catch (error) {
			if (!usable()) throw error;
			// Another process finished the same entry first: use its copy.
			fs.rmSync(temp, { recursive: true, force: true });
		}
		return { dir: finalDir, installed: true };
	} catch (error) {
		fs.rmSync(temp, { recursive: true, force: true });
		throw error;
	}
}

/**
 * Point `linkPath` (inside .n8n-local/) at `target`. A symlink there is replaced; a real folder
 * there is an install from before the cache existed and is removed (it is ours: .n8n-local/ is
 * this repository's runtime folder). The new link is renamed over the old one, so the path is
 * never missing while another process reads it.
 * @param {string} linkPath @param {string} target
 */
export function linkEntry(linkPath, target) {
	const stat = fs.lstatSync(linkPath, { throwIfNoEntry: false });
	if (stat?.isSymbolicLink() && fs.readlinkSync(linkPath) === target) return;
	if (stat && !stat.isSymbolicLink()) fs.rmSync(linkPath, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(linkPath), { recursive: true });
	const temp = `${linkPath}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
	fs.symlinkSync(target, temp, 'dir');
	fs.renameSync(temp, linkPath);
}
