import { SkilljarActionNode } from '../shared/actionNode';

export class SkilljarWebPackage extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarWebPackage',
			displayName: 'Skilljar Web Package',
			description: 'Work with Skilljar web packages (SCORM, xAPI)',
		});
	}
}
