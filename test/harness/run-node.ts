import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeParameters,
	type IRun,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { SandboxCredentialsHelper } from './credentials';
import { PACKAGE, TestNodeTypes } from './node-types';

export interface RunNodeOptions {
	/** Node type name, e.g. `skilljarCourse` (or a harness type such as `harness.credentialTest`). */
	type: string;
	parameters: INodeParameters;
	/** Node version; 1 (the released 0.1.0 behaviour) unless a test says otherwise. */
	typeVersion?: number;
	items?: IDataObject[];
	credentials: { apiKey: string; baseUrl: string };
	/** The Skilljar V2 API credential, for v2 actions. */
	credentialsV2?: V2Credentials;
	continueOnFail?: boolean;
	/** The workflow's time zone (Settings › Timezone), e.g. `Europe/Berlin`. */
	timezone?: string;
	/** Extra node types to register (benchmarks register a baseline variant). */
	extraNodeTypes?: INodeType[];
}

export interface SerializedError {
	name?: string;
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: SerializedError;
	run: IRun;
	credentialsHelper: SandboxCredentialsHelper;
}

const NODE_NAME = 'Skilljar';

export interface V2Credentials {
	clientId: string;
	clientSecret: string;
	baseUrl: string;
	accessToken?: string;
	/** When the stored token is due for renewal (ISO time), as the credential saves it. */
	accessTokenRenewAt?: string;
}

/**
 * Runs one Skilljar node inside a two-node workflow (Input Items → node) through n8n-core's real
 * WorkflowExecute: real parameter resolution and expressions, real Continue On Fail handling and
 * real httpRequestWithAuthentication against the sandbox over HTTP.
 */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const nodes: INode[] = [
		{
			id: 'input',
			name: 'Input',
			type: 'harness.inputItems',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: JSON.stringify(options.items ?? [{}]) },
		},
		{
			id: 'skilljar',
			name: NODE_NAME,
			type: options.type.includes('.') ? options.type : `${PACKAGE}.${options.type}`,
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: {
				skilljarApi: { id: '1', name: 'Skilljar sandbox' },
				...(options.credentialsV2 ? { skilljarV2Api: { id: '2', name: 'Skilljar v2 sandbox' } } : {}),
			},
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes,
		connections: { Input: { main: [[{ node: NODE_NAME, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: new TestNodeTypes(options.extraNodeTypes),
		settings: {
			executionOrder: 'v1',
			...(options.timezone ? { timezone: options.timezone } : {}),
		},
	});
	const credentialsHelper = new SandboxCredentialsHelper(
		options.credentials,
		undefined,
		options.credentialsV2 ? { ...options.credentialsV2 } : undefined,
	);
	const additionalData = buildAdditionalData(credentialsHelper);
	const startNode = workflow.getNode('Input') ?? undefined;
	const run = await new WorkflowExecute(additionalData, 'manual').run(workflow, startNode);
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as SerializedError | undefined;
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: error
			? {
					name: error.name,
					message: error.message,
					description: error.description,
					httpCode: error.httpCode,
				}
			: undefined,
		run,
		credentialsHelper,
	};
}

export function buildAdditionalData(
	credentialsHelper: SandboxCredentialsHelper,
): IWorkflowExecuteAdditionalData {
	const base = 'http://127.0.0.1:5678';
	return {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', {
			id: 'test-workflow',
			name: 'Test',
			active: false,
			isArchived: false,
			activeVersionId: null,
			nodes: [],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		}),
		executeWorkflow: async () => {
			throw new Error('Sub-workflows are not used in these tests');
		},
		getRunExecutionData: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formWaitingBaseUrl: `${base}/form-waiting`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		variables: {},
		logAiEvent: () => undefined,
		startRunnerTask: async () => {
			throw new Error('Task runners are not used in these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}
