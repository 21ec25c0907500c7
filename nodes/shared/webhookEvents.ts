/**
 * Skilljar's webhook event types (the `event_type` enum of `/v1/webhooks`), with the names and
 * descriptions the editor shows. The one list: the Skilljar Trigger, the Webhook node, the
 * sandbox and the tests all read it. Plain data, no n8n imports, so the sandbox can share it.
 */
export const WEBHOOK_EVENTS = [
	{
		value: 'COURSE_COMPLETION',
		name: 'Course Completion',
		description: 'A user completed a course',
	},
	{
		value: 'COURSE_ENROLLMENT',
		name: 'Course Enrollment',
		description: 'A user enrolled in a course',
	},
	{
		value: 'DASHBOARD_TASK_CREATED',
		name: 'Dashboard Task Created',
		description: 'A task was created on the dashboard',
	},
	{
		value: 'DOMAIN_ENROLLMENT',
		name: 'Domain Enrollment',
		description: 'A user joined a training site (domain)',
	},
	{
		value: 'LESSON_COMPLETION',
		name: 'Lesson Completion',
		description: 'A user completed a lesson',
	},
	{
		value: 'PATH_COMPLETION',
		name: 'Path Completion',
		description: 'A user completed a learning path',
	},
	{
		value: 'PATH_ENROLLMENT',
		name: 'Path Enrollment',
		description: 'A user enrolled in a learning path',
	},
	{
		value: 'PURCHASE_FULFILLMENT',
		name: 'Purchase Fulfillment',
		description: 'A purchase was fulfilled',
	},
	{ value: 'QUIZ_COMPLETION', name: 'Quiz Completion', description: 'A user completed a quiz' },
	{
		value: 'VILT_EVENT_REGISTRATION',
		name: 'VILT Event Registration',
		description: 'A user registered for a virtual instructor-led training event',
	},
] as const;

export type EventType = (typeof WEBHOOK_EVENTS)[number]['value'];

export const EVENT_TYPES: readonly EventType[] = WEBHOOK_EVENTS.map((e) => e.value);
