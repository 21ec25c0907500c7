import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'lesson',
		name: 'Lesson',
		operations: [
			{
				id: 'lessons_list',
				// Departure: the document marks course_id optional, but the live API answers 400
				// ("Course ID required as a query parameter") without it.
				fields: { course_id: { required: true } },
			},
			'lessons_create',
			'lessons_partial_update',
			'lessons_retrieve',
			'lessons_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_lessons',
			'create_lessons',
			'update_lessons',
			'get_lesson',
		],
	},
	{
		value: 'contentItem',
		name: 'Content Item',
		operations: [
			'lessons_content_items_list',
			'lessons_content_items_create',
			'lessons_content_items_partial_update',
			'lessons_content_items_retrieve',
		],
	},
	{
		value: 'ratingContentBlock',
		name: 'Rating Content Block',
		operations: [
			'lessons_rating_content_blocks_create',
			'lessons_rating_content_blocks_retrieve',
			'lessons_rating_content_blocks_partial_update',
			'lessons_rating_content_blocks_destroy',
		],
	},
];
