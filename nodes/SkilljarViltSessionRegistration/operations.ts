import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'viltSessionRegistration',
		name: 'VILT Session Registration',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many VILT session registrations',
				description: 'Retrieve a paginated list of VILT session registrations',
				method: 'GET',
				path: '/v1/vilt-session-registrations',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'session__id',
						in: 'query',
						type: 'string',
						description: 'Filter results by the id of a ViltSession',
					},
				],
				reference: ['vilt-session-registrations list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a VILT session registration',
				description: 'Register a user for a VILT session',
				method: 'POST',
				path: '/v1/vilt-session-registrations',
				fields: [
					{
						name: 'vilt_session.id',
						in: 'body',
						type: 'string',
						description: 'Known as session_id within the documentation',
					},
					{
						name: 'enrollment_id',
						in: 'body',
						type: 'string',
					},
				],
				reference: ['vilt-session-registrations create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a VILT session registration',
				description: 'Update attendance for a VILT session registration',
				method: 'PATCH',
				path: '/v1/vilt-session-registrations/{vilt_session_registration_id}',
				fields: [
					{
						name: 'vilt_session_registration_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					{
						name: 'attended',
						in: 'body',
						type: 'boolean',
					},
				],
				reference: [
					'vilt-session-registrations update',
					'vilt-session-registrations partial_update',
				],
			},
		],
	},
];
