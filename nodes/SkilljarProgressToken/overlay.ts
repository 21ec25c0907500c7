import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'progressToken',
		name: 'Progress Token',
		operations: ['progresstokens_partial_update', 'progresstokens_list', 'progresstokens_retrieve'],
	},
];
