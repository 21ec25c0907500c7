import type { SkilljarField } from './types';
import { hasSince, RELEASED_VERSION } from './versioned';

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

/**
 * The label of a field in a node of this version: a picker names the record it chooses
 * ("User"), a text field keeps its own label ("User ID").
 */
export function fieldDisplayName(field: SkilljarField, version: number): string {
	if (field.picker && hasSince(version, field.picker.since ?? RELEASED_VERSION)) {
		return field.picker.noun;
	}
	return field.label ?? humanize(field.name);
}

export function fieldParameterName(field: SkilljarField): string {
	return field.parameter ?? camelCase(field.name);
}

/**
 * Enum value → option label: `PRICE_OVERRIDE` → `Price Override`, `course-completion` →
 * `Course Completion`; values with other characters (`zoom.meeting`, `America/New_York`) stay as is.
 */
export function optionLabel(value: string): string {
	if (/^[A-Z0-9_]+$/.test(value)) return humanize(value.toLowerCase());
	if (/^[a-z]+(-[a-z]+)+$/.test(value)) return humanize(value.replace(/-/g, '_'));
	return value;
}

/** `Group User` → `group user`; keeps ILT/VILT/ID in capitals. */
export function nounOf(resourceName: string): string {
	return resourceName
		.split(' ')
		.map((word) => (UPPERCASE_WORDS.has(word.toLowerCase()) ? word : word.toLowerCase()))
		.join(' ');
}

/** English plural of the last word: `quiz` → `quizzes`, `category` → `categories`. */
export function pluralOf(noun: string): string {
	if (/series$/i.test(noun)) return noun;
	if (/(quiz)$/i.test(noun)) return `${noun}zes`;
	if (/[^aeiou]y$/i.test(noun)) return `${noun.slice(0, -1)}ies`;
	if (/(s|x|ch|sh)$/i.test(noun)) return `${noun}es`;
	if (/progress$/i.test(noun)) return `${noun} records`;
	return `${noun}s`;
}

/** `a user`, `an access code`, `an ILT session`. */
export function withArticle(noun: string): string {
	const vowelSound = /^(ilt|html|[aeio]|u(?!s|n[ie]))/i.test(noun) && !/^u(ser|ni)/i.test(noun);
	return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/** The derived value, selector name and action text of an operation kind. */
export function kindTexts(
	kind: string,
	noun: string,
	plural: string,
): { value: string; name: string; action: string } {
	switch (kind) {
		case 'list':
			return { value: 'getAll', name: 'Get Many', action: `Get many ${plural}` };
		case 'get':
			return { value: 'get', name: 'Get', action: `Get ${withArticle(noun)}` };
		case 'create':
			return { value: 'create', name: 'Create', action: `Create ${withArticle(noun)}` };
		case 'update':
			return { value: 'update', name: 'Update', action: `Update ${withArticle(noun)}` };
		case 'delete':
			return { value: 'delete', name: 'Delete', action: `Delete ${withArticle(noun)}` };
		default:
			return { value: '', name: '', action: '' };
	}
}
