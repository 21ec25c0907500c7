import { withRequired } from '../shared/fields';
import type { SkilljarField, SkilljarResource } from '../shared/types';

/** Body fields shared by this resource's create and update actions. */
const iltMultiSessionEventFields: SkilljarField[] = [
	{
		name: 'lesson',
		in: 'body',
		type: 'string',
		description: 'Live training lesson id for the multi-session event',
	},
	{
		name: 'display_name',
		in: 'body',
		type: 'string',
		description: 'Name to be displayed for the multi-session event',
	},
	{
		name: 'seats_total',
		in: 'body',
		type: 'number',
		description: 'How many total seats are available',
	},
];

export const resources: SkilljarResource[] = [
	{
		value: 'iltMultiSessionEvent',
		name: 'ILT Multi-Session Event',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many ILT multi-session events',
				description: 'List all ILT multi-session events',
				method: 'GET',
				path: '/v1/ilt-multi-session-events',
				pagination: 'pages',
				pageSize: true,
				fields: [],
				reference: ['ilt-multi-session-events list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an ILT multi-session event',
				description: 'Create an ILT multi-session event',
				method: 'POST',
				path: '/v1/ilt-multi-session-events',
				fields: [...withRequired(iltMultiSessionEventFields, ['lesson', 'display_name'])],
				reference: ['ilt-multi-session-events create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update an ILT multi-session event',
				description: 'Manage instructor-led training (ILT) multi-session events',
				method: 'PATCH',
				path: '/v1/ilt-multi-session-events/{multi_session_event_id}',
				fields: [
					{
						name: 'multi_session_event_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					...withRequired(iltMultiSessionEventFields, []),
				],
				reference: ['ilt-multi-session-events update', 'ilt-multi-session-events partial_update'],
			},
		],
	},
];
