import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'viltSessionEvent',
		name: 'VILT Session Event',
		operations: ['vilt_session_events_list', 'vilt_session_events_retrieve'],
	},
];
