import type { SkilljarField, SkilljarOperation } from './types';

/**
 * Where the editor puts an optional field and how a null choice is spelled: the parameters
 * (description.ts) and the reading of them at run time (parameters.ts) must agree on both.
 */

/** Where an optional field of this operation is collected. */
export function collectionFor(operation: SkilljarOperation, field: SkilljarField): string {
	if (field.in === 'query') return 'filters';
	return operation.kind === 'update' ? 'updateFields' : 'additionalFields';
}

/** The option value that sends JSON `null` for a nullable options field. */
export const NULL_OPTION = 'null';
