import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarWebhook extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarWebhook',
			displayName: 'Skilljar Webhook',
			description: 'Work with Skilljar webhooks',
			overlay,
		});
	}
}
