import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'questionBank',
		name: 'Question Bank',
		operations: [
			'question_banks_list',
			'question_banks_create',
			'question_banks_retrieve',
			'question_banks_partial_update',
			'question_banks_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_question_banks',
			'create_question_banks',
			'update_question_banks',
			'delete_question_banks',
			'get_question_bank',
		],
	},
	{
		value: 'questionBankQuestion',
		name: 'Question Bank Question',
		noun: 'question',
		operations: [
			'question_banks_questions_list',
			'question_banks_questions_retrieve',
			{
				id: 'question_banks_questions_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a question from a question bank',
			},
		],
	},
];
