import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';

import { SkilljarApi } from '../../credentials/SkilljarApi.credentials';
import { NODE_REGISTRY } from '../../nodes/shared/registry';

/** `skilljarUser` → `SkilljarUser`: the folder, file and class name of a registered node. */
export const classNameOf = (nodeType: string): string =>
	nodeType.charAt(0).toUpperCase() + nodeType.slice(1);

/** Every action node of the package, as n8n loads them: one per registry entry. */
export const ACTION_NODES: INodeType[] = Object.keys(NODE_REGISTRY).map((nodeType) => {
	const className = classNameOf(nodeType);
	// eslint-disable-next-line @typescript-eslint/no-require-imports -- one class per registry entry, found by its file name
	const module = require(`../../nodes/${className}/${className}.node`) as Record<
		string,
		new () => INodeType
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

export class TestNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType>();

	constructor(extra: INodeType[] = []) {
		this.types.set('harness.inputItems', new InputItems());
		this.types.set('harness.credentialTest', new CredentialTest());
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
