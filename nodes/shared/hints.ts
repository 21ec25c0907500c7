import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE, PAGES_IN_FLIGHT } from './transport';
import type { SkilljarOperation } from './types';

/**
 * Notices shown in the editor where a user is likely to go wrong: what Return All costs on the
 * lists that grow with an account (people and their enrollments), and which ID an action wants
 * where Skilljar has two similar ones. Overlays mark the actions (`largeList`, `idNotice`); kept
 * to a few on purpose: a notice on every action is a notice nobody reads.
 */

const BUDGET =
	"Every request draws from this credential's request budget (600 a minute and 5,000 an hour by default), shared by every node that uses the credential. While building a workflow, a Limit is quicker.";

/** What Return All costs, by how the list pages (see transport.ts). */
function returnAllCost(operation: SkilljarOperation): string | undefined {
	if (operation.pagination === 'pages' && operation.pageSize) {
		const perPage = MAX_PAGE_SIZE.toLocaleString('en-US');
		return `Return All reads every page, up to ${perPage} records per request: 20,000 records take 20 requests (up to ${PAGES_IN_FLIGHT} at a time after the first). ${BUDGET}`;
	}
	if (operation.pagination === 'pages') {
		return `Return All reads every page in Skilljar's default page size (100 records or more per request): 20,000 records take up to 200 requests. ${BUDGET}`;
	}
	if (operation.pagination === 'cursor') {
		return `Return All reads every page one after another, in Skilljar's default page size (100 records or more per request): 20,000 users take up to 200 requests. ${BUDGET}`;
	}
	return undefined;
}

type Show = { resource: string[]; operation: string[] };

function notice(name: string, text: string, show: IDisplayOptions['show']): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '', displayOptions: { show } };
}

/** The notice at the top of an action saying which ID it wants, where that is easy to mix up. */
export function idHintProperties(show: Show, operation: SkilljarOperation): INodeProperties[] {
	return operation.idNotice ? [notice('idNotice', operation.idNotice, show)] : [];
}

/** The notice under Return All, shown once it is switched on, on lists that grow with an account. */
export function returnAllNoticeProperties(
	show: Show,
	operation: SkilljarOperation,
): INodeProperties[] {
	if (!operation.largeList) return [];
	const text = returnAllCost(operation);
	return text ? [notice('returnAllNotice', text, { ...show, returnAll: [true] })] : [];
}
