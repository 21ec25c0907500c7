import type { FieldOverlay, NodeOverlay } from '../shared/types';

/** The sign-up rule object is offered as three fields rather than raw JSON. */
const signUpRule: Record<string, FieldOverlay> = {
	'sign_up_field_rule.enforce': {
		label: 'Sign Up Field Rule: Enforce',
		description: 'Whether users whose sign-up answers match the rule join this group automatically',
	},
	'sign_up_field_rule.require_match_all': {
		label: 'Sign Up Field Rule: Require Match All',
		description: 'Whether a user must match every option of the rule (otherwise one is enough)',
	},
	'sign_up_field_rule.options': {
		label: 'Sign Up Field Rule: Option IDs',
		description: 'Sign-up field options that place a user in this group',
	},
};

export const overlay: NodeOverlay = [
	{
		value: 'group',
		name: 'Group',
		operations: [
			'groups_list',
			{ id: 'groups_create', fields: signUpRule },
			{ id: 'groups_partial_update', fields: signUpRule },
			'groups_retrieve',
			'groups_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_groups',
			'create_groups',
			'update_groups',
			{
				id: 'delete_groups',
				description: 'API v2: a hard delete, with what belongs to the groups; up to 100 per request',
			},
			'get_group',
		],
	},
	{
		value: 'groupAccessCodePool',
		name: 'Group Access Code Pool',
		noun: 'access code pool of a group',
		plural: 'access code pools of a group',
		operations: [
			'groups_access_code_pools_list',
			{
				id: 'groups_access_code_pools_create',
				value: 'add',
				name: 'Add',
				action: 'Add an access code pool to a group',
			},
			'groups_access_code_pools_retrieve',
			{
				id: 'groups_access_code_pools_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove an access code pool from a group',
			},
		],
	},
	{
		value: 'groupUser',
		name: 'Group User',
		noun: 'user of a group',
		plural: 'users of a group',
		operations: [
			{ id: 'groups_users_list', largeList: true },
			{ id: 'groups_users_create', value: 'add', name: 'Add', action: 'Add a user to a group' },
			'groups_users_retrieve',
			{
				id: 'groups_users_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a user from a group',
			},
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			{ id: 'add_group_memberships', value: 'addManyV2', name: 'Add in Bulk', action: 'Add users to a group in bulk' },
			{ id: 'remove_group_memberships', value: 'removeManyV2', name: 'Remove in Bulk', action: 'Remove users from a group in bulk' },
		],
	},
	{
		value: 'emailDomainRule',
		name: 'Email Domain Rule',
		noun: 'email domain rules of a group',
		operations: [
			{ id: 'groups_email_domain_rules_list', action: 'Get the email domain rules of a group' },
			{
				id: 'groups_email_domain_rules_partial_update',
				action: 'Update the email domain rules of a group',
			},
		],
	},
	{
		value: 'groupCourseVisibility',
		name: 'Group Course Visibility',
		noun: 'course visibility override',
		plural: 'course visibility overrides',
		operations: [
			'list_visibility_overrides',
			{
				id: 'add_visibility_overrides',
				value: 'addManyV2',
				name: 'Add in Bulk',
				action: 'Add course visibility overrides to a group in bulk',
			},
			{
				id: 'remove_visibility_overrides',
				value: 'removeManyV2',
				name: 'Remove in Bulk',
				action: 'Remove course visibility overrides from a group in bulk',
			},
		],
	},
];
