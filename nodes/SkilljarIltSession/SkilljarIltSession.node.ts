import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarIltSession extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarIltSession',
			displayName: 'Skilljar ILT Session',
			description: 'Work with Skilljar instructor-led training sessions',
		});
	}
}
