// How v2 sees the sandbox's data. Students and enrollments are the v1 records themselves (a v1
// user is a v2 student, a v1 course enrollment a v2 enrollment), so either API sees what the
// other wrote. Records only v2 has, and v2's copies of the catalogue (seeded from the v1 seed,
// see seed-v2.ts), live in `/v2/...` collections of the same store.

import { getField, isRecord, type Item, type Store } from '../store';
import type { Resource } from './pages';

export const V2 = {
	publishedCourses: '/v2/published-courses',
	courses: '/v2/courses',
	lessons: '/v2/lessons',
	domains: '/v2/domains',
	groups: '/v2/groups',
	quizzes: '/v2/quizzes',
	questionBanks: '/v2/question-banks',
	questions: '/v2/questions',
	assignments: '/v2/question-bank-assignments',
	webPackages: '/v2/web-packages',
	certificates: '/v2/certificates',
	ratings: '/v2/course-ratings',
	signupFieldValues: '/v2/signup-field-values',
	clients: '/v2/clients',
	/** v2-only attributes of v1 enrollments (due date), keyed by enrollment id. */
	enrollmentExtras: '/v2/enrollment-extras',
	/** Students whose data was erased (updates refused), keyed by id. */
	anonymized: '/v2/anonymized-students',
	memberships: (groupId: string) => `/v2/groups/${groupId}/memberships`,
	visibility: (groupId: string) => `/v2/groups/${groupId}/visibility-overrides`,
} as const;

export const V1_USERS = '/v1/users';

export function ref(type: string, id: unknown): { data: { type: string; id: string } } {
	return { data: { type, id: String(id) } };
}

/** A stored v2 record (`{id, ...attributes}`) as a JSON:API resource of `type`. */
export function asResource(type: string, record: Item, relationships?: Item): Resource {
	const attributes = { ...record };
	delete attributes.id;
	const resource: Resource = { type, id: String(record.id), attributes };
	if (relationships) resource.relationships = relationships;
	return resource;
}

// ---- students (v1 users) ----

export function studentResource(overview: Item): Resource {
	const user = isRecord(overview.user) ? overview.user : {};
	return {
		type: 'students',
		id: String(user.id),
		attributes: {
			email: String(user.email ?? ''),
			first_name: String(user.first_name ?? ''),
			last_name: String(user.last_name ?? ''),
			is_inactive: overview.inactive_at !== null && overview.inactive_at !== undefined,
			external_id: '',
			date_joined: String(overview.signed_up_at ?? ''),
		},
	};
}

export function findStudent(store: Store, id: string): Item | undefined {
	return store.find(V1_USERS, id, 'user.id');
}

/** Lower-cased email → the v1 user overview, for one request's lookups. */
export function studentsByEmail(store: Store): Map<string, Item> {
	const index = new Map<string, Item>();
	for (const overview of store.collection(V1_USERS)) {
		const email = getField(overview, 'user.email');
		if (typeof email === 'string') index.set(email.toLowerCase(), overview);
	}
	return index;
}

// ---- published courses and enrollments ----

/** A v2 published course: `course_id` and `domain_name` tie it to the v1 records. */
export function findPublishedCourse(store: Store, id: string): Item | undefined {
	const pc = store.find(V2.publishedCourses, id);
	return pc && !pc.deleted_at ? pc : undefined;
}

export function v1EnrollmentsPath(pc: Item): string {
	return `/v1/domains/${String(pc.domain_name)}/published-courses/${String(pc.id)}/enrollments`;
}

export interface EnrollmentRow {
	enrollment: Item;
	pc: Item;
}

/** Every course enrollment of every published course v2 knows. */
export function allEnrollments(store: Store): EnrollmentRow[] {
	const rows: EnrollmentRow[] = [];
	for (const pc of store.collection(V2.publishedCourses)) {
		for (const enrollment of store.collection(v1EnrollmentsPath(pc))) rows.push({ enrollment, pc });
	}
	return rows;
}

export function findEnrollment(store: Store, id: string): EnrollmentRow | undefined {
	for (const pc of store.collection(V2.publishedCourses)) {
		const enrollment = store.find(v1EnrollmentsPath(pc), id);
		if (enrollment) return { enrollment, pc };
	}
	return undefined;
}

/** The v1 course-progress record of this enrollment (only the user's latest enrollment has one). */
export function progressOf(store: Store, row: EnrollmentRow): Item | undefined {
	const userId = String(getField(row.enrollment, 'user.id'));
	const entry = store
		.collection(`/v1/users/${userId}/published-courses`)
		.find((p) => p.published_course_id === row.pc.id);
	return entry && entry.enrollment_id === row.enrollment.id && isRecord(entry.course_progress)
		? entry.course_progress
		: undefined;
}

export function certificateOf(store: Store, enrollmentId: string): Item | undefined {
	return store.collection(V2.certificates).find((c) => c.enrollment_id === enrollmentId);
}

function progressStatus(progress: Item | undefined, enrolledAt: unknown): string {
	if (!progress) return 'not_started';
	if (progress.completed_at) return 'completed';
	const started =
		Number(progress.completed_lesson_count ?? 0) > 0 ||
		(progress.latest_activity !== undefined && progress.latest_activity !== enrolledAt);
	return started ? 'in_progress' : 'not_started';
}

export function enrollmentResource(store: Store, row: EnrollmentRow): Resource {
	const { enrollment: e, pc } = row;
	const progress = progressOf(store, row);
	const extras = store.find(V2.enrollmentExtras, String(e.id));
	const certificate = certificateOf(store, String(e.id));
	const purchase = isRecord(e.purchase) ? e.purchase : undefined;
	const success = typeof progress?.success_status === 'string' ? progress.success_status : '';
	return {
		type: 'enrollments',
		id: String(e.id),
		attributes: {
			enrolled_at: e.enrolled_at,
			expires_at: e.expires_at ?? null,
			due_at: extras?.due_at ?? null,
			active: e.active !== false,
			channel: String(extras?.channel ?? 'api'),
			source: String(extras?.source ?? 'admin'),
			progress_status: progressStatus(progress, e.enrolled_at),
			completed_at: progress?.completed_at ?? null,
			score: typeof progress?.score === 'number' ? progress.score : null,
			max_score: typeof progress?.max_score === 'number' ? progress.max_score : null,
			success_status: success ? success.toLowerCase() : 'unknown',
			domain_name: String(pc.domain_name),
			has_certificate: Boolean(certificate),
			rating: typeof e.rating === 'number' ? e.rating : null,
			rating_scale: typeof e.rating === 'number' ? 5 : null,
			feedback: typeof e.feedback === 'string' ? e.feedback : null,
		},
		relationships: {
			student: ref('students', getField(e, 'user.id')),
			'published-course': ref('published-courses', pc.id),
			purchase: {
				data: purchase?.purchase_id
					? { type: 'purchases', id: String(purchase.purchase_id) }
					: null,
			},
			certificate: {
				data: certificate ? { type: 'certificates', id: String(certificate.id) } : null,
			},
		},
	};
}

export function certificateResource(certificate: Item): Resource {
	return {
		type: 'certificates',
		id: String(certificate.id),
		attributes: {
			code: certificate.code,
			issued_at: certificate.issued_at,
			expires_at: certificate.expires_at ?? null,
			score_as_percent: certificate.score_as_percent ?? null,
		},
		relationships: {
			student: ref('students', certificate.student_id),
			course: ref('courses', certificate.course_id),
		},
	};
}
