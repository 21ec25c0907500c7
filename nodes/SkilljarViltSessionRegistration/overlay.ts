import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'viltSessionRegistration',
		name: 'VILT Session Registration',
		operations: [
			{ id: 'vilt_session_registrations_list', largeList: true },
			'vilt_session_registrations_create',
			'vilt_session_registrations_partial_update',
			'vilt_session_registrations_retrieve',
			'vilt_session_registrations_destroy',
		],
	},
];
