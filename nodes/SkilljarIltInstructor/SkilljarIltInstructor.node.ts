import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarIltInstructor extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarIltInstructor',
			displayName: 'Skilljar ILT Instructor',
			description: 'Work with Skilljar instructor-led training instructors',
		});
	}
}
