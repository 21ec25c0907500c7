import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarUser extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarUser',
			displayName: 'Skilljar User',
			description:
				'Read and update Skilljar users, their groups, enrollments and course progress. New users are created under Skilljar Domain › Domain User',
			overlay,
		});
	}
}
