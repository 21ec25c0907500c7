import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { sendRequest, type Session } from '../http/request';
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
	/**
	 * Ask for no further page once this time (epoch ms) has passed: the first page is always
	 * read, and the read then says it is incomplete.
	 */
	stopAt?: number;
}

/** One page of a v2 list: its records, and the link to the next page, checked, if any. */
interface V2Page {
	items: IDataObject[];
	next?: URL;
}

/** The records of a list answer; a link on to the next page only under the list's own path. */
async function readPage(
	this: SkilljarContext,
	session: Session,
	request: SkilljarRequest,
	url: { first: URL; current: string; query?: IDataObject },
	itemIndex?: number,
): Promise<V2Page> {
	const answer = await sendRequest.call(this, session, {
		method: 'GET',
		url: url.current,
		qs: url.query,
		scopes: request.scopes,
		itemIndex,
	});
	const broken = (message: string): NodeApiError =>
		new NodeApiError(
			this.getNode(),
			{ body: JSON.stringify(answer ?? null).slice(0, 500) },
			{
				message,
				description: `${endpointLabel('GET', url.first.toString())} answered 2xx with an unusable body`,
				itemIndex,
			},
		);
	const page = answer as { data?: unknown; links?: { next?: unknown } | null };
	if (typeof answer !== 'object' || answer === null || !Array.isArray(page.data)) {
		throw broken('Skilljar answered a list request with something that is not a list');
	}
	const items = itemsOfDocument(answer);
	const next = page.links?.next;
	if (typeof next !== 'string' || next === '') return { items };
	if (page.data.length === 0) {
		throw broken('Skilljar answered an empty page while promising more; the list is incomplete');
	}
	return { items, next: checkNextUrl.call(this, next, url.first, itemIndex) };
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
	return (await v2ListRead.call(this, request, list, itemIndex, settings)).items;
}

/**
 * The same read, saying whether it reached the list's end (or the limit): with `stopAt` it may
 * not, and then `items` are only the pages read so far, in the list's own order.
 */
export async function v2ListRead(
	this: SkilljarContext,
	request: SkilljarRequest,
	list: V2ListOptions,
	itemIndex?: number,
	settings: RequestSettings = DEFAULT_SETTINGS,
): Promise<{ items: IDataObject[]; complete: boolean }> {
	const session = await openSession.call(this, settings, itemIndex, CREDENTIAL_TYPE_V2);
	const first = new URL(session.baseUrl + buildPath(request.path, request.pathParams));
	const { limit, stopAt } = list;
	let query: IDataObject | undefined = { ...(request.qs ?? {}) };
	if (list.pageSize) query['page[size]'] = Math.min(limit ?? V2_MAX_PAGE_SIZE, V2_MAX_PAGE_SIZE);
	let current = first.toString();
	const items: IDataObject[] = [];
	let complete = true;
	for (;;) {
		const page = await readPage.call(this, session, request, { first, current, query }, itemIndex);
		items.push(...page.items);
		if ((limit !== undefined && items.length >= limit) || !page.next) break;
		if (stopAt !== undefined && Date.now() >= stopAt) {
			complete = false;
			break;
		}
		current = page.next.toString();
		query = undefined; // the link carries the cursor and the filters
	}
	if (limit !== undefined && items.length > limit) items.length = limit;
	return { items, complete };
}

/** The cursor that asks a v2 list for its next page. */
const CURSOR = 'page[cursor]';

/**
 * One page of a v2 list for a picker: the records after `cursor` (from the start without one),
 * and the cursor of the page after them. Only the cursor travels back and forth, so every page
 * is asked for under the credential's Base URL, whatever a link or the editor hands back.
 */
export async function v2ListPage(
	this: SkilljarContext,
	request: SkilljarRequest,
	list: { pageSize?: boolean; cursor?: string },
): Promise<{ items: IDataObject[]; cursor?: string }> {
	const session = await openSession.call(this, DEFAULT_SETTINGS, undefined, CREDENTIAL_TYPE_V2);
	const first = new URL(session.baseUrl + buildPath(request.path, request.pathParams));
	const query: IDataObject = {};
	if (list.pageSize) query['page[size]'] = V2_MAX_PAGE_SIZE;
	if (list.cursor) query[CURSOR] = list.cursor;
	const page = await readPage.call(this, session, request, { first, current: first.toString(), query });
	return { items: page.items, cursor: page.next?.searchParams.get(CURSOR) || undefined };
}
