import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE_V2 } from '../shared/transport';
import { readNew } from './catchUp';
import { firstState, isPollState, takeNew, type PollState } from './cursor';
import { eventSubtitle, FEEDS, feedFor } from './feeds';
import { readFeed } from './read';
import { forgetStart, startOf } from './starts';

/** A test fetch ("Fetch Test Event") looks this far back for one record to show. */
const TEST_FETCH_DAYS = 30;

/** The longest backfill: a leap year. */
const MAX_BACKFILL_HOURS = 24 * 366;

/**
 * Skilljar events by polling API v2, for n8n instances Skilljar's webhooks cannot reach. Each
 * poll reads only records newer than the last one emitted (a time filter, then v2's cursor pages),
 * emits each once, oldest first, as items shaped like the Skilljar Trigger's events.
 */
/** The Backfill (Hours) field, checked: a number of hours from 0 to a year. */
function backfillHours(context: IPollFunctions): number {
	const hours = Number(context.getNodeParameter('backfillHours', 0));
	if (!Number.isFinite(hours) || hours < 0 || hours > MAX_BACKFILL_HOURS) {
		throw new NodeOperationError(
			context.getNode(),
			`Backfill (Hours) must be a number from 0 to ${MAX_BACKFILL_HOURS}`,
		);
	}
	return hours;
}

export class SkilljarPollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skilljar Poll Trigger',
		name: 'skilljarPollTrigger',
		icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: eventSubtitle(),
		description:
			'Starts the workflow on new Skilljar enrollments, completions or certificates, by polling API v2',
		defaults: { name: 'Skilljar Poll Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE_V2, required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				default: 'COURSE_ENROLLMENT',
				options: FEEDS.map(({ name, value, description }) => ({ name, value, description })),
			},
			{
				displayName: 'Backfill (Hours)',
				name: 'backfillHours',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: MAX_BACKFILL_HOURS },
				default: 0,
				description:
					'On the first activation, also emit the events of this many hours before it (at most a year). 0 starts with the events after the activation.',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const feed = feedFor(this.getNodeParameter('event'));
		if (!feed) throw new NodeOperationError(this.getNode(), 'Choose an event to watch');
		const now = Date.now();

		if (this.getMode() === 'manual') {
			const from = new Date(now - TEST_FETCH_DAYS * 24 * 3600 * 1000).toISOString();
			const [record] = (await readFeed(this, feed, { from, limit: 1 })).items;
			return record ? [this.helpers.returnJsonArray([feed.toEvent(record)])] : null;
		}

		// One state per event kind: choosing another event starts that one from now.
		const staticData = this.getWorkflowStaticData('node');
		const stored = staticData[feed.value];
		const node = this.getNode();
		const key = `${String(this.getWorkflow().id)} ${node.id || node.name} ${feed.value}`;
		let state: PollState;
		if (isPollState(stored)) {
			state = stored;
			forgetStart(key);
		} else {
			state = startOf(key, () => firstState(now, backfillHours(this)), now);
		}
		const records = await readNew(this, feed, state, key);
		const { fresh, state: next } = takeNew(state, records, feed.timeField);
		if (!isPollState(stored) || JSON.stringify(next) !== JSON.stringify(stored)) {
			staticData[feed.value] = next;
		}
		if (fresh.length === 0) return null;
		return [this.helpers.returnJsonArray(fresh.map((record) => feed.toEvent(record)) as IDataObject[])];
	}
}
