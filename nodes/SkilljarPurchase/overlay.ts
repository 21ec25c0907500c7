import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'purchase',
		name: 'Purchase',
		operations: ['purchases_retrieve', 'purchases_partial_update', 'purchases_fulfill_create'],
	},
];
