import type { SkilljarField } from './types';

/**
 * A resource's shared body fields with exactly `names` required: create and update actions
 * usually take the same fields, and only what must be present differs.
 */
export function withRequired(fields: SkilljarField[], names: string[]): SkilljarField[] {
	return fields.map((field) => ({ ...field, required: names.includes(field.name) }));
}
