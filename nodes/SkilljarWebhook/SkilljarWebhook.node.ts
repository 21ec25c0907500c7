import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarWebhook extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarWebhook',
			displayName: 'Skilljar Webhook',
			description: 'Work with Skilljar webhooks',
		});
	}
}
