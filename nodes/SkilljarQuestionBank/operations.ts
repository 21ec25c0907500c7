import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'questionBank',
		name: 'Question Bank',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many question banks',
				description: 'Retrieve a paginated list of all question banks for the current organization',
				method: 'GET',
				path: '/v1/question-banks',
				pagination: 'pages',
				pageSize: true,
				fields: [],
				reference: ['question-banks list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a question bank',
				description: 'Create a new question bank',
				method: 'POST',
				path: '/v1/question-banks',
				fields: [
					{
						name: 'name',
						in: 'body',
						type: 'string',
						required: true,
						description: 'The name of the question bank',
					},
				],
				reference: ['question-banks create'],
			},
		],
	},
];
