import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { sendRequest } from '../http/request';
import { endpointLabel } from '../http/urls';
import {
	CREDENTIAL_TYPE_V2,
	DEFAULT_SETTINGS,
	buildPath,
	checkNextUrl,
	openSession,
	type RequestSettings,
	type SkilljarContext,
	type SkilljarRequest,
} from '../transport';
import { itemsOfDocument } from './jsonApi';

/** The largest `page[size]` API v2 accepts. */
export const V2_MAX_PAGE_SIZE = 100;

export interface V2ListOptions {
	/** The list declares `page[size]`. */
	pageSize?: boolean;
	/** Stop once this many items are in hand; undefined = all. */
	limit?: number;
}

/**
 * Collects an API v2 list: pages as large as allowed (or as the limit), `links.next` followed one
 * page at a time while it stays on the list's own path under the credential's Base URL, each
 * record flattened with the records its page included.
 */
export async function v2ListItems(
	this: SkilljarContext,
	request: SkilljarRequest,
	list: V2ListOptions,
	itemIndex?: number,
	settings: RequestSettings = DEFAULT_SETTINGS,
): Promise<IDataObject[]> {
	const session = await openSession.call(this, settings, itemIndex, CREDENTIAL_TYPE_V2);
	const firstUrl = new URL(session.baseUrl + buildPath(request.path, request.pathParams));
	const endpoint = endpointLabel('GET', firstUrl.toString());
	const broken = (message: string, answer?: unknown): NodeApiError =>
		new NodeApiError(
			this.getNode(),
			{ body: JSON.stringify(answer ?? null).slice(0, 500) },
			{ message, description: `${endpoint} answered 2xx with an unusable body`, itemIndex },
		);
	const { limit } = list;
	let query: IDataObject | undefined = { ...(request.qs ?? {}) };
	if (list.pageSize) query['page[size]'] = Math.min(limit ?? V2_MAX_PAGE_SIZE, V2_MAX_PAGE_SIZE);
	let url = firstUrl.toString();
	const items: IDataObject[] = [];
	for (;;) {
		const answer = await sendRequest.call(this, session, {
			method: 'GET',
			url,
			qs: query,
			scopes: request.scopes,
			itemIndex,
		});
		const page = answer as { data?: unknown; links?: { next?: unknown } | null };
		if (typeof answer !== 'object' || answer === null || !Array.isArray(page.data)) {
			throw broken('Skilljar answered a list request with something that is not a list', answer);
		}
		for (const item of itemsOfDocument(answer)) items.push(item);
		if (limit !== undefined && items.length >= limit) break;
		const next = page.links?.next;
		if (typeof next !== 'string' || next === '') break;
		if (page.data.length === 0) {
			throw broken('Skilljar answered an empty page while promising more; the list is incomplete');
		}
		url = checkNextUrl.call(this, next, firstUrl, itemIndex).toString();
		query = undefined; // the link carries the cursor and the filters
	}
	if (limit !== undefined && items.length > limit) items.length = limit;
	return items;
}
