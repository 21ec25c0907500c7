import type { SkilljarField, SkilljarResource } from '../shared/types';

const expirationDateField: SkilljarField = {
	name: 'expiration_date',
	in: 'body',
	type: 'dateTime',
	nullable: true,
	description:
		'ISO 8601 formatted datetime string indicating the expiration of the training credit code',
};

const expireContentField: SkilljarField = {
	name: 'expire_content',
	in: 'body',
	type: 'boolean',
	description:
		'Whether learners who used this code lose access to the content when the code expires',
};

const trackingIdentifierField: SkilljarField = {
	name: 'tracking_identifier',
	in: 'body',
	type: 'string',
	description:
		'Custom string for teams to identify codes in Financial/reporting tools. Is not used by Skilljar.',
};

const availableToAllStudentsField: SkilljarField = {
	name: 'available_to_all_students',
	in: 'body',
	type: 'boolean',
	description: 'Whether all learners can use this credit code',
};

const availableForAllOffersField: SkilljarField = {
	name: 'available_for_all_offers',
	in: 'body',
	type: 'boolean',
	description:
		'Whether this credit code is available for all existing and future offers that have a credit value',
};

export const resources: SkilljarResource[] = [
	{
		value: 'trainingCreditCode',
		name: 'Training Credit Code',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many training credit codes',
				description: 'Retrieve a paginated list of training credit codes',
				method: 'GET',
				path: '/v1/training-credit-codes',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'tracking_identifier',
						in: 'query',
						type: 'string',
						description: 'Filter results by tracking_identifier',
					},
					{
						name: 'training_credit_code',
						in: 'query',
						type: 'string',
						description: 'Filter results by training credit code name',
					},
				],
				reference: ['training-credit-codes list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a training credit code',
				description: 'Create a new training credit code',
				method: 'POST',
				path: '/v1/training-credit-codes',
				fields: [
					{
						name: 'training_credit_code',
						in: 'body',
						type: 'string',
						required: true,
						description:
							'String used by Learners to apply Training Credit balance on the course platform and purchase Training content',
					},
					{
						name: 'credits_total',
						in: 'body',
						type: 'number',
						required: true,
						description: 'Total number of credits stored on this code',
					},
					expirationDateField,
					expireContentField,
					trackingIdentifierField,
					availableToAllStudentsField,
					{
						name: 'student_groups',
						in: 'body',
						type: 'stringList',
						description:
							'Required if the above option is "false". Use this format to include student_group ids: ["2d4EXAMPLE0ea32j", "2d4EXAMPLE20esh5y"].',
					},
					availableForAllOffersField,
					{
						name: 'offers',
						in: 'body',
						type: 'stringList',
						description:
							'Required if the above option is "false". Use this format to include offer_ids: ["2d4EXAMPLE0ea32j", "2d4EXAMPLE20esh5y"].',
					},
				],
				reference: ['training-credit-codes create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a training credit code',
				description: 'Update an existing training credit code',
				method: 'PATCH',
				path: '/v1/training-credit-codes/{training_credit_code_id}',
				fields: [
					{
						name: 'training_credit_code_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					{
						name: 'credits_total',
						in: 'body',
						type: 'number',
					},
					expirationDateField,
					expireContentField,
					trackingIdentifierField,
					availableToAllStudentsField,
					{
						name: 'student_groups',
						in: 'body',
						type: 'json',
						default: '[]',
						description:
							'Required if the above option is "false". Use this format to add or remove student_group ids - Add resolves first, then Remove: { "add": ["2d4EXAMPLE0ea32j", "2d4EXAMPLE20esh5y"], "remove": ["9k4EXAMPLE20h5ysK"] }.',
					},
					availableForAllOffersField,
					{
						name: 'offers',
						in: 'body',
						type: 'json',
						default: '[]',
						description:
							'Required if the above option is "false". Use this format to add or remove offer_ids - Add resolves first, then Remove: { "add": ["2d4EXAMPLE0ea32j", "2d4EXAMPLE20esh5y"], "remove": ["9k4EXAMPLE20h5ysK"] }.',
					},
				],
				reference: ['training-credit-codes partial_update'],
			},
		],
	},
];
