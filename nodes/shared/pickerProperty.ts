import type { INodeProperties, INodePropertyModeValidation } from 'n8n-workflow';

import { ID_TEXT, DOMAIN_TEXT, DOMAIN_URL } from './pickerValues';
import { hasSince, VERSION_1_1 } from './versioned';
import type { Picker } from './types';

/**
 * The editor side of a picker: a resource locator with From List, By ID (By Name for domains)
 * and, where a documented URL carries the value, By URL. Node version 1 keeps the modes of
 * release 0.1.0 (their display names aside); from VERSION_1_1 the typed value is checked
 * against the shape Skilljar's OpenAPI document gives it.
 */
/** By search: what the ID to enter is not, where it is easy to confuse with another. */
const NOT_TO_CONFUSE_BY_SEARCH: Record<string, string> = {
	searchPublishedCourses: ": the course's publication on this domain, not the course ID",
	searchUserPublishedCourses: ": the course's publication on a domain, not the course ID",
	searchPublishedPaths: ": the path's publication on this domain, not the path ID",
	searchUsers: ": the user's `id`, not their e-mail",
};

/** What the picker expects, for its tooltip. */
export function pickerDescription(
	picker: Picker,
	own: string | undefined,
	version: number,
): string {
	if (picker.sameInAllVersions) return own ?? `Pick the ${picker.noun.toLowerCase()}, or enter its ID`;
	const expects =
		picker.manual === 'name'
			? `The training site's domain name (e.g. learn.example.com)${hasSince(version, VERSION_1_1) ? ', or any URL of the training site' : ''}`
			: `Pick the ${picker.noun.toLowerCase()} from the list, or enter its Skilljar ID (lowercase letters and digits)${NOT_TO_CONFUSE_BY_SEARCH[picker.search] ?? ''}`;
	return own ? `${own.replace(/\.?$/, '.')} ${expects}` : expects;
}

export function pickerProperty(
	base: Omit<INodeProperties, 'type' | 'default'>,
	picker: Picker,
	placeholder: string | undefined,
	version: number,
): INodeProperties {
	// A picker the same in every version is offered as version 1's (v2 IDs have no documented shape).
	const checked = !picker.sameInAllVersions && hasSince(version, VERSION_1_1);
	const byName = picker.manual === 'name';
	const idCheck: INodePropertyModeValidation = {
		type: 'regex',
		properties: byName
			? { regex: DOMAIN_TEXT, errorMessage: 'Not a domain name, e.g. learn.example.com' }
			: { regex: ID_TEXT, errorMessage: 'Not a Skilljar ID (lowercase letters and digits)' },
	};
	return {
		...base,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: picker.search, searchable: true },
			},
			{
				displayName: byName ? 'By Name' : 'By ID',
				name: 'id',
				type: 'string',
				...(picker.sameInAllVersions ? {} : { placeholder: placeholder ?? 'e.g. 4mjoj729j1my' }),
				...(checked ? { validation: [idCheck] } : {}),
			},
			// Only a domain has a documented URL that carries it: every training-site page (a
			// course's `course_url`, a path's `path_url`) is on the domain's own host. No documented
			// dashboard or training-site URL carries an object ID, so ID pickers have no By URL.
			...(checked && byName
				? [
						{
							displayName: 'By URL',
							name: 'url',
							type: 'string' as const,
							placeholder: 'e.g. https://learn.example.com/getting-started',
							extractValue: { type: 'regex' as const, regex: DOMAIN_URL },
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: DOMAIN_URL,
										errorMessage: 'Not a training-site URL, e.g. https://learn.example.com/…',
									},
								},
							],
						},
					]
				: []),
		],
	};
}
