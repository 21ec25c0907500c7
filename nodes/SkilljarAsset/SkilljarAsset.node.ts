import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarAsset extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarAsset',
			displayName: 'Skilljar Asset',
			description: 'Work with Skilljar assets (videos, files and embeds)',
		});
	}
}
