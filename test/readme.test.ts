import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderActionTable, replaceTable } from './harness/readme-table';
import { renderSimplifyTable, replaceSimplifyTable } from './harness/simplify-table';

/** The generated tables live in the docs the README links to. */
const actionsPath = join(__dirname, '..', 'docs', 'actions.md');
const behaviourPath = join(__dirname, '..', 'docs', 'behaviour.md');

test('docs/actions.md lists every action of every node, as the operation tables define them', () => {
	const readme = readFileSync(actionsPath, 'utf8');
	const current = replaceTable(readme, renderActionTable());
	if (process.env.UPDATE_README === '1') writeFileSync(actionsPath, current);
	expect(readme).toBe(current);
});

test('docs/behaviour.md lists the columns of every simplified record, as nodes/shared/simplify.ts defines them', () => {
	const readme = readFileSync(behaviourPath, 'utf8');
	const current = replaceSimplifyTable(readme, renderSimplifyTable());
	if (process.env.UPDATE_README === '1') writeFileSync(behaviourPath, current);
	expect(readme).toBe(current);
});
