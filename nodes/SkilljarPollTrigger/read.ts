import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE_V2 } from '../shared/transport';
import { v2ListRead } from '../shared/v2/list';
import type { Feed } from './feeds';

export interface FeedWindow {
	/** ISO time: records at or after it. */
	from: string;
	/** ISO time: records at or before it; none = up to now. */
	until?: string;
	/** Stop early once this many records are in hand (a test fetch needs one, not a backlog). */
	limit?: number;
	/** Ask for no further page after this time (epoch ms); the read then says it is incomplete. */
	stopAt?: number;
}

/**
 * The feed's records in a time window, through the API v2 transport: its limiter, retries,
 * timeouts and token handling; the largest pages v2 allows, and `links.next` followed only
 * while there are more (and, with `stopAt`, while there is time).
 */
export async function readFeed(
	context: IPollFunctions,
	feed: Feed,
	window: FeedWindow,
): Promise<{ items: IDataObject[]; complete: boolean }> {
	const qs: IDataObject = { [feed.filter]: window.from };
	if (window.until !== undefined) qs[feed.untilFilter] = window.until;
	if (feed.include) qs.include = feed.include;
	return await v2ListRead.call(
		context,
		{ method: 'GET', path: feed.path, qs, scopes: feed.scopes, credentialType: CREDENTIAL_TYPE_V2 },
		{ pageSize: true, limit: window.limit, stopAt: window.stopAt },
	);
}
