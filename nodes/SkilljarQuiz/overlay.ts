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
		],
	},
	{
		value: 'quizQuestionBank',
		name: 'Quiz Question Bank',
		noun: 'question bank of a quiz',
		plural: 'question banks of a quiz',
		operations: ['quizzes_question_banks_list', 'quizzes_question_banks_retrieve'],
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
