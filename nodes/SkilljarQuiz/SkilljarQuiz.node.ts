import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarQuiz extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarQuiz',
			displayName: 'Skilljar Quiz',
			description: 'Work with Skilljar quizzes',
			overlay,
		});
	}
}
