import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { resourcesOf } from './catalog';
import { buildProperties } from './description';
import { executeSkilljarNode } from './execute';
import { listSearch } from './listSearch';
import type { NodeOverlay, SkilljarResource } from './types';
import { credentialsOf } from './v2/credentials';
import { ACTION_NODE_VERSIONS } from './versioned';

/**
 * What tells one action node from another; everything else is shared. A node folder holds its
 * class, its `.node.json` and its overlay; the class hands the overlay in (shared code never
 * imports a node folder), and package.json's `n8n.nodes` lists the class.
 */
export interface ActionNodeIdentity {
	/** Node type name, e.g. `skilljarUser` (folder and class: `SkilljarUser`). */
	name: string;
	displayName: string;
	description: string;
	/** The node's curation of the generated facts (`nodes/<Node>/overlay.ts`). */
	overlay: NodeOverlay;
}

/**
 * The shared body of the 28 action nodes: each node file only names itself. `execute` is an own
 * property (a closure over the node's table) rather than a prototype method, so copies n8n makes
 * of a node type (its AI-tool variant) carry it along.
 */
export class SkilljarActionNode implements INodeType {
	description: INodeTypeDescription;

	methods = { listSearch };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** The node's runtime table (facts merged with its overlay), built once per overlay. */
	readonly resources: SkilljarResource[];

	constructor(identity: ActionNodeIdentity) {
		const resources = resourcesOf(identity.overlay);
		this.resources = resources;
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
