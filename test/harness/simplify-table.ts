import { SIMPLIFIED_RECORDS, simplifiedRecordOf } from '../../nodes/shared/simplify';
import { ACTION_NODES } from './node-types';
import { TABLES } from './tables';

export const SIMPLIFY_START =
	'<!-- simplify-table:start (generated from nodes/shared/simplify.ts; `npm run readme:update`) -->';
export const SIMPLIFY_END = '<!-- simplify-table:end -->';

/** README › Simplify: each simplified record, the actions that return it and its columns in order. */
export function renderSimplifyTable(): string {
	const rows = [
		'| Record | Actions | Columns (source in Skilljar’s record) |',
		'| --- | --- | --- |',
	];
	for (const record of SIMPLIFIED_RECORDS) {
		const actions: string[] = [];
		for (const node of ACTION_NODES) {
			for (const resource of TABLES[node.description.name]) {
				const names = resource.operations
					.filter((operation) => simplifiedRecordOf(operation) === record)
					.map((operation) => operation.name);
				if (names.length > 0) {
					actions.push(`${node.description.displayName} › ${resource.name} › ${names.join(', ')}`);
				}
			}
		}
		const columns = record.columns.map((column) => {
			if (column.from === column.name) return `\`${column.name}\``;
			const source = column.from.startsWith('path:') ? 'from the request' : column.from;
			return `\`${column.name}\` (${source})`;
		});
		rows.push(`| ${record.title} | ${actions.join('; ')} | ${columns.join(', ')} |`);
	}
	return rows.join('\n');
}

export function replaceSimplifyTable(readme: string, table: string): string {
	const start = readme.indexOf(SIMPLIFY_START);
	const end = readme.indexOf(SIMPLIFY_END);
	if (start < 0 || end < start) throw new Error('README has no simplify-table markers');
	return `${readme.slice(0, start + SIMPLIFY_START.length)}\n${table}\n${readme.slice(end)}`;
}
