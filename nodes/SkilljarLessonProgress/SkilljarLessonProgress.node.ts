import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarLessonProgress extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLessonProgress',
			displayName: 'Skilljar Lesson Progress',
			description: 'Work with Skilljar lesson progress records',
			overlay,
		});
	}
}
