import { SkilljarActionNode } from '../shared/actionNode';
import { overlay } from './overlay';

export class SkilljarApiClient extends SkilljarActionNode {
	constructor() {
		super({
			name: 'skilljarApiClient',
			displayName: 'Skilljar API Client',
			description: 'Manage Skilljar API v2 OAuth clients and look up their scopes',
			overlay,
		});
	}
}
