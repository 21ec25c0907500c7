import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarGroupCategory extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarGroupCategory',
			displayName: 'Skilljar Group Category',
			description: 'Read Skilljar group categories',
			overlay,
		});
	}
}
