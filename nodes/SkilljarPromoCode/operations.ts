import type { SkilljarField, SkilljarResource } from '../shared/types';

const codeField: SkilljarField = {
	name: 'code',
	in: 'body',
	type: 'string',
};

const maxUsesField: SkilljarField = {
	name: 'max_uses',
	in: 'body',
	type: 'number',
};

const activeField: SkilljarField = {
	name: 'active',
	in: 'body',
	type: 'boolean',
};

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
					{ ...codeField, required: true },
					{ ...maxUsesField, required: true },
					activeField,
					{
						name: 'promo_code_pool_id',
						in: 'body',
						type: 'string',
						required: true,
					},
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
					{
						name: 'promo_code_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					codeField,
					maxUsesField,
					activeField,
				],
				reference: ['promo-codes update', 'promo-codes partial_update'],
			},
		],
	},
];
