import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { CREDENTIAL_TYPE_V2 } from '../shared/transport';
import { v2ListItems } from '../shared/v2/list';
import type { Feed } from './feeds';

/**
 * The feed's records at or after `from`, through the API v2 transport: its limiter, retries,
 * timeouts and token handling; the largest pages v2 allows, and `links.next` followed only
 * while there are more. `limit` stops early (a test fetch needs one record, not a backlog).
 */
export async function readFeed(
	context: IPollFunctions,
	feed: Feed,
	from: string,
	limit?: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = { [feed.filter]: from };
	if (feed.include) qs.include = feed.include;
	return await v2ListItems.call(
		context,
		{ method: 'GET', path: feed.path, qs, scopes: feed.scopes, credentialType: CREDENTIAL_TYPE_V2 },
		{ pageSize: true, limit },
	);
}
