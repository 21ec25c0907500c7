import type { INodePropertyOptions } from 'n8n-workflow';

/** The `events` value that stands for every event type (registered as `event_type: null`). */
export const ALL_EVENTS = '*';

/** Skilljar's webhook event types (the `event_type` enum of `/v1/webhooks`). */
export const EVENT_TYPES = [
	'COURSE_COMPLETION',
	'COURSE_ENROLLMENT',
	'DASHBOARD_TASK_CREATED',
	'DOMAIN_ENROLLMENT',
	'LESSON_COMPLETION',
	'PATH_COMPLETION',
	'PATH_ENROLLMENT',
	'PURCHASE_FULFILLMENT',
	'QUIZ_COMPLETION',
	'VILT_EVENT_REGISTRATION',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/** Sent by `POST /v1/webhooks/{id}/ping`; not a real event. */
export const PING_EVENT = 'PING';

/**
 * The Events options. `name` is what the Events field lists; `action` is what n8n's node panel
 * lists for the trigger (without it n8n lower-cases the name: "On vilt event registration").
 */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		action: 'On Any Event',
		value: ALL_EVENTS,
		description: 'Every event type, including ones Skilljar adds later',
	},
	{
		name: 'Course Completion',
		action: 'On Course Completion',
		value: 'COURSE_COMPLETION',
		description: 'A user completed a course',
	},
	{
		name: 'Course Enrollment',
		action: 'On Course Enrollment',
		value: 'COURSE_ENROLLMENT',
		description: 'A user enrolled in a course',
	},
	{
		name: 'Dashboard Task Created',
		action: 'On Dashboard Task Created',
		value: 'DASHBOARD_TASK_CREATED',
		description: 'A task was created on the dashboard',
	},
	{
		name: 'Domain Enrollment',
		action: 'On Domain Enrollment',
		value: 'DOMAIN_ENROLLMENT',
		description: 'A user joined a training site (domain)',
	},
	{
		name: 'Lesson Completion',
		action: 'On Lesson Completion',
		value: 'LESSON_COMPLETION',
		description: 'A user completed a lesson',
	},
	{
		name: 'Path Completion',
		action: 'On Path Completion',
		value: 'PATH_COMPLETION',
		description: 'A user completed a learning path',
	},
	{
		name: 'Path Enrollment',
		action: 'On Path Enrollment',
		value: 'PATH_ENROLLMENT',
		description: 'A user enrolled in a learning path',
	},
	{
		name: 'Purchase Fulfillment',
		action: 'On Purchase Fulfillment',
		value: 'PURCHASE_FULFILLMENT',
		description: 'A purchase was fulfilled',
	},
	{
		name: 'Quiz Completion',
		action: 'On Quiz Completion',
		value: 'QUIZ_COMPLETION',
		description: 'A user completed a quiz',
	},
	{
		name: 'VILT Event Registration',
		action: 'On VILT Event Registration',
		value: 'VILT_EVENT_REGISTRATION',
		description: 'A user registered for a virtual instructor-led training event',
	},
];

/**
 * What the `events` selection registers, as the `event_type` of each webhook: `[null]` (one
 * catch-all webhook) when All Events is selected, otherwise the selected types, sorted and
 * without duplicates or unknown values.
 */
export function webhookEventTypes(selection: unknown): Array<EventType | null> {
	const values = Array.isArray(selection) ? selection.map(String) : [];
	if (values.includes(ALL_EVENTS)) return [null];
	return (EVENT_TYPES as readonly string[]).filter((type) => values.includes(type)) as EventType[];
}

/** Whether a delivery of this `event_type` belongs to the selection. */
export function isSelected(selection: unknown, eventType: string): boolean {
	const values = Array.isArray(selection) ? selection.map(String) : [];
	return values.includes(ALL_EVENTS) || values.includes(eventType);
}

/**
 * The canvas subtitle: the selected events' names ("Course Completion, Lesson Completion"), not
 * their wire values. n8n evaluates it in the editor, so the value → name table is inlined.
 */
export function eventsSubtitle(): string {
	const names = JSON.stringify(Object.fromEntries(EVENT_OPTIONS.map((o) => [o.value, o.name])));
	return `={{($parameter["events"] || []).map((value) => (${names})[value] || value).join(", ")}}`;
}
