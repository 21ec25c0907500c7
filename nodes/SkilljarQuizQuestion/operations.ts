import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'quizQuestion',
		name: 'Quiz Question',
		operations: [
			{
				value: 'create',
				name: 'Create',
				action: 'Create a quiz question',
				description: 'Create a new quiz question',
				method: 'POST',
				path: '/v1/quiz-questions',
				fields: [
					{
						name: 'quiz',
						in: 'body',
						type: 'string',
						description:
							'The quiz that this question belongs to. It is required to set either this or <code>quiz_question_bank</code>.',
					},
					{
						name: 'quiz_question_bank',
						in: 'body',
						type: 'string',
						description:
							'The question bank that this question belongs to. It is required to set either this or <code>quiz</code>.',
					},
					{
						name: 'html',
						in: 'body',
						type: 'string',
						required: true,
						description: 'The HTML content of the question',
					},
					{
						name: 'type',
						in: 'body',
						type: 'options',
						required: true,
						options: ['MULTIPLE_CHOICE', 'MULTIPLE_ANSWER', 'FILL_IN_THE_BLANK', 'FREEFORM'],
						description:
							'The type of question to create. Can be: MULTIPLE_CHOICE, MULTIPLE_ANSWER, FILL_IN_THE_BLANK, FREEFORM',
					},
					{
						name: 'requires_manual_grading',
						in: 'body',
						type: 'boolean',
						description:
							'Whether responses must be graded by hand by a dashboard user (applies to the whole quiz)',
					},
					{
						name: 'case_sensitive',
						in: 'body',
						type: 'boolean',
						description:
							'Whether answers must match the case of the correct answer (fill-in-the-blank questions only)',
					},
					{
						name: 'correct_answer_feedback_html',
						in: 'body',
						type: 'string',
						description: 'The feedback to display if the student answers the question correctly',
					},
					{
						name: 'incorrect_answer_feedback_html',
						in: 'body',
						type: 'string',
						description: 'The feedback to display if the student answers the question incorrectly',
					},
					{
						name: 'answers',
						in: 'body',
						type: 'json',
						default: '[]',
						description:
							'The answers for the question. This is required for MULTIPLE_CHOICE, MULTIPLE_ANSWER, and FILL_IN_THE_BLANK question types.<br><br>Example:<pre><code>[ {"answer_text": "Correct answer", "correct": true}, {"answer_text": "Incorrect answer", "correct": false}, {"answer_text": "Second incorrect answer", "correct": false} ]</pre></code>.',
					},
				],
				reference: ['quiz-questions create'],
			},
		],
	},
];
