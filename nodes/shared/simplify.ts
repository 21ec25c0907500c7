import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { own } from './flatColumns';
import { strictBoolean } from './strictValues';
import { hasSince, showSince, VERSION_1_1 } from './versioned';
import type { SkilljarOperation } from './types';
import { V2_SIMPLIFIED_RECORDS } from './v2/simplified';

/**
 * "Simplify" on Get / Get Many of the records users meet most. Skilljar nests the person (or the
 * course and its progress) inside these records (`{ "user": { "id", "email", … }, "active": true }`),
 * so a table or CSV of them needs a flattening step. Simplified, each record becomes one flat row with a fixed, documented
 * set of columns (README › Simplify lists them; test/simplify.test.ts holds the README to this data).
 *
 * Which actions offer it follows from the data: every Get or Get Many whose answer is one of the
 * `schemas` below (OpenAPI schema names, nodes/shared/generated/schemas.ts; API v2's are in
 * nodes/shared/v2/simplified.ts), in whichever node serves it. Only node version 1.1 and later show and apply it (default on); version 1 nodes, i.e.
 * workflows saved with release 0.1.0, keep returning Skilljar's records unchanged.
 */

/** One column of a simplified record. */
export interface FlatColumn {
	/** Output key. Skilljar's own name where the value is already top level. */
	name: string;
	/**
	 * Where the value comes from: a dotted path in Skilljar's record (`user.email`), or `path:<name>`
	 * for the request path parameter (the record does not say which domain or course it belongs
	 * to; a row in an export should).
	 */
	from: string;
	/** What the column holds, for the README. */
	description: string;
}

export interface SimplifiedRecord {
	/** Name in the README table, e.g. "Domain user". */
	title: string;
	/** OpenAPI response schemas whose records are simplified this way. */
	schemas: readonly string[];
	columns: readonly FlatColumn[];
}

/** The person inside a record that is about someone else (an enrollment, a purchase). */
const person: readonly FlatColumn[] = [
	{ name: 'user_id', from: 'user.id', description: 'ID of the user' },
	{ name: 'email', from: 'user.email', description: "User's email" },
	{ name: 'first_name', from: 'user.first_name', description: "User's first name" },
	{ name: 'last_name', from: 'user.last_name', description: "User's last name" },
];

/** A record that is the user itself (its ID is the User ID other actions take). */
const theUser: readonly FlatColumn[] = [
	{ name: 'id', from: 'user.id', description: 'User ID (what the user actions take)' },
	...person.slice(1),
];

/** Course, path and plan enrollments share one shape; only the parent in the path differs. */
function enrollment(parent: string, parentName: string): readonly FlatColumn[] {
	return [
		...own({ id: 'Enrollment ID' }),
		...person,
		...own({
			active: 'Whether the enrollment is active',
			enrolled_at: 'When the user was enrolled',
			expires_at: 'When the enrollment expires (or null)',
		}),
		{
			name: 'purchase_id',
			from: 'purchase.purchase_id',
			description: 'ID of the purchase, for paid enrollments (Purchase › Get takes it)',
		},
		{ name: 'purchase_state', from: 'purchase.purchase_state', description: 'e.g. SUCCESS' },
		{ name: 'domain_name', from: 'path:domain_name', description: 'Domain of the request' },
		{ name: parent, from: `path:${parent}`, description: `${parentName} of the request` },
	];
}

const V1_SIMPLIFIED_RECORDS: readonly SimplifiedRecord[] = [
	{
		title: 'Domain user',
		schemas: ['DomainUserListItem', 'DomainUserDetail'],
		columns: [
			...theUser,
			{ name: 'full_name', from: 'user.full_name', description: "User's full name" },
			...own({
				active: 'Whether the user has access to the domain',
				enrolled_at: 'When the user joined the domain',
				expires_at: 'When domain access expires (or null)',
				marketing_optin: 'Marketing opt-in',
			}),
			{ name: 'access_code', from: 'access_code.code', description: 'Access code used (or null)' },
			{ name: 'domain_name', from: 'path:domain_name', description: 'Domain of the request' },
		],
	},
	{
		title: 'Course enrollment',
		schemas: ['Enrollment'],
		columns: enrollment('published_course_id', 'Published course'),
	},
	{
		title: 'Path enrollment',
		schemas: ['PublishedPathEnrollment'],
		columns: enrollment('published_path_id', 'Published path'),
	},
	{
		title: 'Plan enrollment',
		schemas: ['PlanEnrollment'],
		columns: enrollment('plan_id', 'Plan'),
	},
	{
		title: 'Group user',
		schemas: ['GroupUser'],
		columns: [
			...theUser,
			...own({ created_at: 'When the user was added' }),
			{ name: 'group_id', from: 'path:group_id', description: 'Group of the request' },
		],
	},
	{
		title: 'Purchase',
		schemas: ['Purchase'],
		columns: [
			...own({ id: 'Purchase ID' }),
			...person,
			...own({
				state: 'e.g. SUCCESS, REFUNDED',
				purchased_at: 'When it was bought',
				refunded_at: 'When it was refunded (or null)',
				order_id: 'Order ID',
				offer_id: 'ID of the offer bought',
				offer_sku: 'SKU of the offer',
				price_cents: 'Price paid, in cents',
				currency_code: 'e.g. USD',
				quantity: 'Quantity bought',
				promo_code: 'Promo code used (or empty)',
			}),
		],
	},
	{
		title: 'User',
		schemas: ['UserOverview'],
		columns: [
			...theUser,
			...own({
				signed_up_at: 'When the user signed up',
				latest_activity: 'Latest activity',
				inactive_at: 'When marked inactive (or null)',
				registration_count: 'Course registrations',
				completion_count: 'Course completions',
			}),
		],
	},
	{
		title: 'Course progress',
		schemas: ['UserPublishedCourseProgress'],
		columns: [
			{ name: 'user_id', from: 'path:user_id', description: 'User of the request' },
			...own({
				published_course_id: 'Published course',
				domain_name: 'Domain the course is published on',
				enrollment_id: 'Course enrollment ID',
				enrolled_at: 'When the user was enrolled',
			}),
			{ name: 'course_id', from: 'course.id', description: 'ID of the course itself' },
			{ name: 'course_title', from: 'course.title', description: 'Course title' },
			{ name: 'lesson_count', from: 'course.lesson_count', description: 'Lessons in the course' },
			{
				name: 'completed_lesson_count',
				from: 'course_progress.completed_lesson_count',
				description: 'Lessons the user completed',
			},
			{
				name: 'completed_at',
				from: 'course_progress.completed_at',
				description: 'When the user completed the course (or null)',
			},
			{
				name: 'success_status',
				from: 'course_progress.success_status',
				description: 'e.g. PASSED (or null)',
			},
			{ name: 'score', from: 'course_progress.score', description: 'Score (or null)' },
			{
				name: 'max_score',
				from: 'course_progress.max_score',
				description: 'Highest score possible',
			},
			{
				name: 'latest_activity',
				from: 'course_progress.latest_activity',
				description: "The user's latest activity in the course",
			},
			{
				name: 'certificate_code',
				from: 'certificate.code',
				description: 'Certificate code, once issued (or null)',
			},
		],
	},
];

/** v1's records, then API v2's (nodes/shared/v2/simplified.ts), in the README's order. */
export const SIMPLIFIED_RECORDS: readonly SimplifiedRecord[] = [
	...V1_SIMPLIFIED_RECORDS,
	...V2_SIMPLIFIED_RECORDS,
];

const BY_SCHEMA = new Map(
	SIMPLIFIED_RECORDS.flatMap((record) => record.schemas.map((schema) => [schema, record] as const)),
);

/** The simplified shape of an action's records, if it has one (Get / Get Many only). */
export function simplifiedRecordOf(operation: SkilljarOperation): SimplifiedRecord | undefined {
	if (operation.kind !== 'get' && operation.kind !== 'list') return undefined;
	return operation.responseSchema ? BY_SCHEMA.get(operation.responseSchema) : undefined;
}

/** One flat row: exactly the record's columns, in their order; a missing value is null. */
export function simplifyRecord(
	record: IDataObject,
	shape: SimplifiedRecord,
	pathParams: Readonly<Record<string, string>>,
): IDataObject {
	const row: IDataObject = {};
	for (const column of shape.columns) {
		const value = column.from.startsWith('path:')
			? pathParams[column.from.slice('path:'.length)]
			: valueAt(record, column.from);
		row[column.name] = (value ?? null) as IDataObject[string];
	}
	return row;
}

/** The value at a dotted path (`student.email`), undefined where the record has none. */
export function valueAt(record: IDataObject, dotted: string): unknown {
	let value: unknown = record;
	for (const key of dotted.split('.')) {
		if (typeof value !== 'object' || value === null) return undefined;
		value = (value as IDataObject)[key];
	}
	return value;
}

/** The editor's Simplify switch for an action that has a simplified shape (version 1.1 on). */
export function simplifyProperty(
	show: { resource: string[]; operation: string[] },
	operation: SkilljarOperation,
): INodeProperties[] {
	if (!simplifiedRecordOf(operation)) return [];
	return [
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			displayOptions: { show: showSince(VERSION_1_1, show) },
		},
	];
}

/**
 * Reads Simplify for one item (before any request, so a bad value costs nothing) and returns what
 * to apply to the item's records: flattening, or nothing for version 1, Simplify off, or actions
 * without a simplified shape.
 */
export function readSimplify(
	this: IExecuteFunctions,
	operation: SkilljarOperation,
	pathParams: Readonly<Record<string, string>> | undefined,
	itemIndex: number,
): (records: IDataObject[]) => IDataObject[] {
	const unchanged = (records: IDataObject[]) => records;
	const shape = simplifiedRecordOf(operation);
	if (!shape || !hasSince(this.getNode().typeVersion, VERSION_1_1)) return unchanged;
	const value = strictBoolean(this.getNodeParameter('simplify', itemIndex, true));
	if (typeof value === 'string') {
		throw new NodeOperationError(this.getNode(), `Simplify ${value}`, { itemIndex });
	}
	if (!value) return unchanged;
	return (records) => records.map((record) => simplifyRecord(record, shape, pathParams ?? {}));
}
