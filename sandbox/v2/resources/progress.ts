// Certificates, course analytics and ratings: read-only records of learners' progress.

import type { Item } from '../../store';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { notFound } from '../errors';
import { listReply } from '../pages';
import { allEnrollments, certificateResource, enrollmentResource, ref, V2 } from '../views';
import { COURSES } from './catalog';
import { timeKey } from './enrollments';
import { findLive } from './stored';

const splitList = (value: unknown) =>
	String(value)
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);

function listCertificates(ctx: V2Context): V2Reply {
	const q = ctx.query;
	const domains = q['filter[domains]'] == null ? undefined : splitList(q['filter[domains]']);
	const now = Date.now();
	const t = (v: unknown) => Date.parse(String(v));
	const items = ctx.store
		.collection(V2.certificates)
		.filter((c) => {
			if (domains && !domains.includes(String(c.domain_name))) return false;
			if (q['filter[student.id]'] != null && c.student_id !== q['filter[student.id]']) return false;
			if (q['filter[course.id]'] != null && c.course_id !== q['filter[course.id]']) return false;
			if (q['filter[issued_gte]'] != null && t(c.issued_at) < t(q['filter[issued_gte]']))
				return false;
			if (q['filter[issued_lte]'] != null && t(c.issued_at) > t(q['filter[issued_lte]']))
				return false;
			const expired = typeof c.expires_at === 'string' && t(c.expires_at) <= now;
			if (q['filter[status]'] === 'active' && expired) return false;
			return q['filter[status]'] !== 'expired' || expired;
		})
		.map(certificateResource);
	// Oldest issue first, so a poller reading filter[issued_gte] sees certificates in issue order.
	return listReply(ctx, items, (r) => timeKey(r.attributes.issued_at));
}

function getCertificate(ctx: V2Context): V2Reply {
	const c = ctx.store.find(V2.certificates, ctx.params.id);
	return c ? { status: 200, body: { data: certificateResource(c) } } : notFound('Certificate');
}

function ratingsOf(ctx: V2Context, courseId: string): Item[] {
	return ctx.store.collection(V2.ratings).filter((r) => r.course_id === courseId);
}

function analytics(ctx: V2Context): V2Reply {
	const courseId = ctx.params.course_id;
	if (!findLive(ctx, COURSES, courseId)) return notFound('Course');
	const domainFilter = ctx.query['filter[domains]'];
	const domains = domainFilter == null ? undefined : splitList(domainFilter);
	const rows = allEnrollments(ctx.store).filter(
		(row) =>
			row.pc.course_id === courseId && (!domains || domains.includes(String(row.pc.domain_name))),
	);
	const completions = rows.filter(
		(row) => enrollmentResource(ctx.store, row).attributes.completed_at != null,
	).length;
	const certificates = ctx.store
		.collection(V2.certificates)
		.filter(
			(c) => c.course_id === courseId && (!domains || domains.includes(String(c.domain_name))),
		);
	const ratings = ratingsOf(ctx, courseId);
	const average =
		ratings.length > 0
			? ratings.reduce((sum, r) => sum + Number(r.rating), 0) / ratings.length
			: null;
	return {
		status: 200,
		body: {
			data: {
				type: 'course-analytics',
				id: courseId,
				attributes: {
					enrollments: rows.length,
					completions,
					completion_rate: rows.length > 0 ? completions / rows.length : null,
					average_rating: average,
					rating_scale: 5,
					rating_count: ratings.length,
					certificates_issued: certificates.length,
				},
				relationships: { course: ref('courses', courseId) },
			},
		},
	};
}

function listRatings(ctx: V2Context): V2Reply {
	const courseId = ctx.params.course_id;
	if (!findLive(ctx, COURSES, courseId)) return notFound('Course');
	const student = ctx.query['filter[student.id]'];
	const items = ratingsOf(ctx, courseId)
		.filter((r) => student == null || r.student_id === student)
		.map((r) => ({
			type: 'course-ratings',
			id: String(r.id),
			attributes: {
				rating: r.rating,
				scale_max: r.scale_max,
				feedback: r.feedback ?? null,
				created_at: r.created_at,
			},
			relationships: { student: ref('students', r.student_id), course: ref('courses', courseId) },
		}));
	// Most recent first: the key counts down from the far future.
	return listReply(ctx, items, (r) =>
		String(8.64e15 - Date.parse(String(r.attributes.created_at))).padStart(20, '0'),
	);
}

export const PROGRESS_HANDLERS: Record<string, V2Handler> = {
	list_certificates: listCertificates,
	get_certificate: getCertificate,
	get_course_analytics: analytics,
	list_course_ratings: listRatings,
};
