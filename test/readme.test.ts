import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { renderActionTable, replaceTable } from './harness/readme-table';
import { renderSimplifyTable, replaceSimplifyTable } from './harness/simplify-table';

const readmePath = join(__dirname, '..', 'README.md');

test('the README lists every action of every node, as the operation tables define them', () => {
	const readme = readFileSync(readmePath, 'utf8');
	const current = replaceTable(readme, renderActionTable());
	if (process.env.UPDATE_README === '1') writeFileSync(readmePath, current);
	expect(readme).toBe(current);
});

test('the README lists the columns of every simplified record, as nodes/shared/simplify.ts defines them', () => {
	const readme = readFileSync(readmePath, 'utf8');
	const current = replaceSimplifyTable(readme, renderSimplifyTable());
	if (process.env.UPDATE_README === '1') writeFileSync(readmePath, current);
	expect(readme).toBe(current);
});
