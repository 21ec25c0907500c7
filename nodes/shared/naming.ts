import type { SkilljarField } from './types';

/** Words shown in capitals wherever they appear in a generated display name. */
const UPPERCASE_WORDS = new Set(['id', 'url', 'html', 'ilt', 'vilt', 'api']);

/** `published_course_id` → `Published Course ID`; `user.id` → `User ID`. */
export function humanize(name: string): string {
	return name
		.split(/[._]+|__/)
		.filter(Boolean)
		.map((word) =>
			UPPERCASE_WORDS.has(word.toLowerCase())
				? word.toUpperCase()
				: word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
		)
		.join(' ');
}

/** `user.id` → `userId`; `access_code__pool__id` → `accessCodePoolId`. */
export function camelCase(name: string): string {
	const words = name.split(/[._]+/).filter(Boolean);
	return words
		.map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
		.join('');
}

export function fieldDisplayName(field: SkilljarField): string {
	return field.label ?? humanize(field.name);
}

export function fieldParameterName(field: SkilljarField): string {
	return field.parameter ?? camelCase(field.name);
}

/** Enum value → option label: `PRICE_OVERRIDE` → `Price Override`; `zoom.meeting` stays as is. */
export function optionLabel(value: string): string {
	if (/^[A-Z0-9_]+$/.test(value)) return humanize(value.toLowerCase());
	return value;
}
