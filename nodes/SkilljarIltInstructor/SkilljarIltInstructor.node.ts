import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarIltInstructor extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarIltInstructor',
			displayName: 'Skilljar ILT Instructor',
			description: 'Work with Skilljar instructor-led training instructors',
			overlay,
		});
	}
}
