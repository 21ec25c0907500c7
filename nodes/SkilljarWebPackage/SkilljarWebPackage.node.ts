import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarWebPackage extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarWebPackage',
			displayName: 'Skilljar Web Package',
			description: 'Work with Skilljar web packages (SCORM, xAPI)',
			overlay,
		});
	}
}
