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
					{
						name: 'html',
						in: 'body',
						type: 'string',
						description: 'The HTML content of the quiz',
					},
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
							'Whether students who fail the quiz see their answers, the correct/incorrect status and feedback for each question (but not the correct answers)',
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
							'Whether students must answer each question correctly before moving on (with unlimited attempts per question)',
					},
					{
						name: 'randomize_questions',
						in: 'body',
						type: 'boolean',
						description: 'Whether questions are shown in a random order',
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
							'Whether answers are shown in a random order (for every question of the quiz)',
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
							'Whether students get feedback on automatically graded questions. Turning it off deletes feedback entered before.',
					},
					{
						name: 'alignment',
						in: 'body',
						type: 'options',
						options: ['left', 'center', 'right'],
						description: 'Controls text alignment for quiz description and start screen',
					},
				],
				reference: ['quizzes create'],
			},
		],
	},
];
