import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { acceptsEmptyAnswer, answerProblem, expectedPageSize } from './http/answers';
import { normaliseBaseUrl } from './http/baseUrl';
import { downloadSignedFile, type DownloadedFile } from './http/download';
import { DEFAULT_LIMITS, limiterFor, readLimit } from './http/limiter';
import {
	CREDENTIAL_TYPE,
	CREDENTIAL_TYPE_V2,
	DEFAULT_SETTINGS,
	sendRequest,
	type RequestSettings,
	type Session,
	type SkilljarContext,
} from './http/request';
import { endpointLabel, isSameList, parseUrl } from './http/urls';
import { runPool } from './pool';
import { renewAtOf } from './v2/token';
import { TokenGate } from './v2/tokenGate';
import type { ApiMethod, ApiPagination, ApiResponseKind } from './apiFacts';

/**
 * The one place every Skilljar request goes through: Base URL, auth, headers, path encoding,
 * rate-limit pacing, timeouts, redirects, retries, answer checks, pagination and error
 * translation (the parts live in ./http/). Node files never call the HTTP helpers themselves.
 */

export { CREDENTIAL_TYPE, CREDENTIAL_TYPE_V2, DEFAULT_SETTINGS };
export type { RequestSettings, SkilljarContext };

/** Skilljar's largest accepted `page_size` (since Dec 2025). */
export const MAX_PAGE_SIZE = 1000;

/**
 * Pages of a page-number list fetched at the same time once the first page gave `count`. Each
 * round of pages costs one wait for Skilljar plus the time to read every page of the round, and
 * on a busy machine the reading stretches, so fewer rounds matter more than smaller ones: with 20,
 * lists of up to 21,000 records need one round after the first page (with 8 they needed three).
 * The window bounds only how many pages of this list are asked for at once; how many requests
 * start per minute and hour, and how many of the credential's are open together (also 20), is the
 * credential limiter's (./http/limiter.ts), shared with every other request of the credential.
 * 20 is a thirtieth of Skilljar's 600 a minute.
 */
export const PAGES_IN_FLIGHT = 20;

export interface SkilljarRequest {
	method: ApiMethod;
	/** Path template, e.g. `/v1/domains/{domain_name}/users`. */
	path: string;
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** A POST Skilljar documents as idempotent (see ./http/idempotency.ts): may be resent. */
	idempotentPost?: boolean;
	/** What the facts say a success answers; an `empty` answer may come without a body. */
	answer?: ApiResponseKind;
	/** Extra request headers (API v2's destructive-call confirmation). */
	headers?: Record<string, string>;
	/** API v2 batch writes: resent only where documented idempotent, whatever the method. */
	repeatable?: boolean;
	/** The credential to send it with (default: v1's `skilljarApi`). */
	credentialType?: string;
	/** API v2: the scopes that allow the call (named in a 403's message). */
	scopes?: readonly string[];
}

export interface ListOptions<T = IDataObject> {
	pagination: ApiPagination;
	/** Whether the endpoint accepts `page_size`. */
	pageSize?: boolean;
	/** Stop once this many items are collected; undefined = all. */
	limit?: number;
	/**
	 * Turns each page's records into what the caller keeps, one for one, as soon as the page
	 * arrives: the work on one page overlaps the wait for the next.
	 */
	eachPage?: (records: IDataObject[]) => T[];
}

/**
 * The credential's normalised Base URL and shared limiter, read once per node run: the context
 * object is the same for every item of a run, so parallel items and pages do not each decrypt the
 * credential again. (n8n selects a credential per node, not per item.)
 */
const credentialSessions = new WeakMap<object, Map<string, Promise<Omit<Session, 'settings'>>>>();

export async function openSession(
	this: SkilljarContext,
	settings: RequestSettings,
	itemIndex?: number,
	credentialType: string = CREDENTIAL_TYPE,
): Promise<Session> {
	let byType = credentialSessions.get(this);
	if (!byType) {
		byType = new Map();
		credentialSessions.set(this, byType);
	}
	let pending = byType.get(credentialType);
	if (!pending) {
		const sessions = byType;
		pending = readCredential.call(this, credentialType);
		sessions.set(credentialType, pending);
		// A failed read is not cached: the next item reports it again with its own index.
		pending.catch(() => sessions.delete(credentialType));
	}
	try {
		return { ...(await pending), settings };
	} catch (error) {
		const name = credentialType === CREDENTIAL_TYPE_V2 ? 'Skilljar V2 API' : 'Skilljar';
		throw new NodeOperationError(this.getNode(), (error as Error).message, {
			itemIndex,
			description: `Open the ${name} credential and set Base URL to the API root, e.g. https://api.skilljar.com`,
		});
	}
}

async function readCredential(
	this: SkilljarContext,
	credentialType: string,
): Promise<Omit<Session, 'settings'>> {
	const credentials = await this.getCredentials(credentialType);
	const baseUrl = normaliseBaseUrl(credentials.baseUrl);
	// v1 and v2 credentials pace apart: Skilljar counts v2 clients on their own.
	const identity =
		credentialType === CREDENTIAL_TYPE_V2
			? `v2 ${String(credentials.clientId ?? '')}`
			: String(credentials.apiKey ?? '');
	const limiter = limiterFor(baseUrl, identity, {
		perMinute: readLimit(credentials.requestsPerMinute, DEFAULT_LIMITS.perMinute),
		perHour: readLimit(credentials.requestsPerHour, DEFAULT_LIMITS.perHour),
	});
	const isV2 = credentialType === CREDENTIAL_TYPE_V2;
	// API v2: the token stored now, and when it is due, decide which send renews it (see TokenGate).
	const tokenGate = isV2 ? new TokenGate(renewAtOf(credentials)) : undefined;
	return { baseUrl, limiter, credentialType, ...(tokenGate ? { tokenGate } : {}) };
}

/**
 * Fills a path template. Every value is percent-encoded into its own segment, so no input can
 * change which endpoint is called; `.` and `..` alone are refused because URL normalisation
 * would turn them into "this folder" / "parent folder" even when encoded.
 */
export function buildPath(
	template: string,
	params: Record<string, string> = {},
	onInvalid: (message: string) => never = (message) => {
		throw new Error(message);
	},
): string {
	return template.replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
		const value = params[name];
		if (value === undefined || value === null || String(value).trim() === '') {
			return onInvalid(`The path parameter "${name}" is empty`);
		}
		const text = String(value).trim();
		if (text === '.' || text === '..') {
			return onInvalid(`The path parameter "${name}" cannot be "${text}"`);
		}
		return encodeURIComponent(text);
	});
}

function answerError(
	this: SkilljarContext,
	message: string,
	endpoint: string,
	answer: unknown,
	itemIndex?: number,
): NodeApiError {
	const excerpt = typeof answer === 'string' ? answer : JSON.stringify(answer ?? null);
	return new NodeApiError(
		this.getNode(),
		{ body: String(excerpt).slice(0, 500) },
		{ message, description: `${endpoint} answered 2xx with an unusable body`, itemIndex },
	);
}

/**
 * One request; resolves to the parsed JSON body, or '' for an answer Skilljar documents as
 * empty (DELETE, ping). A 2xx that is not JSON, or empty where a record is expected, throws.
 */
export async function skilljarApiRequest(
	this: SkilljarContext,
	request: SkilljarRequest,
	itemIndex?: number,
	settings: RequestSettings = DEFAULT_SETTINGS,
): Promise<unknown> {
	const session = await openSession.call(this, settings, itemIndex, request.credentialType);
	const path = buildPath(request.path, request.pathParams, (message) => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex });
	});
	const url = session.baseUrl + path;
	const answer = await sendRequest.call(this, session, {
		method: request.method,
		url,
		qs: request.qs,
		body: request.body,
		idempotentPost: request.idempotentPost,
		repeatable: request.repeatable,
		headers: request.headers,
		scopes: request.scopes,
		itemIndex,
	});
	const problem = answerProblem(acceptsEmptyAnswer(request.method, request.answer), answer);
	if (problem) {
		throw answerError.call(this, problem, endpointLabel(request.method, url), answer, itemIndex);
	}
	return answer ?? '';
}

/**
 * A file behind a signed link from a Skilljar answer (an asset's `download_url`). Deliberately
 * not an API request: the link authorises itself, so neither the credential nor the limiter is
 * involved, and the key cannot travel to the storage host (rules in ./http/download.ts).
 */
export async function skilljarDownload(
	this: IExecuteFunctions,
	link: string,
	itemIndex: number,
	settings: RequestSettings = DEFAULT_SETTINGS,
): Promise<DownloadedFile> {
	return await downloadSignedFile.call(this, link, itemIndex, settings.timeoutMs);
}

interface PageEnvelope {
	count?: number;
	next?: string | null;
	results: IDataObject[];
}

function isEnvelope(value: unknown): value is PageEnvelope {
	return (
		typeof value === 'object' && value !== null && Array.isArray((value as PageEnvelope).results)
	);
}

/**
 * Collects the items of a list operation. With a limit, `page_size` is the limit (so 50 items
 * cost one request) and paging stops as soon as enough items are in hand; without one, pages are
 * as large as Skilljar allows. Page-number lists fetch their remaining pages in parallel once the
 * first page told how many items there are; cursor lists follow `next` one page at a time.
 */
export async function skilljarApiRequestAllItems<T = IDataObject>(
	this: SkilljarContext,
	request: SkilljarRequest,
	list: ListOptions<T>,
	itemIndex?: number,
	settings: RequestSettings = DEFAULT_SETTINGS,
): Promise<T[]> {
	const eachPage = list.eachPage ?? ((records: IDataObject[]) => records as unknown as T[]);
	const session = await openSession.call(this, settings, itemIndex);
	const path = buildPath(request.path, request.pathParams, (message) => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex });
	});
	const { limit } = list;
	const qs: IDataObject = { ...(request.qs ?? {}) };
	if (list.pageSize && list.pagination !== 'array') {
		qs.page_size = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	}
	const firstUrl = new URL(session.baseUrl + path);
	const endpoint = endpointLabel('GET', firstUrl.toString());
	const get = async (url: string, query?: IDataObject): Promise<unknown> =>
		await sendRequest.call(this, session, { method: 'GET', url, qs: query, itemIndex });
	const broken = (message: string, answer?: unknown): NodeApiError =>
		answerError.call(this, message, endpoint, answer, itemIndex);

	const first = await get(firstUrl.toString(), qs);
	if (Array.isArray(first)) {
		return eachPage(limit === undefined ? first : (first as IDataObject[]).slice(0, limit));
	}
	if (!isEnvelope(first)) {
		throw broken('Skilljar answered a list request with something that is not a list', first);
	}
	const count =
		list.pagination === 'pages' && typeof first.count === 'number' ? first.count : undefined;
	const next = first.next ? checkNextUrl.call(this, first.next, firstUrl, itemIndex) : undefined;
	const pageSize = first.results.length;
	const wanted =
		limit === undefined ? count : count === undefined ? undefined : Math.min(limit, count);
	const pageNumber = next ? Number(next.searchParams.get('page')) : NaN;

	let items: T[];
	if (next && wanted !== undefined && pageSize > 0 && pageNumber === 2) {
		items = await fetchRemainingPages(
			eachPage(first.results),
			eachPage,
			next,
			pageSize,
			count as number,
			wanted,
			get,
			broken,
		);
	} else {
		items = await (followNextLinks<T>).call(
			this,
			first,
			firstUrl,
			{ limit, eachPage },
			get,
			broken,
			itemIndex,
		);
	}
	if (limit === undefined && count !== undefined && items.length !== count) {
		throw broken(
			`Skilljar promised ${count} items but the list ended after ${items.length}; the list is incomplete`,
		);
	}
	if (limit !== undefined && items.length > limit) items.length = limit;
	return items;
}

/**
 * Pages 2…N of a page-number list, PAGES_IN_FLIGHT at a time through the shared limiter, put
 * back in order. Each page must hold exactly the items `count` promises for it; an empty or short
 * page means the list is incomplete (or changed while it was read) and is an error.
 */
async function fetchRemainingPages<T>(
	firstPage: T[],
	eachPage: (records: IDataObject[]) => T[],
	next: URL,
	pageSize: number,
	count: number,
	wanted: number,
	get: (url: string) => Promise<unknown>,
	broken: (message: string, answer?: unknown) => NodeApiError,
): Promise<T[]> {
	const totalPages = Math.ceil(wanted / pageSize);
	const pages: T[][] = new Array<T[]>(totalPages);
	pages[0] = firstPage;
	await runPool(totalPages - 1, PAGES_IN_FLIGHT, async (index) => {
		const number = index + 2;
		const url = new URL(next.toString());
		url.searchParams.set('page', String(number));
		const answer = await get(url.toString());
		if (!isEnvelope(answer)) {
			throw broken(`Page ${number} of the list is not a list`, answer);
		}
		if (typeof answer.count === 'number' && answer.count !== count) {
			throw broken(
				`The list changed while it was read (${count} items at first, ${answer.count} at page ${number}); run again`,
			);
		}
		const expected = expectedPageSize(count, pageSize, number);
		if (answer.results.length !== expected) {
			throw broken(
				`Page ${number} of the list held ${answer.results.length} items where ${expected} were expected (${count} in all); the list is incomplete`,
			);
		}
		pages[index + 1] = eachPage(answer.results);
	});
	const items: T[] = [];
	for (let index = 0; index < pages.length; index++) {
		for (const item of pages[index]) items.push(item);
		// Let each page go as soon as it is copied: only one list of references stays alive.
		pages[index] = [];
	}
	return items;
}

/** Follows `next` one page at a time (cursor lists, or lists without `count`). */
async function followNextLinks<T>(
	this: SkilljarContext,
	first: PageEnvelope,
	firstUrl: URL,
	{ limit, eachPage }: { limit?: number; eachPage: (records: IDataObject[]) => T[] },
	get: (url: string) => Promise<unknown>,
	broken: (message: string, answer?: unknown) => NodeApiError,
	itemIndex?: number,
): Promise<T[]> {
	const items: T[] = [];
	let page: PageEnvelope = first;
	for (;;) {
		for (const item of eachPage(page.results)) items.push(item);
		if (limit !== undefined && items.length >= limit) return items;
		if (!page.next) return items;
		if (page.results.length === 0) {
			throw broken('Skilljar answered an empty page while promising more; the list is incomplete');
		}
		const next = checkNextUrl.call(this, page.next, firstUrl, itemIndex);
		const answer = await get(next.toString());
		if (!isEnvelope(answer)) throw broken('A later page of the list is not a list', answer);
		page = answer;
	}
}

/**
 * `next` is an absolute URL. It is followed only when it continues the same list: same origin
 * and same path as the first request (so also under the credential's Base URL). The API key must
 * never travel anywhere else.
 */
export function checkNextUrl(this: SkilljarContext, next: string, firstUrl: URL, itemIndex?: number): URL {
	const nextUrl = parseUrl(next, firstUrl.toString());
	if (!nextUrl) {
		throw new NodeApiError(this.getNode(), { next: 'not a URL' } as JsonObject, {
			message: 'Skilljar returned a next-page link that is not a URL',
			itemIndex,
		});
	}
	if (nextUrl.origin !== firstUrl.origin) {
		throw new NodeApiError(
			this.getNode(),
			{ next: nextUrl.origin },
			{
				message: `Refused to follow a next-page link to ${nextUrl.origin}: it is not the credential's Base URL`,
				description:
					'The API key is only ever sent to the Base URL configured in the Skilljar credential.',
				itemIndex,
			},
		);
	}
	if (!isSameList(nextUrl, firstUrl)) {
		throw new NodeApiError(
			this.getNode(),
			{ next: nextUrl.pathname },
			{
				message: `Refused to follow a next-page link to ${nextUrl.pathname}: it leaves the list ${firstUrl.pathname}`,
				itemIndex,
			},
		);
	}
	return nextUrl;
}
