// @ts-check
// Where things live. Everything else in tools/ builds its paths from these.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/lib/paths.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Git-ignored home of the links to the installed runtimes and of n8n's user folders.
 * SKILLJAR_LOCAL_DIR moves it (the runtime-install test uses a temporary one, so that installing
 * into a temporary cache never repoints this clone's links).
 */
export const LOCAL = process.env.SKILLJAR_LOCAL_DIR
	? path.resolve(process.env.SKILLJAR_LOCAL_DIR)
	: path.join(ROOT, '.n8n-local');
export const PACKAGE_NAME = 'n8n-nodes-skilljar';
