import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarPromoCode extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarPromoCode',
			displayName: 'Skilljar Promo Code',
			description: 'Work with Skilljar promo codes',
		});
	}
}
