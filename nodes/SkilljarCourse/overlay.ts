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
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_courses',
			'create_courses',
			'update_courses',
			'get_course',
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
	{
		value: 'courseAnalytics',
		name: 'Course Analytics',
		noun: 'course analytics summary',
		plural: 'course ratings',
		operations: [
			'get_course_analytics',
			{
				id: 'list_course_ratings',
				value: 'getRatingsV2',
				name: 'Get Ratings',
				action: 'Get the ratings of a course',
			},
		],
	},
	{
		value: 'certificate',
		name: 'Certificate',
		operations: ['list_certificates', 'get_certificate'],
	},
];
