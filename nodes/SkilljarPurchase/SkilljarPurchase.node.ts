import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarPurchase extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPurchase',
			displayName: 'Skilljar Purchase',
			description: 'Work with Skilljar purchases',
			overlay,
		});
	}
}
