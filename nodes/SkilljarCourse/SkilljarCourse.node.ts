import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarCourse extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarCourse',
			displayName: 'Skilljar Course',
			description: 'Work with Skilljar courses',
		});
	}
}
