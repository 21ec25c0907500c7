import type { SkilljarField, SkilljarResource } from '../shared/types';

const purchaseIdPathField: SkilljarField = {
	name: 'purchase_id',
	in: 'path',
	type: 'string',
};

export const resources: SkilljarResource[] = [
	{
		value: 'purchase',
		name: 'Purchase',
		operations: [
			{
				value: 'get',
				name: 'Get',
				action: 'Get a purchase',
				description: 'Retrieve the details of a specific purchase',
				method: 'GET',
				path: '/v1/purchases/{purchase_id}',
				fields: [{ ...purchaseIdPathField, required: true }],
				reference: ['purchases read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a purchase',
				description:
					'Update the details of a specific purchase. Both PUT and PATCH requests perform partial updates.',
				method: 'PATCH',
				path: '/v1/purchases/{purchase_id}',
				fields: [
					{ ...purchaseIdPathField, required: true },
					{
						name: 'state',
						in: 'body',
						type: 'options',
						options: [
							'CREATED',
							'SUCCESS',
							'FAILED',
							'REFUNDED',
							'CANCELLED',
							'FLAGGED',
							'PENDING',
						],
						description: "'PENDING', 'SUCCESS', 'FAILED', 'REFUNDED', or 'CANCELLED'",
					},
					{
						name: 'refunded_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
					},
					{
						name: 'refund_cents',
						in: 'body',
						type: 'number',
						nullable: true,
					},
					{
						name: 'price_cents',
						in: 'body',
						type: 'number',
					},
					{
						name: 'tax_price_cents',
						in: 'body',
						type: 'number',
						nullable: true,
					},
				],
				reference: ['purchases update', 'purchases partial_update'],
			},
			{
				value: 'fulfill',
				name: 'Fulfill',
				action: 'Fulfill a purchase',
				description: "Mark a purchase as fulfilled. If the purchase state is set to 'SUCCESS',.",
				method: 'POST',
				path: '/v1/purchases/{purchase_id}/fulfill',
				fields: [
					{ ...purchaseIdPathField, required: true },
					{
						name: 'state',
						in: 'body',
						type: 'options',
						required: true,
						options: ['SUCCESS', 'FAILED', 'CANCELLED'],
						description: "'SUCCESS', 'FAILED', or 'CANCELLED'",
					},
					{
						name: 'error_msg',
						in: 'body',
						type: 'string',
						description:
							'Optional: This error message will be presented to the user after they return to Skilljar, and will be set as the status_msg on the Purchase',
					},
					{
						name: 'payment_processor_order_id',
						in: 'body',
						type: 'string',
						description:
							'Optional: The id of the transaction within the payment processor system, for reference only',
					},
					{
						name: 'payment_processor_response_data',
						in: 'body',
						type: 'string',
						description:
							'Optional: Purchase metadata. For reference only. JSON format is recommended.',
					},
				],
				reference: ['purchases fulfill'],
			},
		],
	},
];
