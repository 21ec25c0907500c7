import type { INodePropertyOptions } from 'n8n-workflow';
import { EVENT_TYPES, WEBHOOK_EVENTS, type EventType } from '../shared/webhookEvents';

/** The `events` value that stands for every event type (registered as `event_type: null`). */
export const ALL_EVENTS = '*';

export { EVENT_TYPES, type EventType } from '../shared/webhookEvents';

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
	// One option per type of the shared list; the panel's action label is "On " + its name.
	...WEBHOOK_EVENTS.map((e) => ({ ...e, action: `On ${e.name}` })),
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
