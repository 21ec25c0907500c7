import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'iltMultiSessionEvent',
		name: 'ILT Multi-Session Event',
		operations: [
			'ilt_multi_session_events_list',
			'ilt_multi_session_events_create',
			'ilt_multi_session_events_partial_update',
			'ilt_multi_session_events_retrieve',
		],
	},
];
