import { searchDependencies } from './listSearch';
import type { Picker } from './types';
import { hasSince, RELEASED_VERSION, VERSION_1_1 } from './versioned';

/**
 * Which fields choose a record, and how. One rule for path, query and body fields: the wire name
 * minus its ID suffix (`user.id`, `user_id`, `access_code__pool__id`, `item_plan_id`,
 * `content_quiz_id`) names the record, and a record with a list endpoint gets a picker. Overlays
 * can choose another picker or none (`picker: false`) per field.
 */

interface RecordKind {
	/** listSearch method that lists the record. */
	search: string;
	/** Label of a field choosing it. */
	noun: string;
	/**
	 * Release 0.1.0 already had a picker for its path field (`<stem>_id`): that picker keeps
	 * showing in node version 1. Every other picker the rule finds is new and shows from version
	 * 1.1 (in 1 those fields stay plain text).
	 */
	inReleasedPaths?: true;
}

/** Records with a list endpoint, by the stem their fields are named after. */
const RECORDS: Record<string, RecordKind> = {
	access_code_pool: { search: 'searchAccessCodePools', noun: 'Access Code Pool' },
	asset: { search: 'searchAssets', noun: 'Asset' },
	catalog_page: { search: 'searchCatalogPages', noun: 'Catalog Page' },
	course: { search: 'searchCourses', noun: 'Course', inReleasedPaths: true },
	group: { search: 'searchGroups', noun: 'Group', inReleasedPaths: true },
	group_category: {
		search: 'searchGroupCategories',
		noun: 'Group Category',
		inReleasedPaths: true,
	},
	label: { search: 'searchLabels', noun: 'Label', inReleasedPaths: true },
	license_package: {
		search: 'searchLicensePackages',
		noun: 'License Package',
		inReleasedPaths: true,
	},
	offer: { search: 'searchOffers', noun: 'Offer' },
	path: { search: 'searchPaths', noun: 'Path' },
	plan: { search: 'searchPlans', noun: 'Plan' },
	promo_code_pool: {
		search: 'searchPromoCodePools',
		noun: 'Promo Code Pool',
		inReleasedPaths: true,
	},
	published_course: {
		search: 'searchPublishedCourses',
		noun: 'Published Course',
		inReleasedPaths: true,
	},
	published_path: { search: 'searchPublishedPaths', noun: 'Published Path', inReleasedPaths: true },
	quiz: { search: 'searchQuizzes', noun: 'Quiz' },
	signup_field: { search: 'searchSignupFields', noun: 'Signup Field' },
	tag: { search: 'searchTags', noun: 'Tag', inReleasedPaths: true },
	user: { search: 'searchUsers', noun: 'User', inReleasedPaths: true },
	web_package: { search: 'searchWebPackages', noun: 'Web Package', inReleasedPaths: true },
	webhook: { search: 'searchWebhooks', noun: 'Webhook', inReleasedPaths: true },
};

/** Stems Skilljar uses for a record under another name. */
const SYNONYMS: Record<string, string> = {
	student: 'user',
	student_group: 'group',
	access_code__pool: 'access_code_pool',
};

/** Prefixes that say where a record is used, not what it is (`item_plan_id`, `content_asset_id`). */
const ROLE_PREFIX = /^(item|content)_/;

export function pickerFor(search: string, noun: string, since?: number): Picker {
	const picker: Picker = {
		search,
		dependsOn: searchDependencies(search),
		noun,
		manual: search === 'searchDomains' ? 'name' : 'id',
	};
	if (since !== undefined && since > 1) picker.since = since;
	return picker;
}

/** Below a user, a published course is one of that user's own (overlays choose it). */
export const USER_PUBLISHED_COURSE_PICKER = pickerFor(
	'searchUserPublishedCourses',
	'Published Course',
);

/** The record a wire name chooses, e.g. `student_group.id` → `group`; undefined if none. */
export function recordOf(name: string): string | undefined {
	const match = /^(.+?)(?:\.id|__id|_id)$/.exec(name);
	if (!match) return undefined;
	const stem = match[1].replace(ROLE_PREFIX, '');
	const record = SYNONYMS[stem] ?? stem;
	return record in RECORDS ? record : undefined;
}

/** The picker the rule gives a field, or undefined. */
export function defaultPicker(field: { name: string; in: string }): Picker | undefined {
	if (field.name === 'domain_name') {
		return pickerFor('searchDomains', 'Domain', field.in === 'path' ? undefined : VERSION_1_1);
	}
	const record = recordOf(field.name);
	if (!record) return undefined;
	const { search, noun, inReleasedPaths } = RECORDS[record];
	const released = field.in === 'path' && inReleasedPaths && field.name === `${record}_id`;
	return pickerFor(search, noun, released ? undefined : VERSION_1_1);
}

/** Whether a node of this version shows the field as a picker (else as plain text). */
export function showsPicker(picker: Picker | undefined, version: number): picker is Picker {
	return picker !== undefined && hasSince(version, picker.since ?? RELEASED_VERSION);
}
