import type { INodePropertyOptions } from 'n8n-workflow';
import { EVENT_TYPES, WEBHOOK_EVENTS, type EventType } from '../shared/webhook-events';

/** The `events` value that stands for every event type (registered as `event_type: null`). */
export const ALL_EVENTS = '*';

export { EVENT_TYPES, type EventType } from '../shared/webhook-events';

/** Sent by `POST /v1/webhooks/{id}/ping`; not a real event. */
export const PING_EVENT = 'PING';

export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Every event type, including ones Skilljar adds later',
	},
	...WEBHOOK_EVENTS.map((e) => ({ ...e })),
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
