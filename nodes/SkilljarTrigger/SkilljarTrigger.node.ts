import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { deliveredNonce, isAuthentic, NONCE_HEADER } from './authenticity';
import { EVENT_OPTIONS, eventsSubtitle, isSelected, PING_EVENT, webhookEventTypes } from './events';
import {
	getRegistration,
	isInactive,
	reactivateWebhook,
	readWebhook,
	registeredSecrets,
	registerWebhooks,
	registrationKind,
	type Registration,
	removeRegistration,
	sameEventTypes,
	secretForNonce,
	webhookMatches,
} from './registration';
import { fetchSampleEvent, markedSample, pingWhenListening, sampleEventType } from './sample';
import { admitEvent, DEFAULT_WINDOW_HOURS, eventFingerprint, windowHours } from './redelivery';

/*
 * How a selection maps to Skilljar webhooks: one webhook per selected event type, all on the
 * same n8n URL with the same secret; "All Events" is a single webhook with `event_type: null`.
 * Skilljar delivers an event once per distinct target URL even when several of its webhooks
 * match, so per-type webhooks never duplicate a delivery, and Skilljar sends only the selected
 * traffic (a catch-all webhook filtered here would make n8n receive, and Skilljar retry, every
 * event of the organisation). `webhook()` still filters by type, as a second line of defence
 * against webhooks edited in Skilljar.
 */
export class SkilljarTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skilljar Trigger',
		name: 'skilljarTrigger',
		icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventsSubtitle(),
		description: 'Starts the workflow when Skilljar sends a webhook event',
		defaults: { name: 'Skilljar Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skilljarApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: 'The events to listen to',
				options: EVENT_OPTIONS,
			},
			{
				displayName: 'Redelivery Window (Hours)',
				name: 'redeliveryWindow',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_WINDOW_HOURS,
				description:
					'Skilljar sends an event again when it believes a delivery failed. A copy of an event accepted within this many hours is acknowledged without starting the workflow again. 0 starts the workflow for every copy.',
			},
			{
				// On by default: a test listen exists to build the workflow, and waiting for a real
				// learner can take hours. The sample is marked, and active workflows never get one.
				displayName: 'Send a Sample When Listening',
				name: 'sampleOnListen',
				type: 'boolean',
				default: true,
				description:
					'Whether "Listen for test event" delivers Skilljar\'s latest event of the first selected type at once (marked with a _sample field) instead of waiting for a real one. Active workflows never receive samples.',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const kind = registrationKind(this, staticData);
				const registration = getRegistration(staticData, kind);
				if (!registration || registration.webhookIds.length === 0) {
					delete staticData[kind];
					return false;
				}
				const targetUrl = this.getNodeWebhookUrl('default') ?? '';
				const wanted = webhookEventTypes(this.getNodeParameter('events', []));
				// A changed selection or URL: remove the old webhooks, let n8n call create().
				if (
					registration.targetUrl !== targetUrl ||
					!sameEventTypes(registration.eventTypes, wanted)
				) {
					await removeRegistration(this, staticData, kind);
					return false;
				}

				const found: Array<string | null> = [];
				const inactive: IDataObject[] = [];
				for (const webhookId of registration.webhookIds) {
					const webhook = await readWebhook(this, String(webhookId));
					if (!webhook || !webhookMatches(webhook, registration, targetUrl)) {
						// Deleted or changed in Skilljar: start over with a clean registration.
						await removeRegistration(this, staticData, kind);
						return false;
					}
					found.push(typeof webhook.event_type === 'string' ? webhook.event_type : null);
					if (isInactive(webhook)) inactive.push(webhook);
				}
				if (!sameEventTypes(found, wanted)) {
					await removeRegistration(this, staticData, kind);
					return false;
				}
				// Skilljar switches a webhook off after 4xx answers or exhausted retries: switch it on.
				for (const webhook of inactive) {
					this.logger.warn(
						`Skilljar Trigger: Skilljar had switched off webhook ${String(webhook.id)} (reason: ${String(webhook.deactivate_reason ?? 'none given')}); switching it back on`,
					);
					await reactivateWebhook(this, String(webhook.id));
				}
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const kind = registrationKind(this, staticData);
				const targetUrl = this.getNodeWebhookUrl('default');
				if (!targetUrl) {
					throw new NodeOperationError(this.getNode(), 'n8n has no URL for this webhook');
				}
				const eventTypes = webhookEventTypes(this.getNodeParameter('events', []));
				if (eventTypes.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Select at least one event', {
						description: 'Choose the Skilljar events that should start the workflow',
					});
				}
				// Anything left from an earlier registration of this kind goes first.
				await removeRegistration(this, staticData, kind);
				const registration = await registerWebhooks(this, targetUrl, eventTypes);
				staticData[kind] = registration;
				if (kind === 'test' && this.getNodeParameter('sampleOnListen', true) === true) {
					await prepareSample(this, registration);
				}
				return true;
			},

			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				await removeRegistration(this, staticData, registrationKind(this, staticData));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const secrets = registeredSecrets(this.getWorkflowStaticData('node'));
		const stored = isAuthentic(req.headers.authorization, secrets);
		if (!stored && !(await isAuthenticByNonce(this, req.headers))) return unauthorized(this);

		const body = this.getBodyData();
		const eventType = typeof body?.event_type === 'string' ? body.event_type : '';
		// Acknowledge with 200 whatever is not started: a 4xx would make Skilljar deactivate the
		// webhook. A PING only checks that the URL answers, except the one a test listen sent
		// itself, which delivers the sample it prepared.
		if (eventType === PING_EVENT) {
			// Authentic, but its registration is not stored yet: for a test listen's own ping that
			// means its sample is not there either. A refused ping is sent again (sample.ts) and
			// never deactivates a webhook.
			if (!stored) return unauthorized(this);
			const sample = sampleForPing(this.getWorkflowStaticData('node'), body);
			return sample ? { workflowData: [this.helpers.returnJsonArray(sample)] } : {};
		}
		if (!eventType) return {};
		if (!isSelected(this.getNodeParameter('events', []), eventType)) return {};
		if (!isFirstCopy(this, body as IDataObject)) return {};

		return startWorkflow(this, body as IDataObject);
	}
}

/**
 * Starts the workflow with the event, answering the delivery here rather than leaving the
 * answer to n8n. n8n saves the static data the node changed (the event's fingerprint) when the
 * answer is handed over. n8n 2.x hands over its own answer only after it has started the
 * execution, and starting it marks the static data unchanged again, so the fingerprint would
 * never reach the database and a retry after a restart would run again. Answering here makes
 * n8n 1.x and 2.x save it before the execution starts.
 */
function startWorkflow(context: IWebhookFunctions, event: IDataObject): IWebhookResponseData {
	context.getResponseObject().status(200).json({ message: 'Workflow was started' });
	return { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray(event)] };
}

/**
 * Whether this delivery is the first copy of its event within the window (see redelivery.ts).
 * The static data is written only when it holds the production registration: a delivery that
 * arrives before n8n has saved the registration (authenticated by its nonce) must not have n8n
 * save a copy of the static data without it.
 */
function isFirstCopy(context: IWebhookFunctions, event: IDataObject): boolean {
	const hours = windowHours(context.getNodeParameter('redeliveryWindow', DEFAULT_WINDOW_HOURS));
	const fingerprint = eventFingerprint(event);
	if (hours === 0 || !fingerprint) return true;
	const test = context.getMode() === 'manual';
	const staticData = context.getWorkflowStaticData('node');
	const writable = !test && getRegistration(staticData, 'production') !== undefined;
	const admitted = admitEvent({
		scope: `${String(context.getWorkflow().id)}:${context.getNode().id}:${test ? 'test' : 'production'}`,
		fingerprint,
		windowHours: hours,
		staticData: writable ? staticData : undefined,
		nowMs: Date.now(),
	});
	if (!admitted) {
		context.logger.info(
			`Skilljar Trigger: a repeated delivery of ${String(event.event_type)} at ${String(event.timestamp)} was acknowledged without starting the workflow`,
		);
	}
	return admitted;
}

function unauthorized(context: IWebhookFunctions): IWebhookResponseData {
	context.getResponseObject().status(401).send('Unauthorized').end();
	return { noWebhookResponse: true };
}

/**
 * A delivery whose password is not in the static data yet (n8n saves it after activation, and
 * Skilljar may deliver before that): recompute the password from the nonce it carries and the
 * credential's API key. Only when a nonce of the right shape is there, so forged requests
 * without one cost no credential lookup.
 */
async function isAuthenticByNonce(
	context: IWebhookFunctions,
	headers: Record<string, string | string[] | undefined>,
): Promise<boolean> {
	const nonce = deliveredNonce(headers[NONCE_HEADER]);
	if (!nonce) return false;
	return isAuthentic(headers.authorization, [await secretForNonce(context, nonce)]);
}

/**
 * For a test listen with samples on: fetch the sample now (a failure only costs the sample) and
 * ping the first webhook once n8n listens. The ping is deliberately not awaited: n8n stores the
 * listen's secret only after create() returns, and the ping's delivery must pass that check.
 */
async function prepareSample(context: IHookFunctions, registration: Registration): Promise<void> {
	const eventType = sampleEventType(context.getNodeParameter('events', []));
	try {
		const event = await fetchSampleEvent(context, eventType);
		if (!event) return;
		registration.sample = markedSample(event, eventType);
	} catch (error) {
		context.logger.warn(
			`Skilljar Trigger: no sample event for ${eventType}: ${(error as Error).message}`,
		);
		return;
	}
	void pingWhenListening(context, registration.webhookIds[0]);
}

/** The sample to emit for a PING delivery: only a ping of this node's own test webhook. */
function sampleForPing(staticData: IDataObject, body: IDataObject): IDataObject | undefined {
	const registration = getRegistration(staticData, 'test');
	const webhook = body.webhook as IDataObject | undefined;
	const pinged =
		typeof webhook?.id === 'string' || typeof webhook?.id === 'number' ? String(webhook.id) : '';
	if (!registration?.sample || !pinged) return undefined;
	return registration.webhookIds.map(String).includes(pinged) ? registration.sample : undefined;
}
