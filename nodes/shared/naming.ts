import type { SkilljarField } from './types';
import { hasSince, RELEASED_VERSION } from './versioned';

/** Words shown in capitals wherever they appear in a generated display name. */
const UPPERCASE_WORDS = new Set(['id', 'url', 'html', 'ilt', 'vilt', 'api']);

/** Words spelled their own way wherever they appear in a generated display name. */
const SPELLED_WORDS: Readonly<Record<string, string>> = {
	ids: 'IDs',
	optin: 'Opt-In',
};

/** `published_course_id` → `Published Course ID`; `user.id` → `User ID`; `course_ids` → `Course IDs`. */
export function humanize(name: string): string {
	return name
		.split(/[._]+|__/)
		.filter(Boolean)
		.map((word) => {
			const lower = word.toLowerCase();
			if (SPELLED_WORDS[lower]) return SPELLED_WORDS[lower];
			return UPPERCASE_WORDS.has(lower)
				? word.toUpperCase()
				: word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
		})
		.join(' ');
}

/**
 * Labels where the wire name reads badly as words, by wire name: one map for every node (an
 * overlay's own `label` still wins). Other names follow `fieldLabel`'s rules.
 */
const LABELS: Readonly<Record<string, string>> = {
	access_code: 'Joined Without Access Code',
	access_code__code: 'Access Code Used',
	access_code__id: 'Access Code Used (ID)',
	'access_code.id': 'Access Code ID',
	user__email: 'Email',
	user__first_name: 'First Name',
	user__last_name: 'Last Name',
	label__name: 'Label Name',
	session__id: 'VILT Session ID',
	session__lesson__id: 'Lesson ID',
	session__lesson__course__id: 'Course ID',
	include_signup_field_data: 'Include Signup Field Answers',
	signup_field_value: 'Signup Field Answer',
	'user.email': 'User Email',
};

/** Filter suffixes that compare: `starts_at__gte` → `Starts After`, `ends_at__lte` → `Ends Before`. */
const COMPARISON = /__(gte|gt|lte|lt)$/;

/** Whether a wire name is a date comparison filter (`…__gte`, `…__lt`). */
export function isComparisonFilter(name: string): boolean {
	return COMPARISON.test(name);
}

/** The editor label of a wire name: the label map, the comparison rule, then `humanize`. */
export function fieldLabel(name: string): string {
	if (LABELS[name]) return LABELS[name];
	const comparison = COMPARISON.exec(name);
	if (comparison) {
		const subject = humanize(name.slice(0, comparison.index)).replace(/ At$/, '');
		return `${subject} ${comparison[1].startsWith('g') ? 'After' : 'Before'}`;
	}
	// `access_code__code` → `Access Code`, not `Access Code Code`.
	return humanize(name)
		.split(' ')
		.filter((word, index, words) => word !== words[index - 1])
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
	return field.label ?? fieldLabel(field.name);
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
