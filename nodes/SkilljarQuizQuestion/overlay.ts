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
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_questions',
			'create_questions',
			'update_questions',
			'delete_questions',
			'get_question',
		],
	},
];
