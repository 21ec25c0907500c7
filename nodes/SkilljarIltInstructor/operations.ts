import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'iltInstructor',
		name: 'ILT Instructor',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many ILT instructors',
				description: 'Retrieve a paginated list of ILT instructors',
				method: 'GET',
				path: '/v1/ilt-instructors',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'email',
						in: 'query',
						type: 'string',
						description: 'Filter instructors by exact match of an email. (optional).',
					},
					{
						name: 'provider',
						in: 'query',
						type: 'options',
						options: [
							'calendar',
							'goto.meeting',
							'goto.training',
							'goto.webcast',
							'goto.webinar',
							'webex.meeting',
							'webex.webinar',
							'zoom.meeting',
							'zoom.webinar',
						],
						description: 'Filter instructors by exact match of a provider. (optional)',
					},
				],
				reference: ['ilt-instructors list'],
			},
		],
	},
];
