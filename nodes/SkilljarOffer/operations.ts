import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'offer',
		name: 'Offer',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many offers',
				description: 'Retrieve a paginated list of Offers available to your organization',
				method: 'GET',
				path: '/v1/offers',
				pagination: 'pages',
				pageSize: true,
				fields: [],
				reference: ['offers list'],
			},
		],
	},
];
