// v2's records from the v1 seed: the same courses, lessons, domains, published courses, groups,
// quizzes, question banks and web packages (same ids), plus what only v2 has (certificates for
// the seed's completed enrollments, ratings, questions, bank assignments, an OAuth client).
// Students and enrollments need no copy: v2 reads the v1 records themselves (views.ts).

import { DEMO, sid } from '../seed';
import { getField, isRecord, type Item, type Store } from '../store';
import { V2 } from './views';

const CREATED = '2025-01-01T09:00:00Z';

/**
 * Fixed ids per prefix (`crt0000000001`), never the store's generator: drawing from it here
 * would change the ids v1 creates hand out after a reset.
 */
function counter(prefix: string): () => string {
	let n = 0;
	return () => sid(prefix, ++n);
}

function published(store: Store, domainName: string): Item[] {
	return store.collection(`/v1/domains/${domainName}/published-courses`);
}

export function seedV2(store: Store): void {
	const membershipId = counter('gms');
	const domains = store.collection('/v1/domains');
	for (const d of domains) {
		store.insert(V2.domains, {
			id: d.id,
			external_id: '',
			name: d.name,
			access: d.access ?? (d.private ? 'PRIVATE' : 'PUBLIC'),
			access_message_html: String(d.access_code_message_html ?? ''),
			marketing_message: String(d.marketing_message ?? ''),
			require_https: true,
			created_at: CREATED,
			modified_at: CREATED,
		});
	}

	const lessons = store.collection('/v1/lessons');
	// The partner domain's second course was taken off the catalogue (an unpublished record).
	const unpublished = new Set(
		store
			.collection(`/v1/domains/${DEMO.partnerDomainName}/published-courses`)
			.slice(1)
			.map((pc) => pc.id),
	);
	const publishedCourseIds = new Set<string>();
	for (const d of domains) {
		for (const pc of published(store, String(d.name))) {
			publishedCourseIds.add(String(getField(pc, 'course.id')));
			store.insert(V2.publishedCourses, {
				id: pc.id,
				course_id: getField(pc, 'course.id'),
				domain_id: d.id,
				domain_name: d.name,
				external_id: '',
				slug: pc.slug,
				live: !unpublished.has(pc.id),
				is_hidden: pc.hidden === true,
				visible_on_catalog: pc.hidden !== true,
				open_access: false,
				strict_enforce_group_visibility: pc.strict_enforce_group_visibility === true,
				visibility_override_type: 'GROUP',
				access_period_starts_at: null,
				access_period_ends_at: null,
				restrict_access_start_end_dates: false,
				allow_self_service_reenroll: pc.allow_self_service_reenroll === true,
				unique_progress_per_enrollment: false,
				require_all_prerequisites: false,
				created_at: CREATED,
				modified_at: CREATED,
			});
		}
	}

	for (const c of store.collection('/v1/courses')) {
		store.insert(V2.courses, {
			id: c.id,
			external_id: '',
			title: c.title,
			short_description: String(c.short_description ?? ''),
			long_description_html: String(c.long_description_html ?? ''),
			enforce_sequential_navigation: c.enforce_sequential_navigation === true,
			lesson_count: lessons.filter((l) => l.course_id === c.id).length,
			is_published: publishedCourseIds.has(String(c.id)),
			promo_image_url: String(c.promo_image_url ?? ''),
			average_rating: typeof c.average_rating === 'number' ? c.average_rating : null,
			created_at: c.created_at ?? CREATED,
			modified_at: c.modified_at ?? CREATED,
		});
	}

	for (const l of lessons) {
		const type = ['HTML', 'QUIZ', 'MODULAR'].includes(String(l.type)) ? l.type : 'MODULAR';
		store.insert(V2.lessons, {
			id: l.id,
			title: l.title,
			type,
			order: l.order,
			course_id: l.course_id,
			description_html: String(l.description_html ?? ''),
			content_html: typeof l.content_html === 'string' ? l.content_html : null,
			quiz_id: l.content_quiz_id ?? null,
			external_id: '',
			created_at: CREATED,
			modified_at: CREATED,
			content_items: store.collection(`/v1/lessons/${String(l.id)}/content-items`).map((ci) => ({
				id: ci.id,
				type: ci.type,
				header: String(ci.header ?? ''),
				content_html: typeof ci.content_html === 'string' ? ci.content_html : null,
				asset_id: ci.content_asset_id || null,
				quiz_id: ci.content_quiz_id || null,
				rating: null,
			})),
		});
	}

	for (const g of store.collection('/v1/groups')) {
		store.insert(V2.groups, {
			id: g.id,
			name: g.name,
			rule_email_domains: Array.isArray(g.rule_email_domains) ? g.rule_email_domains : [],
			send_course_enrollment_email: false,
			category_id: g.group_category_id ?? null,
			created_at: CREATED,
			updated_at: CREATED,
		});
		if (g.id === DEMO.groupIds[1]) {
			// Partners see the partner hub's first course whatever its catalogue setting.
			store.insert(V2.visibility(String(g.id)), {
				id: sid('vov', 1),
				published_course_id: DEMO.partnerPublishedCourseIds[0],
				is_visible: true,
				created_at: CREATED,
				updated_at: CREATED,
			});
		}
		for (const m of store.collection(`/v1/groups/${String(g.id)}/users`)) {
			store.insert(V2.memberships(String(g.id)), {
				id: membershipId(),
				student_id: getField(m, 'user.id'),
				is_manager: false,
				created_at: m.created_at ?? CREATED,
			});
		}
	}

	for (const q of store.collection('/v1/quizzes')) {
		store.insert(V2.quizzes, {
			id: q.id,
			name: q.name,
			description_html: String(q.html ?? ''),
			passing_percentage_correct: q.passing_percentage_correct ?? 0,
			max_attempts: q.max_attempts ?? 0,
			require_correct_response: q.require_correct_response === true,
			randomize_questions: q.randomize_questions === true,
			limit_question_count: q.limit_question_count ?? 0,
			randomize_answers: q.randomize_answers === true,
			show_results_on_failure: q.show_results_on_failure === true,
			show_question_feedback: q.show_question_feedback === true,
			time_limit_seconds: q.time_limit_seconds ?? null,
			skip_start_screen: false,
			alignment: q.alignment ?? 'center',
			external_id: '',
			created_at: CREATED,
			modified_at: CREATED,
		});
	}
	const banks = store.collection('/v1/question-banks');
	for (const b of banks) {
		store.insert(V2.questionBanks, {
			id: b.id,
			name: b.name,
			external_id: '',
			created_at: CREATED,
			modified_at: CREATED,
		});
	}
	const quizzes = store.collection(V2.quizzes);
	if (quizzes[0] && banks[0]) {
		store.insert(V2.assignments, {
			id: sid('qba', 1),
			quiz_id: quizzes[0].id,
			question_bank_id: banks[0].id,
			order: 0,
			randomize_questions: false,
			limit_question_count: 0,
			created_at: CREATED,
			modified_at: CREATED,
		});
	}
	quizzes.forEach((quiz, i) => {
		store.insert(V2.questions, {
			id: sid('qst', i + 1),
			question_html: `<p>Question ${i + 1}</p>`,
			order: 0,
			question_type: 'MULTIPLE_CHOICE',
			case_sensitive: false,
			requires_manual_grading: false,
			is_graded: true,
			is_optional: false,
			correct_answer_feedback_html: '',
			incorrect_answer_feedback_html: '',
			answer_feedback_html: '',
			quiz_id: quiz.id,
			question_bank_id: null,
			external_id: '',
			created_at: CREATED,
			modified_at: CREATED,
			answers: [
				{ id: sid('ans', 2 * i + 1), answer_text: 'Yes', correct: true, order: 0 },
				{ id: sid('ans', 2 * i + 2), answer_text: 'No', correct: false, order: 1 },
			],
		});
	});

	for (const w of store.collection('/v1/web-packages')) {
		store.insert(V2.webPackages, {
			id: w.id,
			type: w.type,
			state: w.state ?? 'READY',
			title: w.title,
			display_name: w.title,
			base_path: `web-packages/${String(w.id)}/`,
			created_at: CREATED,
			modified_at: CREATED,
		});
	}

	seedProgressRecords(store);
}

/** Certificates for the seed's completed enrollments, and one rating. */
function seedProgressRecords(store: Store): void {
	const certificateId = counter('crt');
	const ratingId = counter('rtg');
	const valueId = counter('sfv');
	for (const pc of store.collection(V2.publishedCourses)) {
		const path = `/v1/domains/${String(pc.domain_name)}/published-courses/${String(pc.id)}/enrollments`;
		for (const e of store.collection(path)) {
			const userId = String(getField(e, 'user.id'));
			const progress = store
				.collection(`/v1/users/${userId}/published-courses`)
				.find((p) => p.enrollment_id === e.id);
			const completedAt = isRecord(progress?.course_progress)
				? progress.course_progress.completed_at
				: null;
			if (typeof completedAt !== 'string') continue;
			store.insert(V2.certificates, {
				id: certificateId(),
				code: `CERT-${String(e.id).toUpperCase()}`,
				issued_at: completedAt,
				expires_at: null,
				score_as_percent: 90,
				student_id: userId,
				course_id: pc.course_id,
				domain_name: pc.domain_name,
				enrollment_id: e.id,
			});
			store.insert(V2.ratings, {
				id: ratingId(),
				rating: 5,
				scale_max: 5,
				feedback: 'Clear and practical.',
				created_at: completedAt,
				student_id: userId,
				course_id: pc.course_id,
			});
		}
	}
	for (const d of store.collection('/v1/domains')) {
		const fields = store.collection(`/v1/domains/${String(d.name)}/signup-fields`);
		for (const u of store.collection(`/v1/domains/${String(d.name)}/users`)) {
			const userId = String(getField(u, 'user.id'));
			for (const v of store.collection(
				`/v1/domains/${String(d.name)}/users/${userId}/signup-fields`,
			)) {
				const fieldId = String(getField(v, 'signup_field.id'));
				const field = fields.find((f) => f.id === fieldId);
				store.insert(V2.signupFieldValues, {
					id: valueId(),
					label: String(field?.label ?? getField(v, 'signup_field.label') ?? ''),
					value: String(v.value ?? ''),
					student_id: userId,
					signup_field_id: fieldId,
					domain_name: d.name,
				});
			}
		}
	}
}
