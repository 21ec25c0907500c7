import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import packageJson from '../../package.json';

/**
 * The node descriptions as n8n serves them to the editor in `/types/nodes.json`, modelled on n8n
 * 1.123's loader (directory loader, load-nodes-and-credentials, frontend service): each node's
 * description with its name prefixed by the package, its codex (`<Node>.node.json`) and the
 * package version, written with `JSON.stringify` one per line; and for every `usableAsTool` node
 * an AI-tool copy (name `…Tool`, no inputs, an AI-tool output, the Tool Description parameters
 * and the AI codex).
 */
export interface ServedNode {
	name: string;
	bytes: number;
}

interface Codex {
	categories?: string[];
	alias?: string[];
	resources?: Record<string, unknown>;
}

function codexOf(codex: Codex): Codex {
	return {
		...(codex.categories && { categories: codex.categories }),
		...(codex.alias && { alias: codex.alias }),
		resources: codex.resources ?? {},
	};
}

function served(description: INodeTypeDescription, codex: Codex): INodeTypeDescription {
	return {
		...description,
		name: `${packageJson.name}.${description.name}`,
		communityNodePackageVersion: packageJson.version,
		codex: codexOf(codex),
	} as INodeTypeDescription;
}

/** n8n's AI-tool variant of a node usable as a tool (its loader's convertNodeToAiTool). */
function asTool(description: INodeTypeDescription): INodeTypeDescription {
	const copy = JSON.parse(JSON.stringify(description)) as INodeTypeDescription & {
		usableAsTool?: unknown;
	};
	copy.name += 'Tool';
	copy.displayName += ' Tool';
	copy.inputs = [];
	copy.outputs = ['ai_tool'] as INodeTypeDescription['outputs'];
	delete copy.usableAsTool;
	const chooser: INodeProperties = {
		displayName: 'Tool Description',
		name: 'descriptionType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Set Automatically',
				value: 'auto',
				description: 'Automatically set based on resource and operation',
			},
			{ name: 'Set Manually', value: 'manual', description: 'Manually set the description' },
		],
		default: 'auto',
	};
	const text: INodeProperties = {
		displayName: 'Description',
		name: 'toolDescription',
		type: 'string',
		default: description.description,
		required: true,
		typeOptions: { rows: 2 },
		description:
			'Explain to the LLM what this tool does, a good, specific description would allow LLMs to produce expected results much more often',
		displayOptions: { show: { descriptionType: ['manual'] } },
	};
	const lastNotice = copy.properties.map((property) => property.type).lastIndexOf('callout');
	copy.properties.splice(lastNotice + 1, 0, chooser, text);
	const resources = (copy as { codex?: Codex }).codex?.resources ?? {};
	(copy as { codex?: unknown }).codex = {
		categories: ['AI'],
		subcategories: { AI: ['Tools'], Tools: ['Other Tools'] },
		resources,
	};
	return copy;
}

/** Bytes each of the package's nodes (and AI-tool twins) adds to `/types/nodes.json`. */
export function servedNodes(
	descriptions: Array<{ description: INodeTypeDescription; codex: Codex }>,
): ServedNode[] {
	const entries = descriptions.flatMap(({ description, codex }) => {
		const node = served(description, codex);
		return description.usableAsTool ? [node, asTool(node)] : [node];
	});
	// One line per entry, plus the comma and newline n8n writes after it.
	return entries.map((entry) => ({
		name: entry.name,
		bytes: Buffer.byteLength(JSON.stringify(entry)) + 2,
	}));
}
