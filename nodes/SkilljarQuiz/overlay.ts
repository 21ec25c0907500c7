import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'quiz',
		name: 'Quiz',
		operations: [
			'quizzes_list',
			'quizzes_create',
			'quizzes_retrieve',
			'quizzes_partial_update',
			'quizzes_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_quizzes',
			'create_quizzes',
			'update_quizzes',
			'delete_quizzes',
			'get_quiz',
		],
	},
	{
		value: 'quizQuestionBank',
		name: 'Quiz Question Bank',
		noun: 'question bank of a quiz',
		plural: 'question banks of a quiz',
		operations: [
			'quizzes_question_banks_list',
			'quizzes_question_banks_retrieve',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_quiz_question_bank_assignments',
			{
				id: 'bind_quiz_question_banks',
				value: 'addManyV2',
				name: 'Add in Bulk',
				action: 'Add question banks to a quiz in bulk',
			},
			'update_quiz_question_banks',
			{
				id: 'unbind_quiz_question_banks',
				value: 'removeManyV2',
				name: 'Remove in Bulk',
				action: 'Remove question banks from a quiz in bulk',
				description: 'API v2: a hard delete of the assignments (the banks stay); up to 100 per request',
			},
		],
	},
	{
		value: 'quizQuestion',
		name: 'Quiz Question',
		noun: 'question of a quiz',
		plural: 'questions of a quiz',
		operations: [
			'quizzes_questions_list',
			'quizzes_questions_retrieve',
			{
				id: 'quizzes_questions_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a question from a quiz',
			},
		],
	},
];
