import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarProgressToken extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarProgressToken',
			displayName: 'Skilljar Progress Token',
			description: 'Work with Skilljar progress tokens',
			overlay,
		});
	}
}
