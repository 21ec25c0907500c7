import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarCourse extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarCourse',
			displayName: 'Skilljar Course',
			description: 'Work with Skilljar courses',
			overlay,
		});
	}
}
