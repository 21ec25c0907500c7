import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarLesson extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLesson',
			displayName: 'Skilljar Lesson',
			description: 'Work with Skilljar lessons and their content items',
		});
	}
}
