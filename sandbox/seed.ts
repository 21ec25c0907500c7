// A small, fully deterministic demo organisation. Ids are fixed (readable prefix + counter, 13
// lowercase alphanumerics like Skilljar's), so tests can refer to seeded records through DEMO.

import {
	courseProgress,
	courseSummary,
	domainUser,
	enrollment,
	enrollmentPurchase,
	purchase,
	userFull,
	userOverview,
	userRef,
} from './records';
import type { Item, Store } from './store';

/** `sid('usr', 7)` → `usr0000000007`: fixed, readable 13-char ids. */
export function sid(prefix: string, n: number): string {
	return `${prefix}${String(n).padStart(13 - prefix.length, '0')}`;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

const FIRST = [
	'Ada',
	'Grace',
	'Alan',
	'Edsger',
	'Barbara',
	'Donald',
	'Frances',
	'Ken',
	'Margaret',
	'Linus',
];
const LAST = [
	'Lovelace',
	'Hopper',
	'Turing',
	'Dijkstra',
	'Liskov',
	'Knuth',
	'Allen',
	'Thompson',
	'Hamilton',
];
const COURSE_TITLES = [
	'Getting Started with Acme Cloud',
	'Acme Cloud Administration',
	'Security Fundamentals',
	'Building Integrations',
	'Advanced Reporting',
];

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
/** Fixed timestamps: `day` days after 6 Jan 2025 09:00 UTC (DRF renders `Z`). */
const at = (day: number, minutes = 0) =>
	new Date(T0 + day * 86400000 + minutes * 60000).toISOString().replace('.000Z', 'Z');

export const DOMAIN = 'academy.example.com';
export const PARTNER_DOMAIN = 'partners.example.com';

export const DEMO = {
	domainName: DOMAIN,
	partnerDomainName: PARTNER_DOMAIN,
	domainId: sid('dom', 1),
	courseIds: range(5).map((i) => sid('crs', i)),
	/** Published courses on academy.example.com, one per course (same order as courseIds). */
	publishedCourseIds: range(5).map((i) => sid('pcs', i)),
	publishedCourseId: sid('pcs', 1),
	partnerPublishedCourseIds: [sid('pcs', 6), sid('pcs', 7)],
	userIds: range(25).map((i) => sid('usr', i)),
	userId: sid('usr', 1),
	userEmail: 'ada.lovelace1@example.com',
	/** Enrollments in publishedCourseId (users 1–10). enrollmentIds[0] carries purchaseId. */
	enrollmentIds: range(10).map((i) => sid('enr', i)),
	groupIds: range(3).map((i) => sid('grp', i)),
	accessCodePoolId: sid('acp', 1),
	accessCodeIds: range(3).map((i) => sid('acc', i)),
	promoCodePoolId: sid('pcp', 1),
	promoCodeIds: range(3).map((i) => sid('prc', i)),
	offerIds: range(5).map((i) => sid('off', i)),
	courseSeriesId: sid('csr', 1),
	pathId: sid('pth', 1),
	publishedPathId: sid('ppt', 1),
	pathEnrollmentIds: range(3).map((i) => sid('ppe', i)),
	planId: sid('pln', 1),
	planEnrollmentIds: range(3).map((i) => sid('ple', i)),
	/** Three lessons per course: lessonIds[0..2] belong to courseIds[0], and so on. */
	lessonIds: range(15).map((i) => sid('les', i)),
	contentItemIds: range(15).map((i) => sid('lci', i)),
	quizIds: range(2).map((i) => sid('quz', i)),
	questionBankIds: range(2).map((i) => sid('qbk', i)),
	webPackageIds: range(2).map((i) => sid('wpk', i)),
	assetIds: range(3).map((i) => sid('ast', i)),
	iltInstructorEmails: ['trainer.one@example.com', 'trainer.two@example.com'],
	iltSessionIds: range(2).map((i) => sid('ils', i)),
	multiSessionEventId: sid('ime', 1),
	viltSessionIds: range(2).map((i) => sid('vss', i)),
	viltSessionEventIds: range(2).map((i) => sid('vse', i)),
	viltRegistrationIds: range(3).map((i) => sid('vsr', i)),
	trainingCreditCodeIds: range(2).map((i) => sid('tcc', i)),
	signupFieldIds: range(2).map((i) => sid('sgf', i)),
	purchaseId: sid('pur', 1),
	progressTokenIds: range(3).map((i) => sid('ptk', i)),
	/** Lesson progress of user 1 in publishedCourseId (lessons 1–3). */
	lessonProgressIds: range(3).map((i) => sid('lpr', i)),
	inviteId: sid('inv', 1),
} as const;

function makeUsers(): Item[] {
	return DEMO.userIds.map((id, i) => {
		const first = FIRST[i % FIRST.length];
		const last = LAST[i % LAST.length];
		return {
			id,
			email: `${first}.${last}${i + 1}@example.com`.toLowerCase(),
			first_name: first,
			last_name: last,
		};
	});
}

/** Load the demo organisation into an (empty) store. */
export function seed(store: Store): void {
	const users = makeUsers();
	const domains = [
		{
			id: DEMO.domainId,
			name: DOMAIN,
			catalog_title: 'Acme Academy',
			private: false,
			access: 'PUBLIC',
		},
		{
			id: sid('dom', 2),
			name: PARTNER_DOMAIN,
			catalog_title: 'Acme Partner Hub',
			private: true,
			access: 'PRIVATE_CODE',
		},
	];
	store.insertMany(
		'/v1/domains',
		domains.map((d) => ({ ...d, access_code_message_html: '', marketing_message: '' })),
	);

	// Users: the organisation-wide list plus domain memberships.
	store.insertMany(
		'/v1/users',
		users.map((u, i) => userOverview(u, at(i))),
		{ assignId: false },
	);
	store.insertMany(
		`/v1/domains/${DOMAIN}/users`,
		users.map((u, i) => domainUser(u, at(i))),
		{ assignId: false },
	);
	store.insertMany(
		`/v1/domains/${PARTNER_DOMAIN}/users`,
		users.slice(0, 5).map((u, i) => domainUser(u, at(i + 1))),
		{ assignId: false },
	);

	// Courses, lessons, content items.
	const courses = DEMO.courseIds.map((id, i) => ({
		id,
		title: COURSE_TITLES[i],
		short_description: `${COURSE_TITLES[i]} in under an hour.`,
		long_description_html: `<p>${COURSE_TITLES[i]}</p>`,
		enforce_sequential_navigation: i % 2 === 0,
		labels: i < 2 ? ['onboarding'] : ['advanced'],
		draft_origin_id: null,
		promo_image_url: '',
		display_course_and_lesson_time: false,
		manual_course_time: '',
		display_manual_course_time: false,
		course_and_lesson_time_format: 'HOURS_MINUTES',
		course_time: '0:45',
		created_at: at(-30 + i),
		modified_at: at(-10 + i),
		average_rating: 4.5,
	}));
	store.insertMany('/v1/courses', courses);
	const summaries = courses.map((c) => courseSummary(c, 3));

	const lessonTypes = ['HTML', 'ASSET', 'QUIZ'];
	DEMO.lessonIds.forEach((id, i) => {
		const courseIndex = Math.floor(i / 3);
		const type = lessonTypes[i % 3];
		store.insert('/v1/lessons', {
			id,
			course_id: DEMO.courseIds[courseIndex],
			title: `${COURSE_TITLES[courseIndex]} — part ${(i % 3) + 1}`,
			type,
			order: i % 3,
			content_asset_id: type === 'ASSET' ? DEMO.assetIds[0] : null,
			content_html: type === 'HTML' ? '<p>Welcome!</p>' : '',
			content_quiz_id: type === 'QUIZ' ? DEMO.quizIds[0] : null,
			content_web_package_id: null,
			description_html: '',
			display_fullscreen: false,
			optional: false,
			search_keywords: '',
			time_seconds: 600,
			tooltip_html: '',
		});
		store.insert(`/v1/lessons/${id}/content-items`, {
			id: DEMO.contentItemIds[i],
			lesson_id: id,
			header: 'Introduction',
			type: 'HTML',
			order: 0,
			content_html: '<p>Read this first.</p>',
			content_asset_id: '',
			content_quiz_id: '',
			content_rating_id: '',
		});
	});

	// Offers (one per published course on the main domain) and published courses.
	DEMO.offerIds.forEach((id, i) =>
		store.insert('/v1/offers', {
			id,
			course_series_id: '',
			published_path_id: '',
			published_course_id: DEMO.publishedCourseIds[i],
			plan_id: '',
			domain_name: DOMAIN,
			offer_type: 'published_course',
			price_cents: i === 0 ? 4900 : 0,
			currency_code: 'USD',
			price_credits: null,
			sku: `COURSE-${i + 1}`,
			max_quantity: 1,
			active: true,
			starts_at: at(-30),
			ends_at: at(365),
			linked_to_plan: false,
		}),
	);
	const offers = store.collection('/v1/offers');
	const offerSummary = (offer: Item) => ({
		id: offer.id,
		registration_open: true,
		registration_url: `https://${DOMAIN}/checkout/${String(offer.id)}`,
		price: { amount: (Number(offer.price_cents) / 100).toFixed(2), currency_code: 'USD' },
	});
	const publishedCourse = (id: string, domain: string, courseIndex: number, offer: Item | null) => {
		const slug = COURSE_TITLES[courseIndex].toLowerCase().replace(/[^a-z0-9]+/g, '-');
		return {
			id,
			course: {
				...summaries[courseIndex],
				short_description: courses[courseIndex].short_description,
				long_description_html: courses[courseIndex].long_description_html,
			},
			slug,
			course_url: `https://${domain}/${slug}`,
			hidden: false,
			strict_enforce_group_visibility: false,
			registration_required: true,
			registration_starts_at: null,
			registration_ends_at: null,
			restrict_access_start_end_dates: false,
			allow_self_service_reenroll: false,
			unique_progress_per_enrollment: false,
			require_all_prerequisites: false,
			timezone: null,
			offer: offer ? offerSummary(offer) : null,
		};
	};
	DEMO.publishedCourseIds.forEach((id, i) =>
		store.insert(
			`/v1/domains/${DOMAIN}/published-courses`,
			publishedCourse(id, DOMAIN, i, offers[i]),
		),
	);
	DEMO.partnerPublishedCourseIds.forEach((id, i) =>
		store.insert(
			`/v1/domains/${PARTNER_DOMAIN}/published-courses`,
			publishedCourse(id, PARTNER_DOMAIN, i, null),
		),
	);
	store.insert(`/v1/domains/${DOMAIN}/course-series`, {
		id: DEMO.courseSeriesId,
		title: 'Acme Cloud Essentials',
		visible_on_catalog: true,
		series_url: `https://${DOMAIN}/series/acme-cloud-essentials`,
		published_course_count: 2,
		offer: null,
	});
	store.insertMany(
		`/v1/domains/${DOMAIN}/course-series/${DEMO.courseSeriesId}/published-courses`,
		[0, 1].map((i) => publishedCourse(DEMO.publishedCourseIds[i], DOMAIN, i, offers[i])),
	);

	// A purchase (paid enrollment of user 1 in the first course).
	const thePurchase = purchase({
		id: DEMO.purchaseId,
		user: users[0],
		offer: offers[0],
		orderId: 'ord0000000001',
		purchasedAt: at(10),
	});
	store.insert('/v1/purchases', thePurchase);

	// Course enrollments: users 1–10 in the first published course, users 1–5 in the second.
	const enroll = (pcIndex: number, userIndex: number, enrollmentId: string, completed: boolean) => {
		const user = users[userIndex];
		const enrolledAt = at(10 + userIndex);
		const pcId = DEMO.publishedCourseIds[pcIndex];
		const withPurchase = pcIndex === 0 && userIndex === 0;
		store.insert(
			`/v1/domains/${DOMAIN}/published-courses/${pcId}/enrollments`,
			enrollment(enrollmentId, user, enrolledAt, {
				purchase: withPurchase ? enrollmentPurchase(thePurchase) : null,
			}),
		);
		store.insert(
			`/v1/users/${String(user.id)}/published-courses`,
			courseProgress({
				publishedCourseId: pcId,
				domainName: DOMAIN,
				enrollmentId,
				enrolledAt,
				course: summaries[pcIndex],
				progressId: `cp${enrollmentId.slice(2)}`,
				completedAt: completed ? at(20 + userIndex) : null,
			}),
			{ assignId: false },
		);
	};
	DEMO.enrollmentIds.forEach((id, i) => enroll(0, i, id, i < 3));
	range(5).forEach((i) => enroll(1, i - 1, sid('enr', 100 + i), false));

	// Lesson progress of user 1 in the first course.
	DEMO.lessonProgressIds.forEach((id, i) => {
		const lesson = store.collection('/v1/lessons')[i];
		const progress = {
			view_count: 2,
			last_viewed_on: at(12, i * 10),
			finished_at: at(12, i * 10 + 5),
			completed_at: at(12, i * 10 + 5),
			success_status: 'PASSED',
			score: 90,
			max_score: 100,
			custom_data: null,
			validation_status: null,
			validation_data: null,
		};
		store.insert('/v1/lesson-progress', { id, ...progress });
		store.insert(
			`/v1/users/${DEMO.userId}/published-courses/${DEMO.publishedCourseId}/lessons`,
			{
				lesson: { id: lesson.id, title: lesson.title },
				lesson_progress: {
					view_count: 2,
					last_viewed_on: progress.last_viewed_on,
					completed_at: progress.completed_at,
					success_status: 'PASSED',
					score: 90,
					max_score: 100,
					custom_data: null,
					lesson_progress_id: id,
				},
			},
			{ assignId: false },
		);
	});
	DEMO.progressTokenIds.forEach((id, i) =>
		store.insert('/v1/progresstokens', {
			id,
			completed_at: i === 0 ? at(15) : null,
			success_status: 'PASSED',
			score: i === 0 ? 100 : null,
			max_score: 100,
		}),
	);

	// Groups and memberships.
	const groupNames = ['Customers', 'Partners', 'Employees'];
	DEMO.groupIds.forEach((id, g) => {
		const members = users.filter((_, i) => i % 3 === g).slice(0, 6);
		store.insert('/v1/groups', {
			id,
			name: groupNames[g],
			user_count: members.length,
			discount_percent: g === 1 ? 20 : null,
			group_category_id: null,
			sign_up_field_rule: { enforce: false, require_match_all: false, options: [] },
			rule_email_domains: g === 2 ? ['acme.example.com'] : [],
		});
		members.forEach((u, m) => {
			store.insert(
				`/v1/groups/${id}/users`,
				{ user: userRef(u), created_at: at(5, m) },
				{ assignId: false },
			);
			store.insert(`/v1/users/${String(u.id)}/groups`, {
				id: sid('gmb', g * 100 + m + 1),
				group: { id, name: groupNames[g] },
				joined_at: at(5, m),
			});
		});
	});

	// Access codes.
	store.insert(`/v1/domains/${DOMAIN}/access-code-pools`, {
		id: DEMO.accessCodePoolId,
		name: 'Launch partners',
		active: true,
		start_date: at(0),
		end_date: null,
		expire_linked_to_domain_membership: false,
		channel: 'api',
		code_count: DEMO.accessCodeIds.length,
	});
	DEMO.accessCodeIds.forEach((id, i) =>
		store.insert(`/v1/domains/${DOMAIN}/access-code-pools/${DEMO.accessCodePoolId}/access-codes`, {
			id,
			code: `LAUNCH-${i + 1}`,
			active: i < 2,
			max_uses: 10,
			use_count: i,
			duration: 12,
			duration_unit: 'MONTHS',
			users: [],
		}),
	);
	store.insert(
		`/v1/groups/${DEMO.groupIds[1]}/access-code-pools`,
		{ access_code_pool: { id: DEMO.accessCodePoolId, name: 'Launch partners' }, created_at: at(3) },
		{ assignId: false },
	);

	// Promo codes.
	store.insert('/v1/promo-code-pools', {
		id: DEMO.promoCodePoolId,
		name: 'Spring sale',
		active: true,
		price_cents: null,
		percent_off: 25,
		starts_at: at(0),
		expires_at: at(120),
		expire_content: false,
		discount_type: 'PERCENT_OFF',
		single_use_per_user: true,
	});
	DEMO.promoCodeIds.forEach((id, i) =>
		store.insert('/v1/promo-codes', {
			id,
			code: `SPRING${25 + i}`,
			use_count: 0,
			max_uses: 100,
			active: i !== 2,
			promo_code_pool_id: DEMO.promoCodePoolId,
		}),
	);
	store.insert(`/v1/promo-code-pools/${DEMO.promoCodePoolId}/offers`, { ...offers[0] });

	// Path, published path, path enrollments.
	const pathObj = {
		id: DEMO.pathId,
		title: 'Acme Cloud Certified Admin',
		promo_image_url: '',
		short_description: 'Three courses to certification.',
		long_description_html: '',
		header_html: '',
		course_name_singular: 'course',
		course_name_plural: 'courses',
		path_item_count: 3,
	};
	store.insert('/v1/paths', pathObj);
	[0, 1, 2].forEach((i) =>
		store.insert(`/v1/paths/${DEMO.pathId}/path-items`, {
			id: sid('pti', i + 1),
			slug: String(publishedCourse(DEMO.publishedCourseIds[i], DOMAIN, i, null).slug),
			course: summaries[i],
		}),
	);
	store.insert(`/v1/domains/${DOMAIN}/published-paths`, {
		id: DEMO.publishedPathId,
		slug: 'certified-admin',
		path: pathObj,
		path_url: `https://${DOMAIN}/path/certified-admin`,
		hidden: false,
		strict_enforce_group_visibility: false,
		offer: null,
		unique_progress_per_enrollment: false,
		created_at: at(-5),
		modified_at: at(-5),
	});
	DEMO.pathEnrollmentIds.forEach((id, i) => {
		store.insert(
			`/v1/domains/${DOMAIN}/published-paths/${DEMO.publishedPathId}/published-path-enrollments`,
			enrollment(id, users[i], at(11 + i)),
		);
		store.insert(
			`/v1/users/${String(users[i].id)}/published-path-enrollments`,
			{
				published_path_id: DEMO.publishedPathId,
				domain_name: DOMAIN,
				enrolled_at: at(11 + i),
				expires_at: null,
				active: true,
				enrollment_id: id,
				published_path: { id: DEMO.publishedPathId, title: pathObj.title, course_count: 3 },
				published_path_progress: {
					path_progress_id: sid('ppp', i + 1),
					completed_course_count: i === 0 ? 1 : 0,
					completed_required_course_count: i === 0 ? 1 : 0,
					completed_at: null,
					latest_activity: at(12 + i),
				},
			},
			{ assignId: false },
		);
	});

	// Plan and plan enrollments.
	store.insert(`/v1/domains/${DOMAIN}/plan`, {
		id: DEMO.planId,
		name: 'All-access annual',
		slug: 'all-access',
		plan_url: `https://${DOMAIN}/plan/all-access`,
		offer: null,
		hidden: false,
		short_description: 'Every course, one year.',
	});
	DEMO.planEnrollmentIds.forEach((id, i) => {
		const user = users[10 + i];
		store.insert(
			`/v1/domains/${DOMAIN}/plan/${DEMO.planId}/plan-enrollments`,
			enrollment(id, user, at(30 + i), { expires_at: at(395 + i) }),
		);
		store.insert(
			`/v1/users/${String(user.id)}/plan-enrollments`,
			{
				plan_id: DEMO.planId,
				domain_name: DOMAIN,
				enrolled_at: at(30 + i),
				expires_at: at(395 + i),
				active: true,
				enrollment_id: id,
				plan: { id: DEMO.planId, title: 'All-access annual' },
			},
			{ assignId: false },
		);
	});

	// Signup fields and values.
	store.insertMany(`/v1/domains/${DOMAIN}/signup-fields`, [
		{
			id: DEMO.signupFieldIds[0],
			type: 'TEXT',
			label: 'Company',
			help_text: '',
			regex_validator: '',
			regex_validator_error_text: '',
			required: true,
			active: true,
			order: 0,
			options: [],
		},
		{
			id: DEMO.signupFieldIds[1],
			type: 'PICKLIST',
			label: 'Role',
			help_text: '',
			regex_validator: '',
			regex_validator_error_text: '',
			required: false,
			active: true,
			order: 1,
			options: [
				{ id: sid('sfo', 1), value: 'Admin' },
				{ id: sid('sfo', 2), value: 'Developer' },
			],
		},
	]);
	users
		.slice(0, 3)
		.forEach((u) =>
			store.insert(
				`/v1/domains/${DOMAIN}/users/${String(u.id)}/signup-fields`,
				{ signup_field: { id: DEMO.signupFieldIds[0], label: 'Company' }, value: 'Acme Corp' },
				{ assignId: false },
			),
		);
	store.insert(`/v1/domains/${DOMAIN}/users/${DEMO.userId}/invites`, {
		id: DEMO.inviteId,
		token: 'tok0000000001',
		sent_at: at(1),
		used_at: at(2),
		invite_url: `https://${DOMAIN}/accounts/invite/tok0000000001`,
	});

	// Quizzes, questions banks, web packages, assets.
	DEMO.quizIds.forEach((id, i) =>
		store.insert('/v1/quizzes', {
			id,
			name: i === 0 ? 'Acme Cloud basics check' : 'Security final exam',
			html: '',
			passing_percentage_correct: 80,
			show_results_on_failure: true,
			max_attempts: 3,
			require_correct_response: false,
			randomize_questions: false,
			limit_question_count: 0,
			randomize_answers: true,
			time_limit_seconds: null,
			show_question_feedback: true,
			alignment: 'left',
		}),
	);
	DEMO.questionBankIds.forEach((id, i) =>
		store.insert('/v1/question-banks', {
			id,
			name: `Question bank ${i + 1}`,
			question_count: 5,
			quiz_association_count: 1,
		}),
	);
	DEMO.webPackageIds.forEach((id, i) =>
		store.insert('/v1/web-packages', {
			id,
			type: 'SCORM_12',
			download_url: `https://assets.example.com/web-packages/${id}.zip`,
			redirect_on_completion: false,
			state: 'READY',
			sync_completion: true,
			title: `Interactive module ${i + 1}`,
		}),
	);
	const assetTypes = ['VIDEO_BOTR', 'PDF', 'FILE'];
	DEMO.assetIds.forEach((id, i) =>
		store.insert('/v1/assets', {
			id,
			type: assetTypes[i],
			embed_link_url: '',
			// Where the file is stored; reads answer with a signed link to it (sandbox/files.ts).
			download_url: `https://assets.example.com/${id}/asset-${i + 1}.${['mp4', 'pdf', 'zip'][i]}`,
			name: `asset-${i + 1}.${['mp4', 'pdf', 'zip'][i]}`,
			aspect_ratio: '16:9',
			sync_completion: false,
		}),
	);

	// Instructor-led training.
	DEMO.iltInstructorEmails.forEach((email, i) =>
		store.insert(
			'/v1/ilt-instructors',
			{ email, name: i === 0 ? 'Terry Trainer' : 'Tess Teacher', providers: ['zoom.meeting'] },
			{ assignId: false },
		),
	);
	store.insert('/v1/ilt-multi-session-events', {
		id: DEMO.multiSessionEventId,
		lesson: DEMO.lessonIds[3],
		display_name: 'Admin bootcamp (3 days)',
		seats_total: 20,
	});
	DEMO.iltSessionIds.forEach((id, i) =>
		store.insert('/v1/ilt-sessions', {
			id,
			instructor_email: DEMO.iltInstructorEmails[i],
			provider: 'zoom.meeting',
			lesson: DEMO.lessonIds[3],
			multi_session_event: DEMO.multiSessionEventId,
			display_name: `Admin bootcamp day ${i + 1}`,
			starts_at: at(40 + i),
			ends_at: at(40 + i, 120),
			timezone: 'America/New_York',
		}),
	);
	DEMO.viltSessionEventIds.forEach((id, i) =>
		store.insert('/v1/vilt-session-events', {
			id,
			vilt_session: {
				id: DEMO.viltSessionIds[i],
				lesson: {
					id: DEMO.lessonIds[3],
					title: 'Live admin walkthrough',
					course_id: DEMO.courseIds[1],
				},
				display_name: `Live walkthrough #${i + 1}`,
				instructor_name: 'Terry Trainer',
				seats_total: 25,
				registration_count: i === 0 ? 2 : 1,
			},
			starts_at: at(45 + i * 7),
			ends_at: at(45 + i * 7, 90),
			location: 'Zoom',
			event_location: { name: 'Zoom', info_url: 'https://zoom.example.com/j/123', is_active: true },
			timezone: 'UTC',
		}),
	);
	DEMO.viltRegistrationIds.forEach((id, i) =>
		store.insert('/v1/vilt-session-registrations', {
			id,
			attended: false,
			vilt_session: { id: DEMO.viltSessionIds[i === 2 ? 1 : 0] },
			user: userFull(users[i]),
		}),
	);

	// Training credits.
	DEMO.trainingCreditCodeIds.forEach((id, i) =>
		store.insert('/v1/training-credit-codes', {
			id,
			training_credit_code: `CREDITS-${i + 1}`,
			credits_used: i * 5,
			credits_total: 50,
			expiration_date: null,
			expire_content: false,
			tracking_identifier: `PO-100${i}`,
			available_to_all_students: true,
			available_for_all_offers: true,
		}),
	);
}
