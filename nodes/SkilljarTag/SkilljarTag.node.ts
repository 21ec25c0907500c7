import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarTag extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarTag',
			displayName: 'Skilljar Tag',
			description: 'Work with Skilljar catalog tags',
			overlay,
		});
	}
}
