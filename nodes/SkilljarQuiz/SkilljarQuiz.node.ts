import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarQuiz extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarQuiz',
			displayName: 'Skilljar Quiz',
			description: 'Work with Skilljar quizzes',
		});
	}
}
