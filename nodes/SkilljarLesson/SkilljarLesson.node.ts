import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarLesson extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLesson',
			displayName: 'Skilljar Lesson',
			description: 'Work with Skilljar lessons and their content items',
			overlay,
		});
	}
}
