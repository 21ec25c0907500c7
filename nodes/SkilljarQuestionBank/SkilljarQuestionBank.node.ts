import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarQuestionBank extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarQuestionBank',
			displayName: 'Skilljar Question Bank',
			description: 'Work with Skilljar quiz question banks',
		});
	}
}
