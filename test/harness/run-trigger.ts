import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
	type WorkflowExecuteMode,
} from 'n8n-workflow';

import { SkilljarTrigger } from '../../nodes/SkilljarTrigger/SkilljarTrigger.node';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { SandboxCredentialsHelper } from './credentials';
import { PACKAGE, TestNodeTypes } from './node-types';
import { closeServer, listenOnLoopback } from './loopback';
import { buildAdditionalData } from './run-node';

export const TRIGGER_NODE_NAME = 'Skilljar Trigger';

/** One delivery the receiver handled: what Skilljar got back and what the node returned. */
export interface ReceivedDelivery {
	path: string;
	status: number;
	/** `webhook()`'s answer; undefined when it threw. */
	result?: IWebhookResponseData;
	error?: unknown;
	body: unknown;
}

/** Minimal Express-style response over Node's ServerResponse (status/send/json/end). */
class ExpressLikeResponse {
	constructor(readonly raw: http.ServerResponse) {}

	status(code: number): this {
		this.raw.statusCode = code;
		return this;
	}

	send(body?: string): this {
		if (!this.raw.writableEnded) this.raw.end(body);
		return this;
	}

	json(body: unknown): this {
		if (!this.raw.writableEnded) {
			this.raw.setHeader('Content-Type', 'application/json');
			this.raw.end(JSON.stringify(body));
		}
		return this;
	}

	end(): this {
		if (!this.raw.writableEnded) this.raw.end();
		return this;
	}
}

/**
 * The trigger node class as a fresh n8n process would load it: its own copy of the module, so
 * nothing a previous "process" kept in memory is there.
 */
export function freshProcess(): SkilljarTrigger {
	let loaded: typeof SkilljarTrigger | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const module = require('../../nodes/SkilljarTrigger/SkilljarTrigger.node') as {
			SkilljarTrigger: typeof SkilljarTrigger;
		};
		loaded = module.SkilljarTrigger;
	});
	return new (loaded as typeof SkilljarTrigger)();
}

/**
 * A workflow holding just the Skilljar Trigger, with real static data. Webhook methods run
 * through n8n-core's HookContext, deliveries through WebhookContext.
 *
 * `workflow.staticData` plays n8n's database: as n8n does, each delivery runs on a Workflow
 * built from a copy of it, and the copy is written back whole when the node changed it. Which
 * n8n process handles a delivery is `processes` (round robin): one by default, several for
 * queue mode's webhook processes; `restart()` replaces them with fresh ones. `n8nLine` picks
 * the order in which n8n answers, saves and starts the execution (see handle()).
 */
export class TriggerWorkflow {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly deliveries: ReceivedDelivery[] = [];
	readonly nodeType = new SkilljarTrigger();
	private processes: SkilljarTrigger[] = [this.nodeType];
	private nextProcess = 0;
	/** Which n8n line's webhook handling to follow: 1 (1.123) or 2 (2.41). */
	n8nLine: 1 | 2 = 1;

	constructor(
		private readonly additionalData: IWorkflowExecuteAdditionalData,
		events: string[],
	) {
		const node: INode = {
			id: randomUUID(),
			name: TRIGGER_NODE_NAME,
			type: `${PACKAGE}.skilljarTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { events },
			credentials: { skilljarApi: { id: '1', name: 'Skilljar sandbox' } },
		};
		this.workflow = new Workflow({
			id: `wf-${randomUUID()}`,
			name: 'Trigger test',
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new TestNodeTypes([this.nodeType]),
			staticData: {},
			settings: { executionOrder: 'v1' },
		});
		this.node = this.workflow.getNode(TRIGGER_NODE_NAME) as INode;
	}

	setEvents(events: string[]): void {
		this.node.parameters.events = events;
	}

	/** n8n stopped and started again: no process memory survives, the database does. */
	restart(processCount = 1): void {
		this.processes = Array.from({ length: processCount }, () => freshProcess());
		this.nextProcess = 0;
	}

	/** The Workflow one delivery runs on: built from a copy of the stored static data. */
	private loadedWorkflow(): Workflow {
		return new Workflow({
			id: this.workflow.id,
			name: this.workflow.name,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: this.workflow.nodeTypes,
			staticData: JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject,
			settings: { executionOrder: 'v1' },
		});
	}

	/** n8n's saveStaticData: writes the delivery's copy back when the node changed it. */
	private saveStaticData(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged !== true) return;
		this.workflow.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		workflow.staticData.__dataChanged = false;
	}

	/**
	 * What starting the execution does to the delivery's static data: n8n's WorkflowRunner builds
	 * another Workflow over the same object, and n8n-workflow marks it unchanged when it does.
	 */
	private startExecution(workflow: Workflow): void {
		new Workflow({
			id: workflow.id,
			name: workflow.name,
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: workflow.nodeTypes,
			staticData: workflow.staticData,
			settings: { executionOrder: 'v1' },
		});
	}

	/** The node's static data, as n8n stores it. */
	get staticData(): IDataObject {
		return this.workflow.staticData[`node:${TRIGGER_NODE_NAME}`] as IDataObject;
	}

	private webhookData(isTest: boolean): IWebhookData {
		const description = this.nodeType.description.webhooks![0];
		return {
			httpMethod: 'POST',
			node: TRIGGER_NODE_NAME,
			path: `${this.node.webhookId}/webhook`,
			webhookDescription: description,
			workflowId: this.workflow.id,
			workflowExecuteAdditionalData: this.additionalData,
			webhookId: this.node.webhookId,
			isTest,
		};
	}

	/** A real HookContext: production activation, or n8n's "Listen for test event" (manual). */
	hookContext(test = false, modeOverride?: WorkflowExecuteMode): HookContext {
		const mode: WorkflowExecuteMode = modeOverride ?? (test ? 'manual' : 'trigger');
		const activation: WorkflowActivateMode = test ? 'manual' : 'activate';
		return new HookContext(
			this.workflow,
			this.node,
			this.additionalData,
			mode,
			activation,
			this.webhookData(test),
		);
	}

	async checkExists(test = false): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.checkExists.call(this.hookContext(test));
	}

	async create(test = false): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.create.call(this.hookContext(test));
	}

	async delete(test = false, mode?: WorkflowExecuteMode): Promise<boolean> {
		return await this.nodeType.webhookMethods.default.delete.call(this.hookContext(test, mode));
	}

	/** What n8n does on activation: checkExists, then create when it answered false. */
	async activate(test = false): Promise<void> {
		if (!(await this.checkExists(test))) await this.create(test);
	}

	webhookUrl(test = false): string {
		return this.hookContext(test).getNodeWebhookUrl('default') as string;
	}

	/** Runs `webhook()` for a real HTTP request, as n8n's webhook server would. */
	async handle(
		req: http.IncomingMessage & { body?: unknown; rawBody?: Buffer },
		res: http.ServerResponse,
		test: boolean,
	): Promise<void> {
		const response = new ExpressLikeResponse(res);
		const additionalData = {
			...this.additionalData,
			httpRequest: req,
			httpResponse: response,
		} as unknown as IWorkflowExecuteAdditionalData;
		const workflow = this.loadedWorkflow();
		const nodeType = this.processes[this.nextProcess++ % this.processes.length];
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			test ? 'manual' : 'webhook',
			this.webhookData(test),
			[],
			null,
		);
		const entry: ReceivedDelivery = { path: req.url ?? '', status: 0, body: req.body };
		try {
			const result = await nodeType.webhook.call(context);
			entry.result = result;
			// n8n saves the static data, whole and only when the node changed it, as it hands over
			// the answer: its own 200 (responseMode 'onReceived'), or none when the node answered.
			const answer = () => {
				if (!result.noWebhookResponse) {
					response.status(200).json({
						message: result.workflowData ? 'Workflow was started' : 'Webhook call received',
					});
				}
				this.saveStaticData(workflow);
			};
			// n8n 2.x gives its own answer only after starting the execution; 1.x answers first.
			if (result.workflowData && !result.noWebhookResponse && this.n8nLine === 2) {
				this.startExecution(workflow);
				answer();
			} else {
				answer();
				if (result.workflowData) this.startExecution(workflow);
			}
		} catch (error) {
			entry.error = error;
			response.status(500).json({ message: 'Error in workflow' });
		}
		entry.status = res.statusCode;
		this.deliveries.push(entry);
	}
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * n8n's webhook endpoint stand-in: a loopback HTTP server whose `/webhook/…` and
 * `/webhook-test/…` URLs are the ones the trigger registers, routing each request by the node's
 * webhook id to its TriggerWorkflow.
 */
export class TriggerHarness {
	readonly credentialsHelper: SandboxCredentialsHelper;
	private readonly workflows = new Map<string, TriggerWorkflow>();
	private server?: http.Server;
	baseUrl = '';

	constructor(credentials: { apiKey: string; baseUrl: string }) {
		this.credentialsHelper = new SandboxCredentialsHelper(credentials);
	}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			void this.route(req, res);
		});
		this.baseUrl = await listenOnLoopback(this.server);
	}

	private async route(
		req: http.IncomingMessage & { body?: unknown; rawBody?: Buffer },
		res: http.ServerResponse,
	): Promise<void> {
		const raw = await readBody(req);
		req.rawBody = raw;
		try {
			req.body = raw.length ? (JSON.parse(raw.toString('utf8')) as unknown) : {};
		} catch {
			req.body = {};
		}
		const match = /^\/(webhook|webhook-test)\/([^/]+)\/webhook$/.exec(req.url ?? '');
		const target = match ? this.workflows.get(match[2]) : undefined;
		if (!match || !target) {
			res.statusCode = 404;
			res.end('Not found');
			return;
		}
		await target.handle(req, res, match[1] === 'webhook-test');
	}

	/** A new workflow whose webhook URLs point at this receiver. */
	workflow(events: string[], credentials?: { apiKey: string; baseUrl: string }): TriggerWorkflow {
		const helper = credentials ? new SandboxCredentialsHelper(credentials) : this.credentialsHelper;
		const additionalData = buildAdditionalData(helper);
		additionalData.webhookBaseUrl = `${this.baseUrl}/webhook`;
		additionalData.webhookTestBaseUrl = `${this.baseUrl}/webhook-test`;
		const flow = new TriggerWorkflow(additionalData, events);
		this.workflows.set(String(flow.node.webhookId), flow);
		return flow;
	}

	async close(): Promise<void> {
		await closeServer(this.server);
	}
}

export interface FaultRule {
	method: string;
	path: string;
	/** Fail the nth matching request (1-based), counting from when the rule was set. */
	nth: number;
	/** HTTP status to answer, or 'reset' to drop the connection. */
	failure: number | 'reset';
}

/**
 * A loopback HTTP proxy in front of the sandbox that can fail one chosen request, to test what
 * the trigger does when Skilljar fails half-way. Records every request body it forwards.
 */
export class FaultProxy {
	url = '';
	readonly bodies: Array<{ method: string; path: string; body: string }> = [];
	private rule?: FaultRule & { seen: number };
	private server?: http.Server;

	constructor(private readonly upstream: string) {}

	failOn(rule: FaultRule): void {
		this.rule = { ...rule, seen: 0 };
	}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			void this.forward(req, res);
		});
		this.url = await listenOnLoopback(this.server);
	}

	private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const body = await readBody(req);
		const method = (req.method ?? 'GET').toUpperCase();
		const path = new URL(req.url ?? '/', 'http://proxy.invalid').pathname;
		this.bodies.push({ method, path, body: body.toString('utf8') });
		const rule = this.rule;
		if (rule && rule.method === method && rule.path === path && ++rule.seen === rule.nth) {
			this.rule = undefined;
			if (rule.failure === 'reset') {
				req.socket.destroy();
				return;
			}
			res.writeHead(rule.failure, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ detail: 'Injected failure.' }));
			return;
		}
		const upstream = http.request(
			`${this.upstream}${req.url ?? '/'}`,
			{ method, headers: { ...req.headers, host: new URL(this.upstream).host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => {
			res.statusCode = 502;
			res.end();
		});
		upstream.end(body);
	}

	async close(): Promise<void> {
		await closeServer(this.server);
	}
}

/**
 * Collects what the nodes log at warn level through n8n's Logger (n8n-core's own instance, the
 * one node contexts use) until `stop()`.
 */
export function captureWarnings(): { messages: string[]; stop(): void } {
	const coreRequire = createRequire(require.resolve('n8n-core'));
	const { Container } = coreRequire('@n8n/di') as {
		Container: { get<T>(type: new (...args: never[]) => T): T };
	};
	const { Logger } = coreRequire('@n8n/backend-common') as {
		Logger: new (...args: never[]) => { warn(message: string): void };
	};
	const logger = Container.get(Logger);
	const messages: string[] = [];
	const spy = jest.spyOn(logger, 'warn').mockImplementation((message: string) => {
		messages.push(message);
	});
	return { messages, stop: () => spy.mockRestore() };
}

/**
 * A sandbox and a trigger harness for one describe block: started before its tests, closed
 * after them, the sandbox's data reset before each test.
 */
export function triggerSetup(): { sandbox: Sandbox; harness: TriggerHarness } {
	const setup = {} as { sandbox: Sandbox; harness: TriggerHarness };
	beforeAll(async () => {
		setup.sandbox = await startSandbox({ port: 0 });
		setup.harness = new TriggerHarness({
			apiKey: setup.sandbox.apiKey,
			baseUrl: setup.sandbox.url,
		});
		await setup.harness.start();
	});
	afterAll(async () => {
		await setup.harness?.close();
		await setup.sandbox?.close();
	});
	beforeEach(() => setup.sandbox.reset());
	return setup;
}
