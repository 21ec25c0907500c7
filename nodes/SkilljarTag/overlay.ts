import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'tag',
		name: 'Tag',
		operations: [
			'tags_list',
			'tags_create',
			'tags_retrieve',
			'tags_partial_update',
			'tags_destroy',
		],
	},
];
