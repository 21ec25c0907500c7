import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarLicensePackage extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarLicensePackage',
			displayName: 'Skilljar License Package',
			description: 'Work with Skilljar license packages and the students they cover',
			overlay,
		});
	}
}
