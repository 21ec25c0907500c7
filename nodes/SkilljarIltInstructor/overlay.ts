import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'iltInstructor',
		name: 'ILT Instructor',
		operations: [
			'ilt_instructors_list',
			'ilt_instructors_create',
			'ilt_instructors_retrieve',
			'ilt_instructors_partial_update',
			'ilt_instructors_destroy',
		],
	},
];
