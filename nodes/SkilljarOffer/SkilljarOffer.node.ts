import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarOffer extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarOffer',
			displayName: 'Skilljar Offer',
			description: 'Work with Skilljar offers',
			overlay,
		});
	}
}
