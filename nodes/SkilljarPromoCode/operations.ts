import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'promoCode',
		name: 'Promo Code',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many promo codes',
				description: 'Retrieve a paginated list of Promo Codes for your organization',
				method: 'GET',
				path: '/v1/promo-codes',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'active',
						in: 'query',
						type: 'boolean',
						description:
							'Whether to return only active (true) or only inactive (false) promo codes',
					},
					{
						name: 'code',
						in: 'query',
						type: 'string',
						description: 'Filter results by the code used - case sensitive',
					},
					{
						name: 'promo_code_pool_id',
						in: 'query',
						type: 'string',
						description: 'Filter results by the id of a Offer',
					},
				],
				reference: ['promo-codes list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a promo code',
				description: 'Create a new Promo Code',
				method: 'POST',
				path: '/v1/promo-codes',
				fields: [
					{ name: 'code', in: 'body', type: 'string', required: true },
					{ name: 'max_uses', in: 'body', type: 'number', required: true },
					{ name: 'active', in: 'body', type: 'boolean' },
					{ name: 'promo_code_pool_id', in: 'body', type: 'string', required: true },
				],
				reference: ['promo-codes create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a promo code',
				description: 'Update one or more fields of a Promo Code',
				method: 'PATCH',
				path: '/v1/promo-codes/{promo_code_id}',
				fields: [
					{ name: 'promo_code_id', in: 'path', type: 'string', required: true },
					{ name: 'code', in: 'body', type: 'string' },
					{ name: 'max_uses', in: 'body', type: 'number' },
					{ name: 'active', in: 'body', type: 'boolean' },
				],
				reference: ['promo-codes update', 'promo-codes partial_update'],
			},
		],
	},
];
