import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarLessonProgress extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLessonProgress',
			displayName: 'Skilljar Lesson Progress',
			description: 'Work with Skilljar lesson progress records',
		});
	}
}
