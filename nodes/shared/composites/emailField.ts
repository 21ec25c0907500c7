import type { SkilljarField } from '../types';

/** The learner's email, as both composites take it: required, checked as an email before sending. */
export function emailField(description?: string): SkilljarField {
	return {
		name: 'email',
		in: 'body',
		type: 'string',
		required: true,
		format: 'email',
		maxLength: 254,
		label: 'Email',
		placeholder: 'name@example.com',
		...(description ? { description } : {}),
	};
}
