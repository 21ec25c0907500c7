import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { camelCase, humanize } from './naming';
import { skilljarApiRequest } from './transport';

/**
 * "From list" searches for records that have a list endpoint. Which field gets which search is
 * decided in pickers.ts; a search names the fields its list needs as the `{placeholders}` of its
 * path.
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
/** `4900` cents in `USD` → `49.00 USD`; free offers say so. */
const priceOf = (item: IDataObject): string => {
	const cents = item.price_cents;
	if (typeof cents !== 'number') return '';
	return cents === 0 ? 'free' : `${(cents / 100).toFixed(2)} ${text(item.currency_code)}`.trim();
};

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
	searchOffers: {
		path: '/v1/offers',
		pageSize: true,
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
	searchPaths: { path: '/v1/paths', pageSize: true, label: titleOf, value: idOf },
	searchPlans: { path: '/v1/domains/{domain_name}/plan', label: titleOf, value: idOf },
	searchCatalogPages: {
		path: '/v1/domains/{domain_name}/catalog-pages',
		label: (item) => text(item.page_title) || text(item.slug) || text(item.id),
		value: idOf,
	},
	searchAccessCodePools: {
		path: '/v1/domains/{domain_name}/access-code-pools',
		label: titleOf,
		value: idOf,
	},
	searchSignupFields: {
		path: '/v1/domains/{domain_name}/signup-fields',
		label: (item) => text(item.label) || text(item.id),
		value: idOf,
	},
	searchQuizzes: { path: '/v1/quizzes', pageSize: true, label: titleOf, value: idOf },
	searchAssets: { path: '/v1/assets', pageSize: true, label: titleOf, value: idOf },
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
				// Named as the field's picker label: `domain_name` → Domain, `user_id` → User.
				const field = humanize(name).replace(/ (ID|Name)$/, '');
				throw new NodeOperationError(this.getNode(), `Choose a ${field} first`);
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
