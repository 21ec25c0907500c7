import type { NodeOverlay } from '../shared/types';

/** Most sessions are scheduled in UTC; the first zone of the list (Africa/Abidjan) is a poor default. */
const timezone = { default: 'UTC' };

export const overlay: NodeOverlay = [
	{
		value: 'iltSession',
		name: 'ILT Session',
		operations: [
			{ id: 'ilt_sessions_create', fields: { timezone } },
			// Skilljar offers only PUT here; it is still a partial update.
			{ id: 'ilt_sessions_update', fields: { timezone } },
			'ilt_sessions_list',
			'ilt_sessions_retrieve',
		],
	},
];
