import type { SkilljarField, SkilljarResource } from '../shared/types';

const nameField: SkilljarField = {
	name: 'name',
	in: 'body',
	type: 'string',
};

const activeField: SkilljarField = {
	name: 'active',
	in: 'body',
	type: 'boolean',
};

const expiresAtField: SkilljarField = {
	name: 'expires_at',
	in: 'body',
	type: 'dateTime',
	nullable: true,
	description:
		'ISO 8601 formatted datetime string indicating the expiration of the promo code pool',
};

const expireContentField: SkilljarField = {
	name: 'expire_content',
	in: 'body',
	type: 'boolean',
};

const promoCodePoolIdPathField: SkilljarField = {
	name: 'promo_code_pool_id',
	in: 'path',
	type: 'string',
};

export const resources: SkilljarResource[] = [
	{
		value: 'promoCodePool',
		name: 'Promo Code Pool',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many promo code pools',
				description: 'Retrieve a paginated list of Promo Code Pools for your organization',
				method: 'GET',
				path: '/v1/promo-code-pools',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'name',
						in: 'query',
						type: 'string',
						description: 'Filter results by PromoCodePool name',
					},
					{
						name: 'offer_id',
						in: 'query',
						type: 'string',
						description: 'Filter results by the id of a Offer',
					},
				],
				reference: ['promo-code-pools list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a promo code pool',
				description: 'Create a new Promo Code Pool',
				method: 'POST',
				path: '/v1/promo-code-pools',
				fields: [
					{ ...nameField, required: true },
					activeField,
					{
						name: 'starts_at',
						in: 'body',
						type: 'dateTime',
						required: true,
						description:
							'ISO 8601 formatted datetime string indicating the start of the promo code pool',
					},
					expiresAtField,
					expireContentField,
					{
						name: 'discount_type',
						in: 'body',
						type: 'options',
						required: true,
						options: ['PRICE_OVERRIDE', 'PERCENT_OFF'],
						description:
							'Price Override: the price is set to Price Cents. Percent Off: Percent Off is taken off the price.',
					},
					{
						name: 'price_cents',
						in: 'body',
						type: 'number',
						nullable: true,
					},
					{
						name: 'percent_off',
						in: 'body',
						type: 'number',
						nullable: true,
					},
					{
						name: 'single_use_per_user',
						in: 'body',
						type: 'boolean',
					},
				],
				reference: ['promo-code-pools create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a promo code pool',
				description: 'Update one or more fields of a Promo Code Pool',
				method: 'PATCH',
				path: '/v1/promo-code-pools/{promo_code_pool_id}',
				fields: [
					{ ...promoCodePoolIdPathField, required: true },
					nameField,
					activeField,
					{
						name: 'starts_at',
						in: 'body',
						type: 'dateTime',
					},
					expiresAtField,
					expireContentField,
				],
				reference: ['promo-code-pools update', 'promo-code-pools partial_update'],
			},
			{
				value: 'delete',
				name: 'Delete',
				action: 'Delete a promo code pool',
				description: 'Delete a Promo Code Pool',
				method: 'DELETE',
				path: '/v1/promo-code-pools/{promo_code_pool_id}',
				fields: [{ ...promoCodePoolIdPathField, required: true }],
				reference: ['promo-code-pools delete'],
			},
		],
	},
	{
		value: 'promoCodePoolOffer',
		name: 'Promo Code Pool Offer',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many promo code pool offers',
				description: 'Retrieve a paginated list of Offers attached to a Promo Code Pool',
				method: 'GET',
				path: '/v1/promo-code-pools/{promo_code_pool_id}/offers',
				pagination: 'pages',
				pageSize: true,
				fields: [{ ...promoCodePoolIdPathField, required: true }],
				reference: ['promo-code-pools > offers list'],
			},
			{
				value: 'add',
				name: 'Add',
				action: 'Add an offer to a promo code pool',
				description: 'Attach one or more Offers to a Promo Code Pool',
				method: 'POST',
				path: '/v1/promo-code-pools/{promo_code_pool_id}/offers',
				fields: [
					{ ...promoCodePoolIdPathField, required: true },
					{
						name: 'id',
						in: 'body',
						type: 'string',
						required: true,
						parameter: 'offerId',
						label: 'Offer ID',
						description: 'The offer to attach to the promo code pool',
					},
				],
				reference: ['promo-code-pools > offers create'],
			},
		],
	},
];
