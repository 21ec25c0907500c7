import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarPromoCodePool extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPromoCodePool',
			displayName: 'Skilljar Promo Code Pool',
			description: 'Work with Skilljar promo code pools and their offers',
			overlay,
		});
	}
}
