import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { V1_FACTS } from './factsTable';
import { camelCase, humanize } from './naming';
import { skilljarApiRequest } from './transport';
import { V2_LIST_SEARCH } from './v2/pickers';

/**
 * "From list" searches for records that have a list endpoint. Which field gets which search is
 * decided in pickers.ts; a search names the fields its list needs as the `{placeholders}` of its
 * path.
 */
interface SearchSpec {
	/**
	 * The list operation (operationId). Its path, paging and page size come from the facts; each
	 * `{placeholder}` of the path is read from the node parameter of that field.
	 */
	list: string;
	label: (item: IDataObject) => string;
	value: (item: IDataObject) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const nested = (item: IDataObject, key: string): IDataObject =>
	(typeof item[key] === 'object' && item[key] !== null ? item[key] : {}) as IDataObject;
/** The usual human label of a record: title, name or email, else its ID. */
const titleOf = (item: IDataObject): string =>
	text(item.title) || text(item.name) || text(item.email) || text(item.id);
const idOf = (item: IDataObject): string => text(item.id);
/** `4900` cents in `USD` → `49.00 USD`; free offers say so. */
const priceOf = (item: IDataObject): string => {
	const cents = item.price_cents;
	if (typeof cents !== 'number') return '';
	return cents === 0 ? 'free' : `${(cents / 100).toFixed(2)} ${text(item.currency_code)}`.trim();
};

const SEARCHES: Record<string, SearchSpec> = {
	searchDomains: {
		list: 'domains_list',
		label: (item) => text(item.name),
		value: (item) => text(item.name),
	},
	searchCourses: { list: 'courses_list', label: titleOf, value: idOf },
	searchPublishedCourses: {
		list: 'domains_published_courses_list',
		label: (item) => text(nested(item, 'course').title) || text(item.id),
		value: idOf,
	},
	/** The published courses a user is enrolled in (a bare array). */
	searchUserPublishedCourses: {
		list: 'users_published_courses_list',
		label: (item) =>
			`${text(nested(item, 'course').title) || text(item.published_course_id)} (${text(item.domain_name)})`,
		value: (item) => text(item.published_course_id),
	},
	searchPublishedPaths: {
		list: 'domains_published_paths_list',
		label: (item) => text(nested(item, 'path').title) || titleOf(item),
		value: idOf,
	},
	searchGroups: { list: 'groups_list', label: titleOf, value: idOf },
	searchGroupCategories: {
		list: 'group_categories_list',
		label: titleOf,
		value: idOf,
	},
	searchLabels: { list: 'labels_list', label: titleOf, value: idOf },
	searchTags: { list: 'tags_list', label: titleOf, value: idOf },
	searchLicensePackages: {
		list: 'license_packages_list',
		label: titleOf,
		value: idOf,
	},
	searchPromoCodePools: {
		list: 'promo_code_pools_list',
		label: titleOf,
		value: idOf,
	},
	searchWebPackages: { list: 'web_packages_list', label: titleOf, value: idOf },
	searchWebhooks: {
		list: 'webhooks_list',
		label: (item) => `${text(item.event_type) || 'All events'} → ${text(item.target_url)}`,
		value: idOf,
	},
	searchOffers: {
		list: 'offers_list',
		// Offers have no name: their type, price and training site tell them apart.
		label: (item) =>
			[
				humanize(text(item.offer_type).toLowerCase()),
				priceOf(item),
				text(item.domain_name),
				text(item.id),
			]
				.filter(Boolean)
				.join(' · '),
		value: idOf,
	},
	searchPaths: { list: 'paths_list', label: titleOf, value: idOf },
	searchPlans: { list: 'domains_plan_list', label: titleOf, value: idOf },
	searchCatalogPages: {
		list: 'domains_catalog_pages_list',
		label: (item) => text(item.page_title) || text(item.slug) || text(item.id),
		value: idOf,
	},
	searchAccessCodePools: {
		list: 'domains_access_code_pools_list',
		label: titleOf,
		value: idOf,
	},
	searchSignupFields: {
		list: 'domains_signup_fields_list',
		label: (item) => text(item.label) || text(item.id),
		value: idOf,
	},
	searchQuizzes: { list: 'quizzes_list', label: titleOf, value: idOf },
	searchAssets: { list: 'assets_list', label: titleOf, value: idOf },
	searchUsers: {
		list: 'users_list',
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
	const list = SEARCHES[search]?.list;
	return list ? placeholdersOf(V1_FACTS.get(list).path) : [];
}

function placeholdersOf(path: string): string[] {
	return [...path.matchAll(/\{([a-z_]+)\}/g)].map((match) => match[1]);
}

/** Records asked for per page of a picker's list, where the list accepts `page_size`. */
const PAGE_SIZE = 100;

function makeSearch(spec: SearchSpec) {
	const { path, pagination, pageSize } = V1_FACTS.get(spec.list);
	// The query parameter that asks for the next page: a cursor or a page number.
	const pageKey = pagination === 'cursor' ? 'cursor' : 'page';
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const pathParams: Record<string, string> = {};
		for (const name of placeholdersOf(path)) {
			const value = this.getCurrentNodeParameter(camelCase(name), { extractValue: true });
			if (typeof value !== 'string' || !value) {
				// Named as the field's picker label: `domain_name` → Domain, `user_id` → User.
				const field = humanize(name).replace(/ (ID|Name)$/, '');
				throw new NodeOperationError(this.getNode(), `Choose a ${field} first`);
			}
			pathParams[name] = value;
		}
		const qs: IDataObject = {};
		if (paginationToken) qs[pageKey] = paginationToken;
		if (pageSize) qs.page_size = PAGE_SIZE;
		const response = (await skilljarApiRequest.call(this, {
			method: 'GET',
			path,
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
		return { results, paginationToken: nextToken(next, pageKey) };
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

export const listSearch = {
	...Object.fromEntries(Object.entries(SEARCHES).map(([name, spec]) => [name, makeSearch(spec)])),
	// API v2 records, listed with the v2 credential.
	...V2_LIST_SEARCH,
};
