import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { buildProperties } from './description';
import { executeSkilljarNode } from './execute';
import { listSearch } from './listSearch';
import { resourcesOf } from './registry';
import { credentialsOf } from './v2/credentials';

/** What tells one action node from another; everything else is shared. */
export interface ActionNodeIdentity {
	/** Node type name, a key of NODE_REGISTRY (e.g. `skilljarUser`). */
	name: string;
	displayName: string;
	description: string;
}

/**
 * Node versions of every action node. 1 is the released 0.1.0 shape; 1.1 (what new nodes get)
 * adds behaviour that would change existing workflows' results if it applied to them, gated by
 * `@version` in the parameters (see description.ts).
 */
export const ACTION_NODE_VERSIONS = [1, 1.1];

/**
 * The shared body of the 28 action nodes: each node file only names itself. `execute` is an own
 * property (a closure over the node's table) rather than a prototype method, so copies n8n makes
 * of a node type (its AI-tool variant) carry it along.
 */
export class SkilljarActionNode implements INodeType {
	description: INodeTypeDescription;

	methods = { listSearch };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(identity: ActionNodeIdentity) {
		const resources = resourcesOf(identity.name);
		this.description = {
			displayName: identity.displayName,
			name: identity.name,
			icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
			group: ['transform'],
			version: ACTION_NODE_VERSIONS,
			defaultVersion: ACTION_NODE_VERSIONS[ACTION_NODE_VERSIONS.length - 1],
			subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
			description: identity.description,
			defaults: { name: identity.displayName },
			usableAsTool: true,
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: credentialsOf(resources),
			properties: buildProperties(resources),
		};
		this.execute = async function (this: IExecuteFunctions) {
			return await executeSkilljarNode.call(this, resources);
		};
	}
}
