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

const resources = resourcesOf('skilljarGroupCategory');

export class SkilljarGroupCategory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skilljar Group Category',
		name: 'skilljarGroupCategory',
		icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read Skilljar group categories',
		defaults: { name: 'Skilljar Group Category' },
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
