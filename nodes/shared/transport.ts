import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IN8nHttpFullResponse,
	type JsonObject,
} from 'n8n-workflow';

import { describeSkilljarError, statusHeadline } from './errors';
import type { HttpMethod, PaginationKind } from './types';

/**
 * The one place every Skilljar request goes through: base URL, auth, headers, path encoding,
 * pagination and error translation. Node files never call the HTTP helpers themselves.
 */

export const CREDENTIAL_TYPE = 'skilljarApi';

/** Skilljar's largest accepted `page_size` (since Dec 2025). */
export const MAX_PAGE_SIZE = 1000;

export type SkilljarContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions;

export interface SkilljarRequest {
	method: HttpMethod;
	/** Path template, e.g. `/v1/domains/{domain_name}/users`. */
	path: string;
	pathParams?: Record<string, string>;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
}

export interface ListOptions {
	pagination: PaginationKind;
	/** Whether the endpoint accepts `page_size`. */
	pageSize?: boolean;
	/** Stop once this many items are collected; undefined = all. */
	limit?: number;
}

/** Base URL from the credential, without a trailing slash. */
async function getBaseUrl(this: SkilljarContext): Promise<string> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const raw = String(credentials.baseUrl ?? '').trim();
	let parsed: URL;
	try {
		parsed = new URL(raw);
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			`The credential's Base URL "${raw}" is not a valid URL`,
			{
				description: 'Use the API root, e.g. https://api.skilljar.com',
			},
		);
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
		throw new NodeOperationError(
			this.getNode(),
			"The credential's Base URL must start with https:// or http://",
		);
	}
	return raw.replace(/\/+$/, '');
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

function isFullResponse(value: unknown): value is IN8nHttpFullResponse {
	return typeof value === 'object' && value !== null && 'statusCode' in value && 'body' in value;
}

/** Sends one request to an absolute URL that is known to belong to the credential's base URL. */
async function send(
	this: SkilljarContext,
	method: HttpMethod,
	url: string,
	qs: IDataObject | undefined,
	body: IDataObject | IDataObject[] | undefined,
	itemIndex?: number,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		method: method as IHttpRequestMethods,
		url,
		headers: { Accept: 'application/json' },
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (qs && Object.keys(qs).length) options.qs = qs;
	if (body !== undefined) options.body = body;

	const response: unknown = await this.helpers.httpRequestWithAuthentication.call(
		this,
		CREDENTIAL_TYPE,
		options,
	);
	if (!isFullResponse(response)) return response;
	const { statusCode, body: responseBody } = response;
	if (statusCode >= 200 && statusCode < 300) {
		if (typeof responseBody === 'string' && /^\s*</.test(responseBody)) {
			throw new NodeApiError(this.getNode(), { status: statusCode } as JsonObject, {
				message: 'Skilljar answered with an HTML page instead of JSON',
				description:
					"Check that the credential's Base URL points at the API root, e.g. https://api.skilljar.com",
				httpCode: String(statusCode),
				itemIndex,
			});
		}
		return responseBody;
	}
	const detail = describeSkilljarError(responseBody);
	const headline = statusHeadline(statusCode);
	const errorBody: JsonObject =
		typeof responseBody === 'object' && responseBody !== null
			? (responseBody as JsonObject)
			: { body: String(responseBody ?? '') };
	throw new NodeApiError(this.getNode(), errorBody, {
		message: detail ? `${headline}: ${detail}` : headline,
		description: `${method} ${new URL(url).pathname} answered HTTP ${statusCode}`,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** One request; resolves to the parsed JSON body (or '' for an empty 2xx body such as 204). */
export async function skilljarApiRequest(
	this: SkilljarContext,
	request: SkilljarRequest,
	itemIndex?: number,
): Promise<unknown> {
	const baseUrl = await getBaseUrl.call(this);
	const path = buildPath(request.path, request.pathParams, (message) => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex });
	});
	return await send.call(this, request.method, baseUrl + path, request.qs, request.body, itemIndex);
}

interface PageEnvelope {
	next?: string | null;
	results?: unknown[];
}

function isEnvelope(value: unknown): value is PageEnvelope {
	return (
		typeof value === 'object' && value !== null && Array.isArray((value as PageEnvelope).results)
	);
}

/**
 * Collects the items of a list operation, following `next` exactly as Skilljar returns it.
 * With a limit, `page_size` is the limit (so 50 items cost one request) and paging stops as
 * soon as enough items are in hand; without one, pages are as large as Skilljar allows.
 */
export async function skilljarApiRequestAllItems(
	this: SkilljarContext,
	request: SkilljarRequest,
	list: ListOptions,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const baseUrl = await getBaseUrl.call(this);
	const path = buildPath(request.path, request.pathParams, (message) => {
		throw new NodeOperationError(this.getNode(), message, { itemIndex });
	});
	const limit = list.limit;
	const qs: IDataObject = { ...(request.qs ?? {}) };
	if (list.pageSize && list.pagination !== 'array') {
		qs.page_size = Math.min(limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	}

	const items: IDataObject[] = [];
	let url: string | null = baseUrl + path;
	let query: IDataObject | undefined = qs;
	while (url) {
		const body: unknown = await send.call(this, 'GET', url, query, undefined, itemIndex);
		if (Array.isArray(body)) {
			items.push(...(body as IDataObject[]));
			break;
		}
		if (!isEnvelope(body)) {
			throw new NodeApiError(
				this.getNode(),
				{ body: JSON.stringify(body ?? null).slice(0, 500) },
				{
					message: 'Skilljar answered a list request with something that is not a list',
					itemIndex,
				},
			);
		}
		items.push(...((body.results ?? []) as IDataObject[]));
		if (limit !== undefined && items.length >= limit) break;
		url = body.next ? checkNextUrl.call(this, body.next, baseUrl, itemIndex) : null;
		// `next` already carries every query parameter, page and page_size included.
		query = undefined;
	}
	return limit === undefined ? items : items.slice(0, limit);
}

/**
 * `next` is an absolute URL. It is followed only when it stays under the credential's base URL:
 * the API key must never travel to another host.
 */
function checkNextUrl(
	this: SkilljarContext,
	next: string,
	baseUrl: string,
	itemIndex?: number,
): string {
	let nextUrl: URL;
	try {
		nextUrl = new URL(next, baseUrl + '/');
	} catch {
		throw new NodeApiError(
			this.getNode(),
			{ next },
			{
				message: 'Skilljar returned a next-page link that is not a URL',
				itemIndex,
			},
		);
	}
	const base = new URL(baseUrl + '/');
	if (nextUrl.origin !== base.origin || !nextUrl.pathname.startsWith(base.pathname)) {
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
	return nextUrl.toString();
}
