import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarUser extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarUser',
			displayName: 'Skilljar User',
			description: 'Work with Skilljar users, their groups, enrollments and progress',
			overlay,
		});
	}
}
