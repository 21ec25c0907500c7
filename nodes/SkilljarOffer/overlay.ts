import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'offer',
		name: 'Offer',
		operations: ['offers_list', 'offers_retrieve', 'offers_partial_update'],
	},
];
