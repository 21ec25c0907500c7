import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarPath extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPath',
			displayName: 'Skilljar Path',
			description: 'Work with Skilljar learning paths and their items',
			overlay,
		});
	}
}
