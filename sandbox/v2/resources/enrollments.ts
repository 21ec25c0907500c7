// Enrollments: v1's course enrollments (and their course progress), read and written through
// v2. POST enrolls a list of emails in one published course; an email new to the organisation
// becomes a student of the course's domain first (as v1's enroll-by-email does), so a bulk job
// needs no separate student requests.

import { courseProgress, courseSummary, domainUser, enrollment } from '../../records';
import { getField, isRecord, type Item } from '../../store';
import { fail, runBatch, type ItemOutcome } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { errorReply, notFound } from '../errors';
import { listReply, type Resource } from '../pages';
import { addStudent } from './students';
import {
	allEnrollments,
	certificateOf,
	certificateResource,
	enrollmentResource,
	findEnrollment,
	findPublishedCourse,
	progressOf,
	studentResource,
	studentsByEmail,
	findStudent,
	v1EnrollmentsPath,
	V2,
	type EnrollmentRow,
} from '../views';

const attrs = (item: Record<string, unknown>): Item =>
	isRecord(item.attributes) ? item.attributes : {};

/** Millisecond ISO form: a sort key that orders every accepted time notation correctly. */
export const timeKey = (value: unknown): string =>
	typeof value === 'string' && !Number.isNaN(Date.parse(value))
		? new Date(value).toISOString()
		: '';

const splitList = (value: unknown) =>
	String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);

function writeResource(row: EnrollmentRow, store: V2Context['store']): Resource {
	const full = enrollmentResource(store, row);
	const { enrolled_at, expires_at, due_at, active } = full.attributes;
	return {
		type: 'enrollments',
		id: full.id,
		attributes: { enrolled_at, expires_at, due_at, active },
		relationships: {
			student: full.relationships?.student,
			'published-course': full.relationships?.['published-course'],
		},
	};
}

function inTime(value: unknown, gte: unknown, lte: unknown): boolean {
	if (gte == null && lte == null) return true;
	if (typeof value !== 'string') return false;
	const t = Date.parse(value);
	if (gte != null && t < Date.parse(String(gte))) return false;
	if (lte != null && t > Date.parse(String(lte))) return false;
	return true;
}

const INCLUDES = ['purchase', 'student', 'certificate'];

/** Included records for `include=`; a 400 names an unsupported one. */
function includeFor(ctx: V2Context): V2Reply | ((page: Resource[]) => Resource[] | undefined) {
	const wanted = ctx.query.include == null ? [] : splitList(ctx.query.include);
	const unknown = wanted.find((w) => !INCLUDES.includes(w));
	if (unknown) {
		return errorReply(
			400,
			'invalid_include',
			`include supports ${INCLUDES.join(', ')}; not ${unknown}.`,
			{
				source: { parameter: 'include' },
			},
		);
	}
	if (wanted.length === 0) return () => undefined;
	return (page) => {
		const out = new Map<string, Resource>();
		for (const r of page) {
			for (const name of wanted) {
				const data = (r.relationships?.[name] as { data?: { id: string } | null } | undefined)
					?.data;
				if (!data) continue;
				const included = includedRecord(ctx, name, data.id);
				if (included) out.set(`${included.type}/${included.id}`, included);
			}
		}
		return [...out.values()];
	};
}

function includedRecord(ctx: V2Context, name: string, id: string): Resource | undefined {
	if (name === 'student') {
		const overview = findStudent(ctx.store, id);
		return overview ? studentResource(overview) : undefined;
	}
	if (name === 'certificate') {
		const cert = ctx.store.find(V2.certificates, id);
		return cert ? certificateResource(cert) : undefined;
	}
	const p = ctx.store.find('/v1/purchases', id);
	if (!p) return undefined;
	const amount = (Number(p.price_cents ?? 0) / 100).toFixed(2);
	const money = { amount, currency_code: String(p.currency_code ?? 'USD') };
	return {
		type: 'purchases',
		id,
		attributes: {
			order_id: String(p.order_id ?? ''),
			offer_price: money,
			purchase_price: money,
			quantity: Number(p.quantity ?? 1),
			purchase_state: String(p.state ?? ''),
			payment_processor: String(p.payment_processor ?? ''),
			purchased_at: p.purchased_at,
			tax_price_cents: typeof p.tax_price_cents === 'number' ? p.tax_price_cents : null,
		},
	};
}

function list(ctx: V2Context): V2Reply {
	const include = includeFor(ctx);
	if (typeof include !== 'function') return include;
	const q = ctx.query;
	const domains = q['filter[domains]'] == null ? undefined : splitList(q['filter[domains]']);
	const statuses =
		q['filter[progress_status]'] == null ? undefined : splitList(q['filter[progress_status]']);
	const email =
		q['filter[student.email]'] == null
			? undefined
			: String(q['filter[student.email]']).toLowerCase();
	const now = Date.now();
	const items = allEnrollments(ctx.store)
		.filter(({ enrollment: e, pc }) => {
			if (q['filter[student.id]'] != null && getField(e, 'user.id') !== q['filter[student.id]'])
				return false;
			if (email !== undefined && String(getField(e, 'user.email')).toLowerCase() !== email)
				return false;
			if (q['filter[course.id]'] != null && pc.course_id !== q['filter[course.id]']) return false;
			if (domains && !domains.includes(String(pc.domain_name))) return false;
			return inTime(e.enrolled_at, q['filter[enrolled_gte]'], q['filter[enrolled_lte]']);
		})
		.map((row) => enrollmentResource(ctx.store, row))
		.filter((r) => {
			const a = r.attributes;
			if (!inTime(a.completed_at, q['filter[completed_gte]'], q['filter[completed_lte]']))
				return false;
			if (statuses && !statuses.includes(String(a.progress_status))) return false;
			if (q['filter[active]'] != null) {
				const expired = typeof a.expires_at === 'string' && Date.parse(a.expires_at) <= now;
				if ((a.active === true && !expired) !== q['filter[active]']) return false;
			}
			return true;
		});
	// Completion filters order by completion time, so a poller reads completions in the order they happened.
	const byCompletion = q['filter[completed_gte]'] != null || q['filter[completed_lte]'] != null;
	return listReply(
		ctx,
		items,
		(r) => timeKey(byCompletion ? r.attributes.completed_at : r.attributes.enrolled_at),
		include,
	);
}

function read(ctx: V2Context): V2Reply {
	const include = includeFor(ctx);
	if (typeof include !== 'function') return include;
	const row = findEnrollment(ctx.store, ctx.params.id);
	if (!row) return notFound('Enrollment');
	const resource = enrollmentResource(ctx.store, row);
	const body: Record<string, unknown> = { data: resource };
	const included = include([resource]);
	if (included) body.included = included;
	return { status: 200, body };
}

/** Enroll a student in a published course the way v1 stores it (enrollment + course progress). */
function enroll(ctx: V2Context, pc: Item, user: Item, expiresAt: unknown): EnrollmentRow {
	const id = ctx.store.newId();
	const stored = ctx.store.insert(
		v1EnrollmentsPath(pc),
		enrollment(id, user, ctx.now, { expires_at: expiresAt ?? null }),
	);
	const progressPath = `/v1/users/${String(user.id)}/published-courses`;
	const course = ctx.store.find(V2.courses, String(pc.course_id));
	ctx.store.remove(progressPath, String(pc.id), 'published_course_id');
	ctx.store.insert(
		progressPath,
		courseProgress({
			publishedCourseId: String(pc.id),
			domainName: String(pc.domain_name),
			enrollmentId: id,
			enrolledAt: ctx.now,
			course: courseSummary(
				{ id: pc.course_id, title: course?.title ?? '' },
				Number(course?.lesson_count ?? 0),
			),
			progressId: ctx.store.newId(),
		}),
		{ assignId: false },
	);
	return { enrollment: stored, pc };
}

function bulkEnroll(ctx: V2Context): V2Reply {
	const body = ctx.body as { published_course_id: string; expires_at?: string | null };
	const pc = findPublishedCourse(ctx.store, body.published_course_id);
	if (!pc || pc.live === false) return notFound('Published course');
	if (typeof body.expires_at === 'string' && Date.parse(body.expires_at) <= Date.now()) {
		return errorReply(400, 'validation_error', 'expires_at must be in the future.', {
			source: { pointer: '/expires_at' },
		});
	}
	const domain = ctx.store.collection(V2.domains).find((d) => d.name === pc.domain_name);
	const membersPath = `/v1/domains/${String(pc.domain_name)}/users`;
	const known = studentsByEmail(ctx.store);
	const existing = new Map<string, Item>();
	for (const e of ctx.store.collection(v1EnrollmentsPath(pc))) {
		const userId = String(getField(e, 'user.id'));
		// The newest enrollment of a student decides (re-enrollments keep older rows).
		existing.set(userId, e);
	}
	return runBatch(ctx, {
		dedupe: { key: (item) => String(attrs(item).email).toLowerCase(), at: '/attributes/email' },
		run: (item) => {
			const email = String(attrs(item).email);
			let overview = known.get(email.toLowerCase());
			if (overview && ctx.store.find(V2.anonymized, String(getField(overview, 'user.id')))) {
				return fail('validation_error', 'The student was anonymized.', '/attributes/email');
			}
			const isNew = !overview;
			if (!overview) {
				overview = addStudent(ctx, email);
				known.set(email.toLowerCase(), overview);
			}
			const user = isRecord(overview.user) ? overview.user : {};
			const userId = String(user.id);
			if (!ctx.store.find(membersPath, userId, 'user.id')) {
				// A known student joins a public domain on enrollment; a private one needs membership first.
				if (!isNew && domain && domain.access !== 'PUBLIC') {
					return fail(
						'not_in_domain',
						`The student is not a member of ${String(pc.domain_name)}.`,
						'/attributes/email',
					);
				}
				ctx.store.insert(membersPath, domainUser(user, ctx.now), { assignId: false });
			}
			const previous = existing.get(userId);
			if (previous && previous.active !== false) {
				return fail(
					'already_enrolled',
					'The student is already enrolled in this course.',
					'/attributes/email',
				);
			}
			if (previous) {
				// Reactivation: the inactive enrollment becomes active again.
				previous.active = true;
				previous.expires_at = body.expires_at ?? null;
				return { result: writeResource({ enrollment: previous, pc }, ctx.store) };
			}
			const row = enroll(ctx, pc, user, body.expires_at);
			existing.set(userId, row.enrollment);
			return { result: writeResource(row, ctx.store) };
		},
	});
}

/** A batch over enrollments named by each item's `id`. */
function perEnrollment(ctx: V2Context, run: (row: EnrollmentRow, a: Item) => ItemOutcome): V2Reply {
	return runBatch(ctx, {
		run: (item) => {
			const row = findEnrollment(ctx.store, String(item.id));
			return row ? run(row, attrs(item)) : fail('not_found', 'No such enrollment.', '/id');
		},
	});
}

function update(ctx: V2Context): V2Reply {
	return perEnrollment(ctx, (row, a) => {
		if (a.expires_at !== undefined) row.enrollment.expires_at = a.expires_at;
		if (typeof a.active === 'boolean') row.enrollment.active = a.active;
		if (a.due_at !== undefined) {
			const extras =
				ctx.store.find(V2.enrollmentExtras, String(row.enrollment.id)) ??
				ctx.store.insert(V2.enrollmentExtras, { id: row.enrollment.id });
			extras.due_at = a.due_at;
		}
		return { result: writeResource(row, ctx.store) };
	});
}

/** Completing an enrollment issues its certificate (once), as Skilljar does for certified courses. */
function issueCertificate(
	ctx: V2Context,
	row: EnrollmentRow,
	completedAt: string,
	score: unknown,
): void {
	if (certificateOf(ctx.store, String(row.enrollment.id))) return;
	ctx.store.insert(V2.certificates, {
		id: ctx.store.newId(),
		code: `CERT-${String(row.enrollment.id).toUpperCase()}`,
		issued_at: completedAt,
		expires_at: null,
		score_as_percent: typeof score === 'number' ? score : null,
		student_id: getField(row.enrollment, 'user.id'),
		course_id: row.pc.course_id,
		domain_name: row.pc.domain_name,
		enrollment_id: row.enrollment.id,
	});
}

function complete(ctx: V2Context): V2Reply {
	return perEnrollment(ctx, (row, a) => {
		const progress = progressOf(ctx.store, row);
		if (!progress) {
			return fail(
				'validation_error',
				'Only the student’s latest enrollment in the course can be completed.',
				'/id',
			);
		}
		const completedAt =
			a.completed_at === null
				? null
				: typeof a.completed_at === 'string'
					? new Date(a.completed_at).toISOString().replace(/\.000Z$/, 'Z')
					: ctx.now;
		progress.completed_at = completedAt;
		progress.latest_activity = completedAt ?? progress.latest_activity;
		progress.success_status =
			completedAt === null ? null : String(a.success_status ?? 'passed').toUpperCase();
		if (completedAt) issueCertificate(ctx, row, completedAt, progress.score);
		const full = enrollmentResource(ctx.store, row);
		return {
			result: {
				type: 'enrollments',
				id: full.id,
				attributes: {
					completed_at: full.attributes.completed_at,
					success_status: full.attributes.success_status,
				},
			},
		};
	});
}

export const ENROLLMENT_HANDLERS: Record<string, V2Handler> = {
	bulk_enroll_students: bulkEnroll,
	update_enrollments: update,
	list_enrollments: list,
	complete_enrollments: complete,
	get_enrollment: read,
};
