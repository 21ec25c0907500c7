import type { INodeCredentialDescription } from 'n8n-workflow';

import { CREDENTIAL_TYPE, CREDENTIAL_TYPE_V2 } from '../transport';
import type { SkilljarResource } from '../types';

/**
 * The credentials a node asks for. A node with API v2 actions shows the v2 credential for exactly
 * those (their operation values end in V2 and meet no v1 value, so the operation alone decides)
 * and the v1 credential for the rest; a node without v2 actions is as before.
 */
export function credentialsOf(resources: SkilljarResource[]): INodeCredentialDescription[] {
	const operations = resources.flatMap((resource) => resource.operations);
	const v2 = [...new Set(operations.filter((operation) => operation.v2).map((op) => op.value))];
	const v1 = [...new Set(operations.filter((operation) => !operation.v2).map((op) => op.value))];
	if (v2.length === 0) return [{ name: CREDENTIAL_TYPE, required: true }];
	if (v1.length === 0) return [{ name: CREDENTIAL_TYPE_V2, required: true }];
	// Each credential is hidden for the other API's operations rather than shown for its own: n8n's
	// editor takes a parameter whose every value a credential's `show` names for the node's main
	// authentication field, and then hides that parameter (here: Operation, and with it the
	// action's fields) behind a "Credential to connect with" list of both types. It reads no `hide`.
	const except = (values: string[]) => ({ hide: { operation: values } });
	return [
		{ name: CREDENTIAL_TYPE, required: true, displayOptions: except(v2) },
		{ name: CREDENTIAL_TYPE_V2, required: true, displayOptions: except(v1) },
	];
}
