import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarGroupCategory extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarGroupCategory',
			displayName: 'Skilljar Group Category',
			description: 'Read Skilljar group categories',
		});
	}
}
