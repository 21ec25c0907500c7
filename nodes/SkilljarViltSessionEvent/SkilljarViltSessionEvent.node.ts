import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { buildProperties } from '../shared/description';
import { executeSkilljarNode } from '../shared/execute';
import { listSearch } from '../shared/listSearch';
import { resourcesOf } from '../shared/registry';

const resources = resourcesOf('skilljarViltSessionEvent');

export class SkilljarViltSessionEvent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skilljar VILT Session Event',
		name: 'skilljarViltSessionEvent',
		icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Skilljar virtual instructor-led session events',
		defaults: { name: 'Skilljar VILT Session Event' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'skilljarApi', required: true }],
		properties: buildProperties(resources),
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeSkilljarNode.call(this, resources);
	}
}
