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

const resources = resourcesOf('skilljarIltInstructor');

export class SkilljarIltInstructor implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Skilljar ILT Instructor',
		name: 'skilljarIltInstructor',
		icon: { light: 'file:../../icons/skilljar.svg', dark: 'file:../../icons/skilljar.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Skilljar instructor-led training instructors',
		defaults: { name: 'Skilljar ILT Instructor' },
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
