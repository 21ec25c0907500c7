import type { SkilljarResource } from '../shared/types';
import { EVENT_TYPES } from '../shared/webhook-events';

export const resources: SkilljarResource[] = [
	{
		value: 'webhook',
		name: 'Webhook',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many webhooks',
				description: 'List all webhooks for your organization',
				method: 'GET',
				path: '/v1/webhooks',
				pagination: 'pages',
				fields: [],
				reference: ['webhooks list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a webhook',
				description: 'Create a new webhook for your organization',
				method: 'POST',
				path: '/v1/webhooks',
				fields: [
					{
						name: 'target_url',
						in: 'body',
						type: 'string',
						required: true,
					},
					{
						name: 'active',
						in: 'body',
						type: 'boolean',
					},
					{
						name: 'event_type',
						in: 'body',
						type: 'options',
						options: EVENT_TYPES,
						nullable: true,
						description: `${EVENT_TYPES.map((t) => `'${t}'`).join(', ')}, or null. If null, all events, regardless of type, will be sent to the webhook URL`,
					},
					{
						name: 'basic_auth_username',
						in: 'body',
						type: 'string',
						description:
							'When set, this webhook will include the HTTP Basic Authentication header when making a request to the target_url. This will be the username.',
					},
					{
						name: 'basic_auth_password',
						in: 'body',
						// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing -- table entry, not a parameter: the builder masks fields marked `secret`
						type: 'string',
						secret: true,
						description:
							'When set, this webhook will include the HTTP Basic Authentication header when making a request to the target_url. This will be the password.',
					},
					{
						name: 'additional_headers',
						in: 'body',
						type: 'json',
						default: '[]',
						description:
							'Dictionary of string values to include as additional HTTP headers in the webhook request. Key pairs included in this JSON dictionary will be added as individual HTTP headers to all webhook POST requests. Use double quotes for keys and values.',
					},
				],
				reference: ['webhooks create'],
			},
		],
	},
];
