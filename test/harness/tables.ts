import type { INodeType } from 'n8n-workflow';

import type { SkilljarOperation, SkilljarResource } from '../../nodes/shared/types';
import { ACTION_NODES } from './node-types';

/** Runtime table of each action node, keyed by node type name. */
export const TABLES: Record<string, SkilljarResource[]> = Object.fromEntries(
	ACTION_NODES.map((node) => [node.description.name, node.resources]),
);

export interface ActionRef {
	node: INodeType;
	resource: SkilljarResource;
	operation: SkilljarOperation;
}

/** Every (node, resource, operation) the package offers. */
export function allActions(): ActionRef[] {
	return ACTION_NODES.flatMap((node) =>
		(TABLES[node.description.name] ?? []).flatMap((resource) =>
			resource.operations.map((operation) => ({ node, resource, operation })),
		),
	);
}
