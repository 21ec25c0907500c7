import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core keeps instance settings in the user folder: give each test run its own, so tests
// never touch a real ~/.n8n.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'skilljar-n8n-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
