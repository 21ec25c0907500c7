import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarIltSession extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarIltSession',
			displayName: 'Skilljar ILT Session',
			description: 'Work with Skilljar instructor-led training sessions',
			overlay,
		});
	}
}
