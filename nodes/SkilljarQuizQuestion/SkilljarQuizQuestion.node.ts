import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarQuizQuestion extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarQuizQuestion',
			displayName: 'Skilljar Quiz Question',
			description: 'Work with Skilljar quiz questions',
			overlay,
		});
	}
}
