import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarAsset extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarAsset',
			displayName: 'Skilljar Asset',
			description: 'Work with Skilljar assets (videos, files and embeds)',
			overlay,
		});
	}
}
