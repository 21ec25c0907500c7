import type { FieldOverlay, NodeOverlay } from '../shared/types';

const webhookFields: Record<string, FieldOverlay> = {
	event_type: {
		nullLabel: 'All Events',
		description: 'Which events Skilljar sends to the URL',
	},
	basic_auth_username: {
		description: 'Username Skilljar sends with HTTP Basic authentication on each delivery',
	},
	basic_auth_password: {
		secret: true,
		description: 'Password Skilljar sends with HTTP Basic authentication on each delivery',
	},
	additional_headers: {
		description: 'Extra HTTP headers for each delivery, as a JSON object of names and values',
		default: '[]',
		// Release 0.1.0 started it at a list; the headers are an object of names and values.
		current: { default: '{}' },
	},
};

export const overlay: NodeOverlay = [
	{
		value: 'webhook',
		name: 'Webhook',
		operations: [
			'webhooks_list',
			{ id: 'webhooks_create', fields: webhookFields },
			'webhooks_retrieve',
			{ id: 'webhooks_partial_update', fields: webhookFields },
			'webhooks_destroy',
			{
				id: 'webhooks_ping_create',
				action: 'Send a test event to a webhook',
				description: 'Skilljar posts a PING event to the URL once and reports the answer',
			},
			{
				// Ten endpoints, one per event type: one action with the type as an option.
				id: [
					'webhooks_sample_course_completion_retrieve',
					'webhooks_sample_course_enrollment_retrieve',
					'webhooks_sample_dashboard_task_created_retrieve',
					'webhooks_sample_domain_enrollment_retrieve',
					'webhooks_sample_lesson_completion_retrieve',
					'webhooks_sample_path_completion_retrieve',
					'webhooks_sample_path_enrollment_retrieve',
					'webhooks_sample_purchase_fulfillment_retrieve',
					'webhooks_sample_quiz_completion_retrieve',
					'webhooks_sample_vilt_registration_retrieve',
				],
				path: '/v1/webhooks/sample-{event}',
				value: 'getSampleEvent',
				name: 'Get Sample Event',
				action: 'Get a sample webhook event',
				description: 'The latest real event of a type, or a made-up one when there is none yet',
				fields: {
					event: {
						label: 'Event Type',
						parameter: 'eventType',
						optionLabels: { 'vilt-registration': 'VILT Event Registration' },
					},
				},
			},
		],
	},
];
