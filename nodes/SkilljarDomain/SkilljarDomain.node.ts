import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarDomain extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarDomain',
			displayName: 'Skilljar Domain',
			description:
				'Work with Skilljar domains (training sites) and their access codes, published courses and paths, enrollments, users and signup fields',
			overlay,
		});
	}
}
