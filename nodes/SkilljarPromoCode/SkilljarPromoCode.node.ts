import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarPromoCode extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPromoCode',
			displayName: 'Skilljar Promo Code',
			description: 'Work with Skilljar promo codes',
			overlay,
		});
	}
}
