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
	const only = (values: string[]) => ({ show: { operation: values } });
	if (v1.length === 0) return [{ name: CREDENTIAL_TYPE_V2, required: true }];
	return [
		{ name: CREDENTIAL_TYPE, required: true, displayOptions: only(v1) },
		{ name: CREDENTIAL_TYPE_V2, required: true, displayOptions: only(v2) },
	];
}
