import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarIltMultiSessionEvent extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarIltMultiSessionEvent',
			displayName: 'Skilljar ILT Multi-Session Event',
			description: 'Work with Skilljar instructor-led multi-session events',
			overlay,
		});
	}
}
