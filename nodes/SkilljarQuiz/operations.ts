import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'quiz',
		name: 'Quiz',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many quizs',
				description: 'Retrieve a paginated list of all quizzes for the current organization',
				method: 'GET',
				path: '/v1/quizzes',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'name',
						in: 'query',
						type: 'string',
						description: 'Filter quizzes by quiz name. Case sensitive and exact match.',
					},
				],
				reference: ['quizzes list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a quiz',
				description: 'Create a new quiz',
				method: 'POST',
				path: '/v1/quizzes',
				fields: [
					{
						name: 'name',
						in: 'body',
						type: 'string',
						required: true,
						description: 'The name of the quiz',
					},
					{ name: 'html', in: 'body', type: 'string', description: 'The HTML content of the quiz' },
					{
						name: 'passing_percentage_correct',
						in: 'body',
						type: 'number',
						description: 'Percentage needed to mark quiz as passing',
					},
					{
						name: 'show_results_on_failure',
						in: 'body',
						type: 'boolean',
						description:
							'If set, students who fail the quiz will be able to see the answers they submitted as well as the correct / incorrect status and feedback for each question. Correct answers will not be displayed. (Students who pass the quiz are shown correct / incorrect status, feedback, and correct answers by default.).',
					},
					{
						name: 'max_attempts',
						in: 'body',
						type: 'number',
						description:
							'By default (0), there is no limit to how many times a student may take the quiz',
					},
					{
						name: 'require_correct_response',
						in: 'body',
						type: 'boolean',
						description:
							'If set, the student must answer each question correctly in order to proceed to the next question. When set, there is no limit to the number of attempts to answer the question correctly.',
					},
					{
						name: 'randomize_questions',
						in: 'body',
						type: 'boolean',
						description: 'If set, the student will receive questions in a random order',
					},
					{
						name: 'limit_question_count',
						in: 'body',
						type: 'number',
						description:
							'By default (0), the student will have to answer every question below. Otherwise, they will receive this many questions selected at random.',
					},
					{
						name: 'randomize_answers',
						in: 'body',
						type: 'boolean',
						description:
							'If set, the student will receive question answers in a random order (this applies to every question on the quiz)',
					},
					{
						name: 'time_limit_seconds',
						in: 'body',
						type: 'number',
						nullable: true,
						description:
							'Set a time limit on the quiz. If left blank, students will have unlimited time to complete the quiz.',
					},
					{
						name: 'show_question_feedback',
						in: 'body',
						type: 'boolean',
						description:
							'If set, students will be able to receive feedback for correct / incorrect answers on their quiz for automatically graded questions (multiple choice, multiple answer, and fill in the blank questions.) If unchecked, all feedback entered previously will be deleted',
					},
					{
						name: 'alignment',
						in: 'body',
						type: 'options',
						options: ['left', 'center', 'right'],
						description:
							'Controls text alignment for quiz description and start screen. * `left` - Left * `center` - Center * `right` - Right.',
					},
				],
				reference: ['quizzes create'],
			},
		],
	},
];
