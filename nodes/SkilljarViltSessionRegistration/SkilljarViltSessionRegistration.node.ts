import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarViltSessionRegistration extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarViltSessionRegistration',
			displayName: 'Skilljar VILT Session Registration',
			description: 'Work with Skilljar virtual instructor-led session registrations',
			overlay,
		});
	}
}
