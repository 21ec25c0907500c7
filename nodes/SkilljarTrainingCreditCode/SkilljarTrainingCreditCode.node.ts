import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarTrainingCreditCode extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarTrainingCreditCode',
			displayName: 'Skilljar Training Credit Code',
			description: 'Work with Skilljar training credit codes',
			overlay,
		});
	}
}
