import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'groupCategory',
		name: 'Group Category',
		operations: ['group_categories_list', 'group_categories_retrieve'],
	},
];
