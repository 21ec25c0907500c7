import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'lessonProgress',
		name: 'Lesson Progress',
		plural: 'lesson progress records',
		operations: [
			{ id: 'lesson_progress_partial_update', fields: { validation_data: { default: '{}' } } },
			'lesson_progress_retrieve',
		],
	},
];
