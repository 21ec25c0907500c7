// One source of the ten webhook event types. The Webhook node's `event_type` options are
// generated from Skilljar's OpenAPI (nodes/shared/generated/), while the Trigger and the sandbox
// read nodes/shared/webhookEvents.ts. If Skilljar adds or renames a type, regenerating changes
// the generated enum and this test fails until the shared list (with its editor label) follows.
import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { API_SCHEMAS } from '../nodes/shared/generated/schemas';
import { EVENT_TYPES, WEBHOOK_EVENTS } from '../nodes/shared/webhookEvents';
import { ALL_EVENTS, EVENT_OPTIONS } from '../nodes/SkilljarTrigger/events';

const sorted = (values: readonly unknown[]) => [...values].map(String).sort();

describe('webhook event types', () => {
	it('every generated event_type enum (webhook bodies and schemas) equals EVENT_TYPES', () => {
		const enums = API_OPERATIONS.flatMap((operation) =>
			(operation.body?.fields ?? [])
				.filter((field) => field.name === 'event_type' && operation.path.startsWith('/v1/webhooks'))
				.map((field) => field.enum ?? []),
		);
		for (const schema of Object.values(API_SCHEMAS)) {
			const field = schema.fields.find((f) => f.name === 'event_type' && Array.isArray(f.enum));
			if (field?.enum) enums.push(field.enum);
		}
		// create, update, partial update at least
		expect(enums.length).toBeGreaterThanOrEqual(3);
		for (const values of enums) expect(sorted(values)).toEqual(sorted(EVENT_TYPES));
	});

	it('the Trigger offers All Events plus one "On …" option per shared type', () => {
		expect(EVENT_OPTIONS.map((o) => o.value)).toEqual([ALL_EVENTS, ...EVENT_TYPES]);
		for (const event of WEBHOOK_EVENTS) {
			expect(EVENT_OPTIONS).toContainEqual(
				expect.objectContaining({
					value: event.value,
					name: event.name,
					action: `On ${event.name}`,
				}),
			);
		}
	});

	it('there is one sample-event endpoint per type', () => {
		const samples = API_OPERATIONS.filter((o) => /^\/v1\/webhooks\/sample-/.test(o.path));
		expect(samples).toHaveLength(EVENT_TYPES.length);
	});
});
