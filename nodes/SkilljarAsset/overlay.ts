import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'asset',
		name: 'Asset',
		operations: ['assets_list', 'assets_create', 'assets_retrieve', 'assets_destroy'],
	},
];
