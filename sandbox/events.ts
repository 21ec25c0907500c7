// Webhook event payloads, one builder per event type.
//
// Skilljar sends one flat JSON object per delivery: `event_type`, `timestamp` (ISO 8601 with
// microseconds and `+00:00`), then entity objects. The course-enrollment shape is documented;
// the others reuse the same user/course/domain building blocks plus their own object, which is
// our best reading (their exact shapes are not published).

import { EVENT_TYPES, type EventType } from '../nodes/shared/webhookEvents';
import { DEMO } from './seed';
import { clone, deepMerge, getField, isRecord, type Item, type Store } from './store';

export { EVENT_TYPES, type EventType } from '../nodes/shared/webhookEvents';

export function isEventType(value: string): value is EventType {
	return (EVENT_TYPES as readonly string[]).includes(value);
}

/** `2026-04-22T21:40:31.918508+00:00`: microseconds and an explicit offset, as Skilljar sends. */
export function eventTimestamp(date = new Date()): string {
	const micro = String(Number(process.hrtime.bigint() % 1000n)).padStart(3, '0');
	return date.toISOString().replace(/\.(\d{3})Z$/, `.$1${micro}+00:00`);
}

/** Entities an event is built from, read from the store (so events match the seeded data). */
interface EventContext {
	domain: Item;
	user: Item;
	course: Item;
	publishedCourse: Item;
	lesson: Item;
	quiz: Item;
	path: Item;
	publishedPath: Item;
	purchase: Item | undefined;
	viltEvent: Item | undefined;
	viltRegistration: Item | undefined;
}

function first(store: Store, listPath: string): Item {
	return store.collection(listPath)[0] ?? {};
}

function contextFromStore(store: Store): EventContext {
	const domain = store.find('/v1/domains', DEMO.domainName, 'name') ?? first(store, '/v1/domains');
	const domainName = String(domain.name ?? DEMO.domainName);
	const domainUser =
		store.find(`/v1/domains/${domainName}/users`, DEMO.userId, 'user.id') ??
		first(store, `/v1/domains/${domainName}/users`);
	const user = isRecord(domainUser.user) ? domainUser.user : {};
	const publishedCourse =
		store.find(`/v1/domains/${domainName}/published-courses`, DEMO.publishedCourseId) ??
		first(store, `/v1/domains/${domainName}/published-courses`);
	const courseId = String(getField(publishedCourse, 'course.id') ?? DEMO.courseIds[0]);
	const course = store.find('/v1/courses', courseId) ?? {};
	const lesson = store.collection('/v1/lessons').find((l) => l.course_id === courseId) ?? {};
	return {
		domain,
		user,
		course,
		publishedCourse,
		lesson,
		quiz: store.find('/v1/quizzes', DEMO.quizIds[0]) ?? first(store, '/v1/quizzes'),
		path: store.find('/v1/paths', DEMO.pathId) ?? first(store, '/v1/paths'),
		publishedPath: first(store, `/v1/domains/${domainName}/published-paths`),
		purchase: store.find('/v1/purchases', DEMO.purchaseId),
		viltEvent: store.collection('/v1/vilt-session-events')[0],
		viltRegistration: store.collection('/v1/vilt-session-registrations')[0],
	};
}

const userBlock = (c: EventContext): Item => ({
	id: c.user.id,
	email: c.user.email,
	first_name: c.user.first_name,
	last_name: c.user.last_name,
});

const domainBlock = (c: EventContext): Item => ({ id: c.domain.id, name: c.domain.name });

const courseBlock = (c: EventContext): Item => ({
	id: c.course.id,
	title: c.course.title,
	published_course_id: c.publishedCourse.id,
	url: c.publishedCourse.course_url ?? `https://${String(c.domain.name)}/`,
});

function purchaseBlock(c: EventContext): Item {
	const p = c.purchase ?? {};
	const cents = Number(p.price_cents ?? 0);
	return {
		id: p.id ?? null,
		order_id: p.order_id ?? null,
		purchase_price: (cents / 100).toFixed(2),
		original_price: (Number(p.offer_price_cents ?? cents) / 100).toFixed(2),
		price_cents: cents,
		currency_code: p.currency_code ?? 'USD',
		state: p.state ?? 'SUCCESS',
		quantity: p.quantity ?? 1,
		purchased_at: p.purchased_at ?? null,
		payment_processor: p.payment_processor ?? 'NONE',
		promo_code: p.promo_code ? p.promo_code : null,
		offer_id: p.offer_id ?? null,
		offer_sku: p.offer_sku ?? null,
	};
}

const signupFields = (): Item => ({
	[DEMO.signupFieldIds[0]]: {
		value: 'Acme Corp',
		signup_field: { id: DEMO.signupFieldIds[0], label: 'Company' },
	},
});

const pathBlock = (c: EventContext): Item => ({
	id: c.path.id,
	title: c.path.title,
	published_path_id: c.publishedPath.id ?? null,
	url: c.publishedPath.path_url ?? null,
});

type Builder = (c: EventContext, ts: string) => Item;

const BUILDERS: Record<EventType, Builder> = {
	COURSE_ENROLLMENT: (c) => ({
		user: userBlock(c),
		course: courseBlock(c),
		domain: domainBlock(c),
		purchase: purchaseBlock(c),
		domain_access_code: null,
		signup_fields: signupFields(),
	}),
	COURSE_COMPLETION: (c, ts) => ({
		user: userBlock(c),
		course: courseBlock(c),
		domain: domainBlock(c),
		course_progress: {
			completed_at: ts,
			success_status: 'PASSED',
			score: 92,
			max_score: 100,
			credits_earned: '1.0',
			certificate: {
				code: 'CERT-DEMO-0001',
				validate_url: `https://${String(c.domain.name)}/certificates/CERT-DEMO-0001`,
			},
		},
	}),
	DOMAIN_ENROLLMENT: (c) => ({
		user: userBlock(c),
		domain: domainBlock(c),
		domain_access_code: null,
		marketing_optin: false,
		signup_fields: signupFields(),
	}),
	LESSON_COMPLETION: (c, ts) => ({
		user: userBlock(c),
		course: courseBlock(c),
		domain: domainBlock(c),
		lesson: { id: c.lesson.id, title: c.lesson.title, type: c.lesson.type, order: c.lesson.order },
		lesson_progress: { completed_at: ts, success_status: 'PASSED', score: null, max_score: null },
	}),
	QUIZ_COMPLETION: (c, ts) => ({
		user: userBlock(c),
		course: courseBlock(c),
		domain: domainBlock(c),
		lesson: { id: c.lesson.id, title: c.lesson.title },
		quiz: {
			id: c.quiz.id,
			name: c.quiz.name,
			passing_percentage_correct: c.quiz.passing_percentage_correct,
		},
		quiz_attempt: {
			completed_at: ts,
			score: 8,
			max_score: 10,
			percentage_correct: 80,
			passed: true,
		},
	}),
	PATH_ENROLLMENT: (c) => ({
		user: userBlock(c),
		path: pathBlock(c),
		domain: domainBlock(c),
		purchase: null,
		signup_fields: signupFields(),
	}),
	PATH_COMPLETION: (c, ts) => ({
		user: userBlock(c),
		path: pathBlock(c),
		domain: domainBlock(c),
		path_progress: { completed_at: ts, completed_course_count: 3 },
	}),
	PURCHASE_FULFILLMENT: (c) => ({
		user: userBlock(c),
		course: courseBlock(c),
		domain: domainBlock(c),
		purchase: purchaseBlock(c),
	}),
	VILT_EVENT_REGISTRATION: (c, ts) => {
		const session = isRecord(c.viltEvent?.vilt_session) ? c.viltEvent.vilt_session : {};
		return {
			user: userBlock(c),
			course: courseBlock(c),
			domain: domainBlock(c),
			lesson: isRecord(session.lesson) ? session.lesson : null,
			vilt_session: {
				id: session.id ?? null,
				display_name: session.display_name ?? null,
				instructor_name: session.instructor_name ?? null,
				starts_at: c.viltEvent?.starts_at ?? null,
				ends_at: c.viltEvent?.ends_at ?? null,
				timezone: c.viltEvent?.timezone ?? 'UTC',
				location: c.viltEvent?.location ?? null,
			},
			registration: { id: c.viltRegistration?.id ?? null, registered_at: ts, attended: false },
		};
	},
	DASHBOARD_TASK_CREATED: (c, ts) => ({
		user: userBlock(c),
		domain: domainBlock(c),
		task: {
			id: 'tsk0000000001',
			type: 'MANUAL_GRADING',
			title: `Grade a quiz submission from ${String(c.user.first_name ?? 'a student')}`,
			created_at: ts,
			course: courseBlock(c),
			lesson: { id: c.lesson.id, title: c.lesson.title },
		},
	}),
};

/**
 * Build a flat event from the store's data. `overrides` is deep-merged on top, so a test can set
 * e.g. `{ user: { email: 'x@example.com' } }` without restating the rest.
 */
export function buildEvent(store: Store, eventType: EventType, overrides: Item = {}): Item {
	const ts = eventTimestamp();
	const context = contextFromStore(store);
	const event: Item = {
		event_type: eventType,
		timestamp: ts,
		...clone(BUILDERS[eventType](context, ts)),
	};
	return deepMerge(event, clone(overrides));
}

/** The PING event sent by POST /v1/webhooks/{id}/ping. */
export function pingEvent(webhookId: string): Item {
	return { event_type: 'PING', timestamp: eventTimestamp(), webhook: { id: webhookId } };
}
