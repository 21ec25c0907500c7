import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarViltSessionEvent extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarViltSessionEvent',
			displayName: 'Skilljar VILT Session Event',
			description: 'Work with Skilljar virtual instructor-led session events',
			overlay,
		});
	}
}
