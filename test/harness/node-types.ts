import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import packageJson from '../../package.json';
import { SkilljarApi } from '../../credentials/SkilljarApi.credentials';
import { SkilljarV2Api } from '../../credentials/SkilljarV2Api.credentials';
import type { SkilljarActionNode } from '../../nodes/shared/actionNode';

/** `skilljarUser` → `SkilljarUser`: the folder, file and class name of a node. */
export const classNameOf = (nodeType: string): string =>
	nodeType.charAt(0).toUpperCase() + nodeType.slice(1);

/**
 * Class names of the action nodes package.json lists (`dist/nodes/<Class>/<Class>.node.js`):
 * all but the triggers.
 */
export const ACTION_NODE_CLASSES: string[] = packageJson.n8n.nodes
	.map((file) => /^dist\/nodes\/([A-Za-z]+)\/\1\.node\.js$/.exec(file)?.[1] ?? file)
	.filter((className) => !className.endsWith('Trigger'));

/** Every action node of the package, as n8n loads them: one per entry of package.json. */
export const ACTION_NODES: SkilljarActionNode[] = ACTION_NODE_CLASSES.map((className) => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json names the class file
	const module = require(`../../nodes/${className}/${className}.node`) as Record<
		string,
		new () => SkilljarActionNode
	>;
	return new module[className]();
});

export const PACKAGE = 'n8n-nodes-skilljar';

/** The test workflow's first node: emits the items a test hands it, like a Manual Trigger with pinned data. */
export class InputItems implements INodeType {
	description = {
		displayName: 'Input Items',
		name: 'inputItems',
		group: ['input'],
		version: 1,
		description: 'Emits the items given in its parameter',
		defaults: { name: 'Input Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json' as const, default: '[]' }],
	} as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

/**
 * How n8n tests a credential: a declarative node whose request defaults are the credential's
 * `test.request`, run by n8n-core's RoutingNode with the credential applied.
 */
export class CredentialTest implements INodeType {
	description = {
		displayName: 'Credential Test',
		name: 'credentialTest',
		group: ['input'],
		version: 1,
		description: 'Sends the Skilljar credential test request',
		defaults: { name: 'Credential Test' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'skilljarApi', required: true }],
		requestDefaults: new SkilljarApi().test.request,
		properties: [],
	} as unknown as INodeType['description'];
}

/** The same for the Skilljar V2 API credential (its token is fetched by preAuthentication first). */
export class CredentialTestV2 implements INodeType {
	description = {
		displayName: 'Credential Test v2',
		name: 'credentialTestV2',
		group: ['input'],
		version: 1,
		description: 'Sends the Skilljar V2 API credential test request',
		defaults: { name: 'Credential Test v2' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'skilljarV2Api', required: true }],
		requestDefaults: new SkilljarV2Api().test.request,
		properties: [],
	} as unknown as INodeType['description'];
}

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(extra: INodeType[] = []) {
		this.types.set('harness.inputItems', new InputItems());
		this.types.set('harness.credentialTest', new CredentialTest());
		this.types.set('harness.credentialTestV2', new CredentialTestV2());
		for (const node of [...ACTION_NODES, ...extra]) {
			this.types.set(`${PACKAGE}.${node.description.name}`, node);
		}
	}

	getByName(nodeType: string): INodeType {
		return this.getByNameAndVersion(nodeType);
	}

	getByNameAndVersion(nodeType: string): INodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Unknown node type ${nodeType}`);
		return type;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}
