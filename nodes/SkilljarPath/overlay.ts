import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'path',
		name: 'Path',
		operations: ['paths_list', 'paths_retrieve', 'paths_partial_update', 'paths_destroy'],
	},
	{
		value: 'pathItem',
		name: 'Path Item',
		operations: ['paths_path_items_list', 'paths_path_items_retrieve'],
	},
];
