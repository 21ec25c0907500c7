import { sleep, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { skilljarApiRequest } from '../shared/transport';
import { ALL_EVENTS, EVENT_TYPES, type EventType } from './events';

/**
 * Sample events for "Listen for test event": Skilljar serves the organisation's latest event of
 * each type (or a generated one) at `GET /v1/webhooks/sample-<slug>`, and can ping a webhook.
 * A test listen fetches the sample when it registers, then pings its own webhook; the PING
 * delivery is what lets n8n start the test run at once, and the node answers it with the stored
 * sample instead of waiting for a real learner. Production registrations never hold a sample.
 */

/** The sample endpoint's slug per event type (note `vilt-registration`). */
export const SAMPLE_SLUGS: Record<EventType, string> = {
	COURSE_COMPLETION: 'course-completion',
	COURSE_ENROLLMENT: 'course-enrollment',
	DASHBOARD_TASK_CREATED: 'dashboard-task-created',
	DOMAIN_ENROLLMENT: 'domain-enrollment',
	LESSON_COMPLETION: 'lesson-completion',
	PATH_COMPLETION: 'path-completion',
	PATH_ENROLLMENT: 'path-enrollment',
	PURCHASE_FULFILLMENT: 'purchase-fulfillment',
	QUIZ_COMPLETION: 'quiz-completion',
	VILT_EVENT_REGISTRATION: 'vilt-registration',
};

/** Field added to a sample item, so nobody mistakes it for a real delivery. */
export const SAMPLE_MARKER = '_sample';

/** All Events has no single type: show the most common one. */
const ALL_EVENTS_SAMPLE: EventType = 'COURSE_COMPLETION';

/**
 * Waits before each ping. n8n stores a test listen's static data (and so the webhook secret)
 * only after create() has returned; a ping that arrives earlier gets 401 and starts nothing, and
 * is sent again after the next wait. Bounded: at most four pings within ten seconds.
 */
const PING_WAITS_MS = [1000, 2000, 3000, 4000];

/** The type whose sample a test listen shows: the first one selected. */
export function sampleEventType(selection: unknown): EventType {
	const values = Array.isArray(selection) ? selection.map(String) : [];
	for (const value of values) {
		if (value === ALL_EVENTS) return ALL_EVENTS_SAMPLE;
		if ((EVENT_TYPES as readonly string[]).includes(value)) return value as EventType;
	}
	return ALL_EVENTS_SAMPLE;
}

export function samplePath(eventType: EventType): string {
	return `/v1/webhooks/sample-${SAMPLE_SLUGS[eventType]}`;
}

/** The sample event of a type, or undefined when Skilljar has none to give. */
export async function fetchSampleEvent(
	context: IHookFunctions,
	eventType: EventType,
): Promise<IDataObject | undefined> {
	const body = (await skilljarApiRequest.call(context, {
		method: 'GET',
		path: samplePath(eventType),
	})) as IDataObject | undefined;
	const results = body && Array.isArray(body.results) ? body.results : [];
	const event: unknown = results[0];
	return typeof event === 'object' && event !== null && !Array.isArray(event)
		? (event as IDataObject)
		: undefined;
}

/**
 * The sample as the test run's item: Skilljar's event unchanged, plus the marker, first so the
 * editor's table shows it in the first column.
 */
export function markedSample(event: IDataObject, eventType: EventType): IDataObject {
	return {
		[SAMPLE_MARKER]: `Sample event from Skilljar (GET ${samplePath(eventType)}), sent because "Listen for test event" was used. Real deliveries have no ${SAMPLE_MARKER} field.`,
		...event,
	};
}

function warn(context: IHookFunctions, message: string): void {
	context.logger.warn(`Skilljar Trigger: ${message}`);
}

/**
 * Pings the webhook once n8n listens with the new secret. Runs after create() has returned, so
 * it never throws: failures are logged and the listen simply waits for a real event. A ping
 * changes nothing in Skilljar (no data, never deactivates the webhook), and it is sent again only
 * when the previous one was refused with 401, i.e. started nothing.
 */
export async function pingWhenListening(context: IHookFunctions, webhookId: string): Promise<void> {
	for (const wait of PING_WAITS_MS) {
		await sleep(wait);
		let answer: IDataObject | undefined;
		try {
			answer = (await skilljarApiRequest.call(context, {
				method: 'POST',
				path: '/v1/webhooks/{webhook_id}/ping',
				pathParams: { webhook_id: webhookId },
			})) as IDataObject | undefined;
		} catch (error) {
			warn(context, `the ping for the sample event failed: ${(error as Error).message}`);
			return;
		}
		if (answer?.succeeded === true) return;
		if (Number(answer?.http_status_code) !== 401) {
			warn(context, `the ping for the sample event was not delivered (${String(answer?.message)})`);
			return;
		}
	}
	warn(context, 'n8n refused every ping for the sample event; waiting for a real event instead');
}
