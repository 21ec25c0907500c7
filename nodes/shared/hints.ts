import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { MAX_PAGE_SIZE } from './transport';
import type { SkilljarOperation } from './types';

/**
 * Notices shown in the editor where a user is likely to go wrong, as data: what Return All costs on
 * the lists that grow with an account (people and their enrollments), and which ID an action wants
 * where Skilljar has two similar ones. Kept to a few actions on purpose: a notice on every action
 * is a notice nobody reads. description.ts places them; operations are named by operationId.
 */

/** Lists that grow with the number of learners: thousands of records on a large account. */
const LARGE_LISTS: ReadonlySet<string> = new Set([
	'users_list',
	'domains_users_list',
	'domains_published_courses_enrollments_list',
	'domains_published_paths_published_path_enrollments_list',
	'domains_plan_plan_enrollments_list',
	'groups_users_list',
	'domains_access_code_pools_access_codes_list',
	'promo_codes_list',
	'license_packages_students_list',
	'training_credit_codes_list',
	'vilt_session_registrations_list',
]);

const BUDGET =
	"Every request draws from this credential's request budget (600 a minute and 5,000 an hour by default), shared by every node that uses the credential. While building a workflow, a Limit is quicker.";

/** What Return All costs, by how the list pages (see transport.ts). */
function returnAllCost(operation: SkilljarOperation): string | undefined {
	if (operation.pagination === 'pages' && operation.pageSize) {
		const perPage = MAX_PAGE_SIZE.toLocaleString('en-US');
		return `Return All reads every page, up to ${perPage} records per request: 20,000 records take 20 requests (4 at a time). ${BUDGET}`;
	}
	if (operation.pagination === 'pages') {
		return `Return All reads every page in Skilljar's default page size (100 records or more per request): 20,000 records take up to 200 requests. ${BUDGET}`;
	}
	if (operation.pagination === 'cursor') {
		return `Return All reads every page one after another, in Skilljar's default page size (100 records or more per request): 20,000 users take up to 200 requests. ${BUDGET}`;
	}
	return undefined;
}

const PUBLISHED_COURSE_ID =
	'A published course is a course as offered on one domain: its ID is not the ID of the course itself. Skilljar Domain › Published Course › Get Many on this domain shows both.';

const PURCHASE_ID =
	'Skilljar has no list of purchases. A Purchase ID comes from a paid course enrollment (purchase_id when simplified, purchase.purchase_id otherwise) or from a Purchase Fulfillment event of the Skilljar Trigger.';

/** Which ID to use, by operationId. */
const ID_HINTS: Readonly<Record<string, string>> = {
	domains_published_courses_enrollments_list: PUBLISHED_COURSE_ID,
	domains_published_courses_enrollments_create: PUBLISHED_COURSE_ID,
	domains_published_courses_enrollments_retrieve: PUBLISHED_COURSE_ID,
	domains_published_courses_enrollments_partial_update: PUBLISHED_COURSE_ID,
	purchases_retrieve: PURCHASE_ID,
	purchases_partial_update: PURCHASE_ID,
	purchases_fulfill_create: PURCHASE_ID,
};

type Show = { resource: string[]; operation: string[] };

function notice(name: string, text: string, show: IDisplayOptions['show']): INodeProperties {
	return { displayName: text, name, type: 'notice', default: '', displayOptions: { show } };
}

/** The notice at the top of an action saying which ID it wants, where that is easy to mix up. */
export function idHintProperties(show: Show, operation: SkilljarOperation): INodeProperties[] {
	const text = ID_HINTS[operation.apiIds[0]];
	return text ? [notice('idNotice', text, show)] : [];
}

/** The notice under Return All, shown once it is switched on, on lists that grow with an account. */
export function returnAllNoticeProperties(
	show: Show,
	operation: SkilljarOperation,
): INodeProperties[] {
	if (!LARGE_LISTS.has(operation.apiIds[0])) return [];
	const text = returnAllCost(operation);
	return text ? [notice('returnAllNotice', text, { ...show, returnAll: [true] })] : [];
}

/** For tests: the operationIds that carry a notice. */
export const HINTED_OPERATIONS = {
	returnAll: LARGE_LISTS,
	id: new Set(Object.keys(ID_HINTS)),
};
