import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarGroup extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarGroup',
			displayName: 'Skilljar Group',
			description: 'Work with Skilljar groups and their users and access code pools',
			overlay,
		});
	}
}
