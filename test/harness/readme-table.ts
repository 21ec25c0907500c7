import { ACTION_NODES } from './node-types';
import type { SkilljarOperation } from '../../nodes/shared/types';
import { TABLES } from './tables';

export const TABLE_START =
	'<!-- actions-table:start (generated from the OpenAPI facts and the overlays; `npm run readme:update`) -->';
export const TABLE_END = '<!-- actions-table:end -->';

/** The README's list of every node, resource and action, with the API and endpoint it calls. */
export function renderActionTable(): string {
	const rows = ['| Node | Resource | Action | API | Endpoint |', '| --- | --- | --- | --- | --- |'];
	for (const node of ACTION_NODES) {
		for (const resource of TABLES[node.description.name]) {
			for (const operation of resource.operations) {
				rows.push(
					`| ${node.description.displayName} | ${resource.name} | ${operation.action} | ${operation.v2 ? 'v2' : 'v1'} | ${endpointsOf(operation)} |`,
				);
			}
		}
	}
	return rows.join('\n');
}

/** A composite lists every endpoint it may call, in order; other actions their one endpoint. */
function endpointsOf(operation: SkilljarOperation): string {
	const endpoints = operation.uses ?? [`${operation.method} ${operation.path}`];
	return endpoints.map((endpoint) => `\`${endpoint}\``).join(' → ');
}

export function replaceTable(readme: string, table: string): string {
	const start = readme.indexOf(TABLE_START);
	const end = readme.indexOf(TABLE_END);
	if (start < 0 || end < start) throw new Error('README has no actions-table markers');
	return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
