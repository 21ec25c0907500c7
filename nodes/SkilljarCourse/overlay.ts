import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'course',
		name: 'Course',
		operations: [
			'courses_list',
			'courses_create',
			'courses_partial_update',
			'courses_retrieve',
			'courses_destroy',
		],
	},
	{
		value: 'courseLabel',
		name: 'Course Label',
		noun: 'label',
		operations: [
			'courses_labels_list',
			{ id: 'courses_labels_create', value: 'add', name: 'Add', action: 'Add a label to a course' },
			'courses_labels_retrieve',
			{
				id: 'courses_labels_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a label from a course',
			},
		],
	},
];
