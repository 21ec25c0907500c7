import type { INodeProperties } from 'n8n-workflow';

import { ACTION_NODE_VERSIONS, VERSION_1_1, byVersion, hasSince } from '../nodes/shared/versioned';
import { ACTION_NODES } from './harness/node-types';

/** One version rule: what 1.1 adds is shown to 1.1 only, what it changes is kept in both forms. */
describe('node versions', () => {
	test('a parameter 1.1 changes is kept twice, each form shown to its versions', () => {
		const shown = { resource: ['tag'], operation: ['get'] };
		const properties = byVersion((version): INodeProperties[] => [
			{
				displayName: 'Same',
				name: 'same',
				type: 'string',
				default: '',
				displayOptions: { show: shown },
			},
			{
				displayName: hasSince(version, VERSION_1_1) ? 'Tag' : 'Tag ID',
				name: 'tagId',
				type: 'string',
				default: '',
				displayOptions: { show: shown },
			},
		]);
		expect(
			properties.map((property) => [
				property.displayName,
				property.displayOptions?.show?.['@version'],
			]),
		).toEqual([
			['Same', undefined],
			['Tag ID', [{ _cnd: { lt: VERSION_1_1 } }]],
			['Tag', [{ _cnd: { gte: VERSION_1_1 } }]],
		]);
	});

	test('every version condition in the nodes names a version the nodes have', () => {
		const conditions = new Set<string>();
		for (const node of ACTION_NODES) {
			expect(node.description.version).toEqual(ACTION_NODE_VERSIONS);
			for (const property of node.description.properties) {
				for (const condition of property.displayOptions?.show?.['@version'] ?? []) {
					conditions.add(JSON.stringify(condition));
				}
			}
		}
		expect([...conditions].sort()).toEqual(
			[{ _cnd: { gte: VERSION_1_1 } }, { _cnd: { lt: VERSION_1_1 } }]
				.map((c) => JSON.stringify(c))
				.sort(),
		);
	});
});
