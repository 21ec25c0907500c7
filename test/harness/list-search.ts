import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type INode,
	type INodeListSearchResult,
	type INodeParameters,
} from 'n8n-workflow';

import { listSearch } from '../../nodes/shared/listSearch';
import type { SandboxCredentialsHelper } from './credentials';
import { PACKAGE, TestNodeTypes } from './node-types';
import { buildAdditionalData } from './run-node';

export interface SearchOptions {
	/** Node type name, e.g. `skilljarDomain`. */
	nodeType: string;
	typeVersion: number;
	/** The list search, e.g. `searchUsers` or `searchV2Student`. */
	method: string;
	/** The node's parameters as set in the editor (the search reads the ones it depends on). */
	parameters: INodeParameters;
	credentials: SandboxCredentialsHelper;
	/** Which of the node's credentials is chosen: v1's API key or v2's client. */
	api?: 'v1' | 'v2';
	filter?: string;
	paginationToken?: string;
}

/** Runs a "From list" search the way the editor does: n8n-core's LoadOptionsContext on the node. */
export async function searchAsEditor(options: SearchOptions): Promise<INodeListSearchResult> {
	const node: INode = {
		id: 'n',
		name: 'Skilljar',
		type: `${PACKAGE}.${options.nodeType}`,
		typeVersion: options.typeVersion,
		position: [0, 0],
		parameters: options.parameters,
		credentials:
			options.api === 'v2'
				? { skilljarV2Api: { id: '2', name: 'Skilljar v2 sandbox' } }
				: { skilljarApi: { id: '1', name: 'Skilljar sandbox' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes(),
	});
	const additionalData = buildAdditionalData(options.credentials);
	// As the editor sends them: the node's parameters with their defaults (n8n-core decides
	// from them which credential the node shows).
	additionalData.currentNodeParameters =
		workflow.getNode(node.name)?.parameters ?? options.parameters;
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters');
	return await listSearch[options.method].call(context, options.filter, options.paginationToken);
}
