import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { camelCase, humanize } from './naming';
import { skilljarApiRequest } from './transport';
import type { Picker } from './types';

/**
 * "From list" pickers for IDs that have a list endpoint. A picker is declared per field (by
 * default per path parameter name, see DEFAULT_PICKERS; overlays can choose another) together
 * with the fields its list needs: the `{placeholders}` of its path.
 */
interface SearchSpec {
	/** List endpoint; each `{placeholder}` is read from the node parameter of that field. */
	path: string;
	label: (item: IDataObject) => string;
	value: (item: IDataObject) => string;
	/** Whether the list accepts `page_size`. */
	pageSize?: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const nested = (item: IDataObject, key: string): IDataObject =>
	(typeof item[key] === 'object' && item[key] !== null ? item[key] : {}) as IDataObject;
/** The usual human label of a record: title, name or email, else its ID. */
const titleOf = (item: IDataObject): string =>
	text(item.title) || text(item.name) || text(item.email) || text(item.id);
const idOf = (item: IDataObject): string => text(item.id);

const SEARCHES: Record<string, SearchSpec> = {
	searchDomains: {
		path: '/v1/domains',
		label: (item) => text(item.name),
		value: (item) => text(item.name),
	},
	searchCourses: { path: '/v1/courses', pageSize: true, label: titleOf, value: idOf },
	searchPublishedCourses: {
		path: '/v1/domains/{domain_name}/published-courses',
		label: (item) => text(nested(item, 'course').title) || text(item.id),
		value: idOf,
	},
	/** The published courses a user is enrolled in (a bare array). */
	searchUserPublishedCourses: {
		path: '/v1/users/{user_id}/published-courses',
		label: (item) =>
			`${text(nested(item, 'course').title) || text(item.published_course_id)} (${text(item.domain_name)})`,
		value: (item) => text(item.published_course_id),
	},
	searchPublishedPaths: {
		path: '/v1/domains/{domain_name}/published-paths',
		label: (item) => text(nested(item, 'path').title) || titleOf(item),
		value: idOf,
	},
	searchGroups: { path: '/v1/groups', pageSize: true, label: titleOf, value: idOf },
	searchGroupCategories: {
		path: '/v1/group-categories',
		pageSize: true,
		label: titleOf,
		value: idOf,
	},
	searchLabels: { path: '/v1/labels', pageSize: true, label: titleOf, value: idOf },
	searchTags: { path: '/v1/tags', pageSize: true, label: titleOf, value: idOf },
	searchLicensePackages: {
		path: '/v1/license-packages',
		pageSize: true,
		label: titleOf,
		value: idOf,
	},
	searchPromoCodePools: {
		path: '/v1/promo-code-pools',
		pageSize: true,
		label: titleOf,
		value: idOf,
	},
	searchWebPackages: { path: '/v1/web-packages', pageSize: true, label: titleOf, value: idOf },
	searchWebhooks: {
		path: '/v1/webhooks',
		label: (item) => `${text(item.event_type) || 'All events'} → ${text(item.target_url)}`,
		value: idOf,
	},
	searchUsers: {
		path: '/v1/users',
		// /v1/users answers user overviews: the user itself sits under `user`.
		label: (item) => {
			const user = (item.user ?? item) as IDataObject;
			return `${text(user.first_name)} ${text(user.last_name)} <${text(user.email)}>`.trim();
		},
		value: (item) => text(((item.user ?? item) as IDataObject).id),
	},
};

/** The fields a search reads before it can list anything: its path placeholders. */
export function searchDependencies(search: string): string[] {
	return [...(SEARCHES[search]?.path ?? '').matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
}

function picker(search: string): Picker {
	return { search, dependsOn: searchDependencies(search) };
}

/** Path parameter name → its picker, unless an overlay says otherwise. */
export const DEFAULT_PICKERS: Record<string, Picker> = {
	domain_name: picker('searchDomains'),
	course_id: picker('searchCourses'),
	published_course_id: picker('searchPublishedCourses'),
	published_path_id: picker('searchPublishedPaths'),
	group_id: picker('searchGroups'),
	group_category_id: picker('searchGroupCategories'),
	label_id: picker('searchLabels'),
	tag_id: picker('searchTags'),
	license_package_id: picker('searchLicensePackages'),
	promo_code_pool_id: picker('searchPromoCodePools'),
	web_package_id: picker('searchWebPackages'),
	webhook_id: picker('searchWebhooks'),
	user_id: picker('searchUsers'),
};

export const USER_PUBLISHED_COURSE_PICKER = picker('searchUserPublishedCourses');

const PAGE_SIZE = 100;

function makeSearch(spec: SearchSpec) {
	const cursor = spec.path === '/v1/users';
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const pathParams: Record<string, string> = {};
		for (const name of [...spec.path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1])) {
			const value = this.getCurrentNodeParameter(camelCase(name), { extractValue: true });
			if (typeof value !== 'string' || !value) {
				throw new NodeOperationError(this.getNode(), `Choose a ${humanize(name)} first`);
			}
			pathParams[name] = value;
		}
		const qs: IDataObject = {};
		// /v1/users pages with a cursor; the others with page numbers.
		if (paginationToken) qs[cursor ? 'cursor' : 'page'] = paginationToken;
		if (spec.pageSize || cursor) qs.page_size = PAGE_SIZE;
		const response = (await skilljarApiRequest.call(this, {
			method: 'GET',
			path: spec.path,
			pathParams,
			qs,
		})) as IDataObject | IDataObject[];
		const items = Array.isArray(response)
			? response
			: Array.isArray(response.results)
				? (response.results as IDataObject[])
				: [];
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = items
			.map((item) => ({ name: spec.label(item) || spec.value(item), value: spec.value(item) }))
			.filter(
				(entry) =>
					entry.value && (!needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle)),
			);
		const next = Array.isArray(response) ? undefined : response.next;
		return { results, paginationToken: nextToken(next, cursor ? 'cursor' : 'page') };
	};
}

/** The page number or cursor of the next page, read from Skilljar's absolute `next` URL. */
function nextToken(next: unknown, key: string): string | undefined {
	if (typeof next !== 'string' || !next) return undefined;
	try {
		return new URL(next).searchParams.get(key) ?? undefined;
	} catch {
		return undefined;
	}
}

export const listSearch = Object.fromEntries(
	Object.entries(SEARCHES).map(([name, spec]) => [name, makeSearch(spec)]),
);
