// @ts-check
// Where things live. Everything else in tools/ builds its paths from these.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is tools/lib/paths.mjs). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored home of the real n8n installs and their user folders. */
export const LOCAL = path.join(ROOT, '.n8n-local');
export const PACKAGE_NAME = 'n8n-nodes-skilljar';
