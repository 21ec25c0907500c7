import { randomUUID } from 'node:crypto';

import { Workflow, type INode, type INodeType } from 'n8n-workflow';

import { PACKAGE, TestNodeTypes } from './node-types';

/** A node's canvas subtitle for these parameters, evaluated by n8n-workflow as the editor does. */
export function canvasSubtitle(
	nodeType: INodeType,
	parameters: INode['parameters'],
	typeVersion = 1,
): unknown {
	const node: INode = {
		id: randomUUID(),
		name: nodeType.description.displayName,
		type: `${PACKAGE}.${nodeType.description.name}`,
		typeVersion,
		position: [0, 0],
		parameters,
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new TestNodeTypes([nodeType]),
	});
	return workflow.expression.getSimpleParameterValue(
		node,
		nodeType.description.subtitle as string,
		'manual',
		{},
	);
}
