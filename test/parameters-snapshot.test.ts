/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports -- reads and (on request) rewrites the committed snapshot */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import baseline from './fixtures/parameters-0.1.0.json';
import { ACTION_NODES } from './harness/node-types';
import { snapshotOf, type ParameterSnapshot } from './harness/parameter-snapshot';

const SNAPSHOT = join(__dirname, 'fixtures', 'parameters.json');
const current = snapshotOf(ACTION_NODES.map((node) => node.description));

/**
 * Parameters of release 0.1.0 that changed on purpose. Each entry: node, action, the old line,
 * and why a saved workflow is not hurt.
 */
const DELIBERATE_CHANGES: Array<{ node: string; action: string; line: string; why: string }> = [];

describe('built parameters', () => {
	test('equal the committed snapshot (npm run snapshot:update after a deliberate change)', () => {
		if (process.env.UPDATE_SNAPSHOT) {
			writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, '\t')}\n`);
		}
		const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as ParameterSnapshot;
		expect(current).toEqual(committed);
	});

	test('keep every node, action and parameter of release 0.1.0, so saved workflows still load', () => {
		const missing: string[] = [];
		for (const [node, actions] of Object.entries(baseline as ParameterSnapshot)) {
			for (const [action, lines] of Object.entries(actions)) {
				const now = current[node]?.[action];
				if (!now) {
					missing.push(`${node} ${action}: action is gone`);
					continue;
				}
				for (const line of lines) {
					const allowed = DELIBERATE_CHANGES.some(
						(change) => change.node === node && change.action === action && change.line === line,
					);
					if (!now.includes(line) && !allowed) missing.push(`${node} ${action}: ${line}`);
				}
			}
		}
		expect(missing).toEqual([]);
	});
});
