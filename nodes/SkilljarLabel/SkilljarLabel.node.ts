import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarLabel extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLabel',
			displayName: 'Skilljar Label',
			description: 'Work with Skilljar labels, which group courses and paths for filtering',
			overlay,
		});
	}
}
