import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'path',
		name: 'Path',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many paths',
				description: 'Retrieve a paginated list of Paths',
				method: 'GET',
				path: '/v1/paths',
				pagination: 'pages',
				fields: [],
				reference: ['paths list'],
			},
		],
	},
	{
		value: 'pathItem',
		name: 'Path Item',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many path items',
				description: 'Retrieve a list of Path Items for a specific Path',
				method: 'GET',
				path: '/v1/paths/{path_id}/path-items',
				pagination: 'pages',
				fields: [
					{
						name: 'path_id',
						in: 'path',
						type: 'string',
						required: true,
					},
				],
				reference: ['paths > path-items list'],
			},
		],
	},
];
