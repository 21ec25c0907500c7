import type { IDataObject } from 'n8n-workflow';

/*
 * What the poll trigger can watch: each feed is one API v2 list with a time filter, and turns
 * its records into items shaped like the Skilljar Trigger's webhook events of the same kind
 * (`event_type`, `timestamp`, `user`, `course`, `domain`, …), so a workflow can move from one
 * trigger to the other without changes. Fields a webhook has and the list does not (a course's
 * URL, signup fields) are absent; the list's own record is added under its name.
 */

export interface Feed {
	value: string;
	name: string;
	description: string;
	/** The v2 list. */
	path: string;
	/** Its time filter (records at or after the given time). */
	filter: string;
	/** Its other end (records at or before the given time), for reading a backlog in parts. */
	untilFilter: string;
	/** The record's field holding that time. */
	timeField: string;
	/** Related records to embed, so no extra request is needed per record. */
	include: string;
	scopes: string[];
	toEvent(record: IDataObject): IDataObject;
}

function asObject(value: unknown): IDataObject | undefined {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

/** The webhook's `user` block from an embedded student (or just its id). */
function user(record: IDataObject): IDataObject {
	const student = asObject(record.student);
	return {
		id: (student?.id ?? record.student_id ?? null) as IDataObject[string],
		email: (student?.email ?? null) as IDataObject[string],
		first_name: (student?.first_name ?? null) as IDataObject[string],
		last_name: (student?.last_name ?? null) as IDataObject[string],
	};
}

/** What an enrollment record tells about its course and domain. */
function courseAndDomain(record: IDataObject): IDataObject {
	return {
		course: { published_course_id: (record.published_course_id ?? null) as IDataObject[string] },
		domain: { name: (record.domain_name ?? null) as IDataObject[string] },
	};
}

/** The record without the embedded student (it is already the `user` block). */
function own(record: IDataObject): IDataObject {
	const copy = { ...record };
	delete copy.student;
	return copy;
}

export const FEEDS: Feed[] = [
	{
		value: 'COURSE_ENROLLMENT',
		name: 'Course Enrollment',
		description: 'A user was enrolled in a course',
		path: '/v2/enrollments/',
		filter: 'filter[enrolled_gte]',
		untilFilter: 'filter[enrolled_lte]',
		timeField: 'enrolled_at',
		include: 'student',
		scopes: ['enrollments:read'],
		toEvent: (record) => ({
			event_type: 'COURSE_ENROLLMENT',
			timestamp: record.enrolled_at,
			user: user(record),
			...courseAndDomain(record),
			purchase: record.purchase_id ? { id: record.purchase_id } : null,
			enrollment: own(record),
		}),
	},
	{
		value: 'COURSE_COMPLETION',
		name: 'Course Completion',
		description: 'A user completed a course',
		path: '/v2/enrollments/',
		filter: 'filter[completed_gte]',
		untilFilter: 'filter[completed_lte]',
		timeField: 'completed_at',
		include: 'student,certificate',
		scopes: ['enrollments:read'],
		toEvent: (record) => {
			const certificate = asObject(record.certificate);
			return {
				event_type: 'COURSE_COMPLETION',
				timestamp: record.completed_at,
				user: user(record),
				...courseAndDomain(record),
				course_progress: {
					completed_at: record.completed_at ?? null,
					success_status: (record.success_status ?? null) as IDataObject[string],
					score: (record.score ?? null) as IDataObject[string],
					max_score: (record.max_score ?? null) as IDataObject[string],
					certificate: certificate ? { code: certificate.code ?? null } : null,
				},
				enrollment: (() => {
					const copy = own(record);
					delete copy.certificate;
					return copy;
				})(),
			};
		},
	},
	{
		value: 'CERTIFICATE_ISSUED',
		name: 'Certificate Issued',
		description: 'A certificate was issued to a user (Skilljar has no webhook for this)',
		path: '/v2/certificates/',
		filter: 'filter[issued_gte]',
		untilFilter: 'filter[issued_lte]',
		timeField: 'issued_at',
		include: '',
		scopes: ['certificates:read'],
		toEvent: (record) => ({
			event_type: 'CERTIFICATE_ISSUED',
			timestamp: record.issued_at,
			user: user(record),
			course: { id: (record.course_id ?? null) as IDataObject[string] },
			certificate: own(record),
		}),
	},
];

export function feedFor(value: unknown): Feed | undefined {
	return FEEDS.find((feed) => feed.value === value);
}

/** The canvas subtitle: the event's name, not its value (the editor evaluates it; table inlined). */
export function eventSubtitle(): string {
	const names = JSON.stringify(Object.fromEntries(FEEDS.map((feed) => [feed.value, feed.name])));
	return `={{(${names})[$parameter["event"]] || $parameter["event"]}}`;
}
