import { randomUUID } from 'node:crypto';

import { PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { SkilljarPollTrigger } from '../../nodes/SkilljarPollTrigger/SkilljarPollTrigger.node';
import { SandboxCredentialsHelper } from './credentials';
import { PACKAGE, TestNodeTypes } from './node-types';
import { buildAdditionalData } from './run-node';

export const POLL_NODE_NAME = 'Skilljar Poll Trigger';

/**
 * A workflow holding just the Skilljar Poll Trigger, polled through n8n-core's PollContext, as
 * n8n's active-workflow manager does: the Workflow (and its static data) stays in memory from
 * the activation on, and `stored` (n8n's database) gets a copy after the activation's first poll
 * and after each poll that emitted, not after an empty one. `restart()` loads it again.
 */
export class PollWorkflow {
	readonly node: INode;
	readonly credentialsHelper: SandboxCredentialsHelper;
	private readonly additionalData: IWorkflowExecuteAdditionalData;
	private readonly nodeTypes: TestNodeTypes;
	private readonly nodeType = new SkilljarPollTrigger();
	private readonly id = `wf-${randomUUID()}`;
	stored: IDataObject = {};
	private workflow?: Workflow;

	/**
	 * n8n 2.x with durable poll cursors (`N8N_POLLER_DURABLE_CURSORS_ENABLED`): every poll works on
	 * a copy of what is saved; the activation's poll is a test run, saved only if it emits; a
	 * scheduled poll saves whatever it changed, emitting or not.
	 */
	private durable = false;

	private activated = false;

	/** What n8n 2.x's `getPollBudgetMs()` answers; undefined: n8n 1.x, which has no such thing. */
	private budgetMs?: number;

	constructor(
		v2: { clientId: string; clientSecret: string; baseUrl: string },
		parameters: IDataObject,
	) {
		this.credentialsHelper = new SandboxCredentialsHelper(
			{ apiKey: 'unused', baseUrl: v2.baseUrl },
			undefined,
			v2,
		);
		this.additionalData = buildAdditionalData(this.credentialsHelper);
		this.nodeTypes = new TestNodeTypes([this.nodeType]);
		this.node = {
			id: randomUUID(),
			name: POLL_NODE_NAME,
			type: `${PACKAGE}.skilljarPollTrigger`,
			typeVersion: 1,
			position: [0, 0],
			parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters },
			credentials: { skilljarV2Api: { id: '2', name: 'Skilljar v2 sandbox' } },
		};
	}

	/** The node's static data as stored in the database. */
	get staticData(): IDataObject {
		return (this.stored[`node:${POLL_NODE_NAME}`] as IDataObject | undefined) ?? {};
	}

	/** Whether the static data in memory has changes n8n has not written to its database yet. */
	get unsaved(): boolean {
		return this.workflow?.staticData.__dataChanged === true;
	}

	private load(): Workflow {
		return new Workflow({
			id: this.id,
			name: 'Poll test',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.stored)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
	}

	/** Polls from now on as n8n 2.x does with durable poll cursors switched on. */
	withDurableCursors(): this {
		this.durable = true;
		return this;
	}

	/**
	 * Polls from now on tell the node how long they may take, as n8n 2.x's PollContext does
	 * (`getPollBudgetMs`; this n8n-core, of the 1.x line, has no such method, so it is added).
	 */
	withPollBudget(ms: number): this {
		this.budgetMs = ms;
		return this;
	}

	/** n8n stopped and started again: the next poll is an activation from the database. */
	restart(): void {
		this.workflow = undefined;
		this.activated = false;
	}

	/** One scheduled poll (the first after activation or restart is the activation's). */
	async poll(): Promise<INodeExecutionData[] | null> {
		const activation = !this.activated;
		this.activated = true;
		const workflow = this.durable ? this.load() : (this.workflow ??= this.load());
		const context = new PollContext(workflow, this.node, this.additionalData, 'trigger', 'activate');
		const budget = this.budgetMs;
		if (budget !== undefined) Object.assign(context, { getPollBudgetMs: () => budget });
		const result = await this.nodeType.poll.call(context);
		const saves = this.durable
			? result !== null || !activation
			: result !== null || activation;
		if (saves && workflow.staticData.__dataChanged === true) {
			this.stored = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			workflow.staticData.__dataChanged = false;
		}
		return result ? result[0] : null;
	}

	/** The editor's "Fetch Test Event": a manual poll on a copy, never saved. */
	async testFetch(): Promise<INodeExecutionData[] | null> {
		const workflow = this.load();
		const context = new PollContext(workflow, this.node, this.additionalData, 'manual', 'manual');
		const result = await this.nodeType.poll.call(context);
		return result ? result[0] : null;
	}
}
