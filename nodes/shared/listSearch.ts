import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchItems,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { skilljarApiRequest } from './transport';

/**
 * "From list" pickers for IDs that have a list endpoint. Any required path field with one of
 * these names becomes a resource locator (From list / By ID) in every node.
 */
interface SearchSpec {
	/** List endpoint; `{domain_name}` is taken from the node's Domain Name parameter. */
	path: string;
	label: (item: IDataObject) => string;
	value: (item: IDataObject) => string;
	/** Whether the list accepts `page_size`. */
	pageSize?: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const SEARCHES: Record<string, SearchSpec> = {
	searchDomains: {
		path: '/v1/domains',
		label: (item) => text(item.name),
		value: (item) => text(item.name),
	},
	searchCourses: {
		path: '/v1/courses',
		pageSize: true,
		label: (item) => text(item.title),
		value: (item) => text(item.id),
	},
	searchPublishedCourses: {
		path: '/v1/domains/{domain_name}/published-courses',
		label: (item) => text((item.course as IDataObject | undefined)?.title) || text(item.id),
		value: (item) => text(item.id),
	},
	searchPublishedPaths: {
		path: '/v1/domains/{domain_name}/published-paths',
		label: (item) =>
			text((item.path as IDataObject | undefined)?.title) || text(item.title) || text(item.id),
		value: (item) => text(item.id),
	},
	searchGroups: {
		path: '/v1/groups',
		pageSize: true,
		label: (item) => text(item.name),
		value: (item) => text(item.id),
	},
	searchPromoCodePools: {
		path: '/v1/promo-code-pools',
		pageSize: true,
		label: (item) => text(item.name),
		value: (item) => text(item.id),
	},
	searchWebPackages: {
		path: '/v1/web-packages',
		pageSize: true,
		label: (item) => text(item.title),
		value: (item) => text(item.id),
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

/** Path parameter name → the list search that offers its values. */
export const LOCATOR_SEARCHES: Record<string, string> = {
	domain_name: 'searchDomains',
	course_id: 'searchCourses',
	published_course_id: 'searchPublishedCourses',
	published_path_id: 'searchPublishedPaths',
	group_id: 'searchGroups',
	promo_code_pool_id: 'searchPromoCodePools',
	web_package_id: 'searchWebPackages',
	user_id: 'searchUsers',
};

const PAGE_SIZE = 100;

function makeSearch(spec: SearchSpec) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const pathParams: Record<string, string> = {};
		if (spec.path.includes('{domain_name}')) {
			const domain = this.getCurrentNodeParameter('domainName', { extractValue: true });
			if (typeof domain !== 'string' || !domain) {
				throw new NodeOperationError(this.getNode(), 'Choose a Domain Name first');
			}
			pathParams.domain_name = domain;
		}
		const qs: IDataObject = {};
		// /v1/users pages with a cursor; the others with page numbers.
		if (paginationToken) qs[spec.path === '/v1/users' ? 'cursor' : 'page'] = paginationToken;
		if (spec.pageSize || spec.path === '/v1/users') qs.page_size = PAGE_SIZE;
		const response = (await skilljarApiRequest.call(this, {
			method: 'GET',
			path: spec.path,
			pathParams,
			qs,
		})) as IDataObject;
		const items = Array.isArray(response.results) ? (response.results as IDataObject[]) : [];
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = items
			.map((item) => ({ name: spec.label(item) || spec.value(item), value: spec.value(item) }))
			.filter(
				(entry) =>
					entry.value && (!needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle)),
			);
		return {
			results,
			paginationToken: nextToken(response.next, spec.path === '/v1/users' ? 'cursor' : 'page'),
		};
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
