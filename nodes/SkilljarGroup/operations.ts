import type { SkilljarField, SkilljarResource } from '../shared/types';

const nameField: SkilljarField = {
	name: 'name',
	in: 'body',
	type: 'string',
	description: 'Unique name of the group',
};

const discountPercentField: SkilljarField = {
	name: 'discount_percent',
	in: 'body',
	type: 'number',
	nullable: true,
	description: 'A percentage based discount that will apply to all purchasable objects/courses',
};

const groupCategoryIdField: SkilljarField = {
	name: 'group_category_id',
	in: 'body',
	type: 'string',
	nullable: true,
};

const signUpFieldRuleEnforceField: SkilljarField = {
	name: 'sign_up_field_rule.enforce',
	in: 'body',
	type: 'boolean',
	label: 'Sign Up Field Rule: Enforce',
	description:
		'Whether users whose signup field values match the rule are added to this group automatically',
};

const signUpFieldRuleRequireMatchAllField: SkilljarField = {
	name: 'sign_up_field_rule.require_match_all',
	in: 'body',
	type: 'boolean',
	label: 'Sign Up Field Rule: Require Match All',
	description:
		"Whether a user must match all of the rule's options (otherwise any one match is enough)",
};

const signUpFieldRuleOptionsField: SkilljarField = {
	name: 'sign_up_field_rule.options',
	in: 'body',
	type: 'idList',
	label: 'Sign Up Field Rule: Option IDs',
	description: 'IDs of the signup field options that matching users have',
};

const groupIdPathField: SkilljarField = {
	name: 'group_id',
	in: 'path',
	type: 'string',
};

export const resources: SkilljarResource[] = [
	{
		value: 'group',
		name: 'Group',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many groups',
				description: 'List all groups in your organization',
				method: 'GET',
				path: '/v1/groups',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'name',
						in: 'query',
						type: 'string',
						description: 'Filter groups by exact match on group name',
					},
				],
				reference: ['groups list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a group',
				description: 'Create a new group',
				method: 'POST',
				path: '/v1/groups',
				fields: [
					{ ...nameField, required: true },
					discountPercentField,
					groupCategoryIdField,
					signUpFieldRuleEnforceField,
					signUpFieldRuleRequireMatchAllField,
					signUpFieldRuleOptionsField,
					{
						name: 'rule_email_domains',
						in: 'body',
						type: 'stringList',
						description:
							'Email domains for automatic group assignment. Users that register with a matching email domain will be added to this group.',
					},
				],
				reference: ['groups create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a group',
				description: 'Update group details',
				method: 'PATCH',
				path: '/v1/groups/{group_id}',
				fields: [
					{ ...groupIdPathField, required: true },
					nameField,
					discountPercentField,
					groupCategoryIdField,
					signUpFieldRuleEnforceField,
					signUpFieldRuleRequireMatchAllField,
					signUpFieldRuleOptionsField,
				],
				reference: ['groups update', 'groups partial_update'],
			},
		],
	},
	{
		value: 'groupAccessCodePool',
		name: 'Group Access Code Pool',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many group access code pools',
				description: 'List all access code pools assigned to a group',
				method: 'GET',
				path: '/v1/groups/{group_id}/access-code-pools',
				pagination: 'pages',
				pageSize: true,
				fields: [{ ...groupIdPathField, required: true }],
				reference: ['groups > access-code-pools list'],
			},
			{
				value: 'add',
				name: 'Add',
				action: 'Add an access code pool to a group',
				description: 'Assign an access code pool to a group',
				method: 'POST',
				path: '/v1/groups/{group_id}/access-code-pools',
				fields: [
					{ ...groupIdPathField, required: true },
					{
						name: 'access_code_pool.id',
						in: 'body',
						type: 'string',
						required: true,
					},
				],
				reference: ['groups > access-code-pools create'],
			},
		],
	},
	{
		value: 'groupUser',
		name: 'Group User',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many group users',
				description: 'List all users in a group',
				method: 'GET',
				path: '/v1/groups/{group_id}/users',
				pagination: 'pages',
				pageSize: true,
				fields: [{ ...groupIdPathField, required: true }],
				reference: ['groups > users list'],
			},
			{
				value: 'add',
				name: 'Add',
				action: 'Add a user to a group',
				description: 'Add a user to a group',
				method: 'POST',
				path: '/v1/groups/{group_id}/users',
				fields: [
					{ ...groupIdPathField, required: true },
					{
						name: 'user.id',
						in: 'body',
						type: 'string',
						required: true,
						description: 'Known as user_id within the documentation',
					},
				],
				reference: ['groups > users create'],
			},
		],
	},
];
