import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarPath extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPath',
			displayName: 'Skilljar Path',
			description: 'Work with Skilljar learning paths and their items',
		});
	}
}
