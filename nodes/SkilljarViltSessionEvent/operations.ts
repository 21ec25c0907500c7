import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'viltSessionEvent',
		name: 'VILT Session Event',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many VILT session events',
				description: 'Retrieve a paginated list of VILT session events',
				method: 'GET',
				path: '/v1/vilt-session-events',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'ends_at__lte',
						in: 'query',
						type: 'string',
						description:
							'Filter where a ViltSessionEvent is less than or equal to the ends at value. Datetime format.',
					},
					{
						name: 'session__lesson__course__id',
						in: 'query',
						type: 'string',
						description: 'Filter ViltSessionEvents by exact match of a Course ID',
					},
					{
						name: 'session__lesson__id',
						in: 'query',
						type: 'string',
						description: 'Filter ViltSessionEvents by exact match of a Lesson ID',
					},
					{
						name: 'starts_at__gte',
						in: 'query',
						type: 'string',
						description:
							'Filter where a ViltSessionEvent is greater than or equal to the starts at value. Datetime format.',
					},
				],
				reference: ['vilt-session-events list'],
			},
		],
	},
];
