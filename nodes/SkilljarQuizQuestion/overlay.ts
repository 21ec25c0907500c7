import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'quizQuestion',
		name: 'Quiz Question',
		operations: [
			{ id: 'quiz_questions_create', fields: { answers: { default: '[]' } } },
			'quiz_questions_retrieve',
			'quiz_questions_partial_update',
			'quiz_questions_destroy',
		],
	},
];
