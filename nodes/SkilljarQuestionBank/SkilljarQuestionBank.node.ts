import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarQuestionBank extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarQuestionBank',
			displayName: 'Skilljar Question Bank',
			description: 'Work with Skilljar quiz question banks',
			overlay,
		});
	}
}
