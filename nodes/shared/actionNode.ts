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
/**
 * The canvas line under the node's name: the chosen operation and resource as the selectors name
 * them ("Get Many: Domain User"). n8n evaluates subtitles in the editor, where only the
 * parameters are known, so the names travel in the expression: each name once (an operation value
 * that reads differently in one resource is looked up by resource first), to keep the description
 * light.
 */
export function subtitleOf(resources: SkilljarResource[]): string {
	const operations: Record<string, string> = {};
	const exceptions: Record<string, string> = {};
	for (const resource of resources) {
		for (const operation of resource.operations) {
			operations[operation.value] ??= operation.name;
			if (operations[operation.value] !== operation.name) {
				exceptions[`${resource.value}:${operation.value}`] = operation.name;
			}
		}
	}
	const names = Object.fromEntries(resources.map((resource) => [resource.value, resource.name]));
	const operation = `(${JSON.stringify(exceptions)}[$parameter["resource"] + ":" + $parameter["operation"]] || ${JSON.stringify(operations)}[$parameter["operation"]])`;
	return `={{ ${operation} + ": " + (${JSON.stringify(names)})[$parameter["resource"]] }}`;
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
			subtitle: subtitleOf(resources),
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
