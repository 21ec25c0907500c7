import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'label',
		name: 'Label',
		operations: [
			'labels_list',
			'labels_create',
			'labels_retrieve',
			'labels_partial_update',
			'labels_destroy',
		],
	},
];
