// Builders for the records that appear in several places (seed data, create handlers, webhook
// events), so a user or an enrollment has the same shape wherever the sandbox returns it.
// Field names follow the response schemas of Skilljar's OpenAPI document.

import { getField, isRecord, type Item } from './store';

/** `{id, email, first_name, last_name}` as embedded in enrollments (ReadOnlyUser). */
export function userRef(user: Item): Item {
	return {
		id: user.id,
		email: user.email,
		first_name: user.first_name,
		last_name: user.last_name,
	};
}

/** Full User object (domain users, purchases): adds `full_name`. */
export function userFull(user: Item): Item {
	return {
		...userRef(user),
		full_name: `${String(user.first_name ?? '')} ${String(user.last_name ?? '')}`.trim(),
	};
}

/** Entry of GET /v1/users (UserOverview). */
export function userOverview(user: Item, signedUpAt: string): Item {
	return {
		user: userRef(user),
		registration_count: 0,
		completion_count: 0,
		signed_up_at: signedUpAt,
		latest_activity: signedUpAt,
		inactive_at: null,
	};
}

/** Entry of GET /v1/domains/{domain}/users (DomainUserListItem / DomainUserCreate). */
export function domainUser(user: Item, enrolledAt: string, extra: Item = {}): Item {
	return {
		user: userFull(user),
		active: true,
		marketing_optin: false,
		enrolled_at: enrolledAt,
		expires_at: null,
		access_code: null,
		...extra,
	};
}

/** A course / path / plan enrollment (Enrollment, PlanEnrollment, PublishedPathEnrollment). */
export function enrollment(id: string, user: Item, enrolledAt: string, extra: Item = {}): Item {
	return {
		id,
		user: userRef(user),
		enrolled_at: enrolledAt,
		expires_at: null,
		active: true,
		purchase: null,
		rating: null,
		feedback: null,
		...extra,
	};
}

/** CourseSummary embedded in published courses, progress and path items. */
export function courseSummary(course: Item, lessonCount: number): Item {
	return {
		id: course.id,
		title: course.title,
		lesson_count: lessonCount,
		required_lesson_count: lessonCount,
	};
}

/** Entry of GET /v1/users/{user_id}/published-courses (UserPublishedCourseProgress). */
export function courseProgress(args: {
	publishedCourseId: string;
	domainName: string;
	enrollmentId: string;
	enrolledAt: string;
	course: Item;
	progressId: string;
	completedAt?: string | null;
}): Item {
	const summary = isRecord(args.course) ? args.course : {};
	const lessonCount = Number(getField(summary, 'lesson_count') ?? 0);
	const done = Boolean(args.completedAt);
	return {
		published_course_id: args.publishedCourseId,
		domain_name: args.domainName,
		enrolled_at: args.enrolledAt,
		enrollment_id: args.enrollmentId,
		course: summary,
		course_progress: {
			course_progress_id: args.progressId,
			completed_lesson_count: done ? lessonCount : 0,
			completed_required_lesson_count: done ? lessonCount : 0,
			completed_at: args.completedAt ?? null,
			latest_activity: args.completedAt ?? args.enrolledAt,
			score: done ? 90 : null,
			max_score: done ? 100 : null,
			credits_earned: '',
			credit_unit_plural: '',
			success_status: done ? 'PASSED' : null,
		},
		certificate: null,
		all_enrollments: [
			{
				course_progress_id: args.progressId,
				active: true,
				expires_at: null,
				enrollment_id: args.enrollmentId,
			},
		],
	};
}

/** Purchase object (GET /v1/purchases/{id}). */
export function purchase(args: {
	id: string;
	user: Item;
	offer: Item;
	orderId: string;
	purchasedAt: string;
	state?: string;
}): Item {
	return {
		id: args.id,
		user: userFull(args.user),
		state: args.state ?? 'SUCCESS',
		status_msg: '',
		purchased_at: args.purchasedAt,
		refunded_at: null,
		refund_cents: null,
		payment_processor: 'STRIPE',
		order_id: args.orderId,
		price_cents: args.offer.price_cents,
		quantity: 1,
		offer_id: args.offer.id,
		offer_sku: args.offer.sku,
		offer_description: `Purchase of ${String(args.offer.sku)}`,
		offer_price_cents: args.offer.price_cents,
		promo_code: '',
		promo_code_price_cents: 0,
		promo_code_percent_off: 0,
		promo_code_quantity: 0,
		tax_price_cents: 0,
		payment_processor_order_id: `ch_${args.orderId}`,
		payment_processor_response_data: '',
		currency_code: args.offer.currency_code ?? 'USD',
	};
}

/** The purchase summary embedded in an enrollment (EnrollmentPurchase). */
export function enrollmentPurchase(p: Item): Item {
	const cents = Number(p.price_cents ?? 0);
	const amount = (cents / 100).toFixed(2);
	return {
		order_id: p.order_id,
		offer_price: { amount, currency_code: p.currency_code },
		purchase_price: { amount, currency_code: p.currency_code },
		quantity: p.quantity,
		purchase_state: p.state,
		payment_processor: p.payment_processor,
		purchase_id: p.id,
		purchased_at: p.purchased_at,
		tax_price_cents: p.tax_price_cents,
	};
}
