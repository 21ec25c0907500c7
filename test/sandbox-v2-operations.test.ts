import { sid, DEMO } from '../sandbox/seed';
import type { Sandbox } from '../sandbox/server';
import { V2_OPERATIONS } from '../sandbox/v2/document';
import { HANDLERS } from '../sandbox/v2/handlers';
import { check } from '../sandbox/v2/schema';
import { useTestSandbox } from './harness/sandbox';
import { callV2, v2Token, type Json } from './harness/sandbox-v2';

/**
 * Every one of the document's 82 operations answers a valid request with a status the document
 * lists for success, and with a body that conforms to the document's answer schema (strictly: a
 * field the schema lacks fails too).
 */

let sandbox: Sandbox;
useTestSandbox((s) => (sandbox = s), 'all');

interface Call {
	path: string;
	body?: unknown;
	headers?: Record<string, string>;
	/** No Bearer token (the three auth endpoints). */
	anonymous?: boolean;
}

const COURSE = DEMO.courseIds[0];
const PC = DEMO.publishedCourseIds[0];
const GROUP = DEMO.groupIds[0];
const QUIZ = DEMO.quizIds[0];
const BANK = DEMO.questionBankIds[0];
const WEB_PACKAGE = DEMO.webPackageIds[0];
const QUESTION = sid('qst', 1);
const CERTIFICATE = sid('crt', 1);
const SIGNUP_VALUE = sid('sfv', 1);
/** Ids the calls address by path, for the unknown-id checks. */
const DEMO_IDS = {
	client: 'sandbox-client',
	student: DEMO.userId,
	lesson: DEMO.lessonIds[0],
	course: COURSE,
	certificate: CERTIFICATE,
	group: GROUP,
	group2: DEMO.groupIds[1],
	enrollment: DEMO.enrollmentIds[0],
	quiz: QUIZ,
	bank: BANK,
	question: QUESTION,
	published: PC,
	partner: DEMO.partnerPublishedCourseIds[1],
	domain: DEMO.domainId,
	value: SIGNUP_VALUE,
	webPackage: WEB_PACKAGE,
};
const one = (type: string, attributes: Json, extra: Json = {}) => ({
	data: [{ type, attributes, ...extra }],
});
const ids = (type: string, ...list: string[]) => ({ data: list.map((id) => ({ type, id })) });

/** One valid request per operation, by operationId. */
const CALLS: Record<string, Call> = {
	api_v2_oauth_tokens_endpoints_token_exchange: {
		path: '/v2/auth/token',
		anonymous: true,
		body: {
			grant_type: 'client_credentials',
			client_id: 'sandbox-client',
			client_secret: 'sandbox-client-secret',
		},
	},
	api_v2_oauth_tokens_endpoints_revoke_token_endpoint: {
		path: '/v2/auth/revoke',
		anonymous: true,
		body: { token: 'unused-refresh-token' },
	},
	register_oauth_client: {
		path: '/v2/oauth/register',
		anonymous: true,
		body: { client_name: 'Reporting', redirect_uris: ['https://example.org/cb'] },
	},
	list_clients: { path: '/v2/clients/' },
	create_client: { path: '/v2/clients/', body: { name: 'Reporting', scope_preset: 'read-only' } },
	rotate_client_secret: { path: '/v2/clients/sandbox-client/rotate-secret' },
	get_client: { path: '/v2/clients/sandbox-client' },
	update_client: { path: '/v2/clients/sandbox-client', body: { description: 'Sandbox' } },
	deactivate_client: { path: '/v2/clients/sandbox-client' },
	list_scopes: { path: '/v2/scopes/' },
	list_students: { path: '/v2/students/?filter%5Bis_inactive%5D=false&page%5Bsize%5D=5' },
	create_students: {
		path: '/v2/students/',
		body: one('students', { email: 'new@example.org', first_name: 'N' }),
	},
	update_students: {
		path: '/v2/students/',
		body: { data: [{ type: 'students', id: DEMO.userId, attributes: { first_name: 'Augusta' } }] },
	},
	get_student: { path: `/v2/students/${DEMO.userId}` },
	deactivate_student: { path: `/v2/students/${DEMO.userId}` },
	anonymize_student: {
		path: `/v2/students/${DEMO.userId}/anonymize/`,
		headers: { 'X-Confirm-Destructive': 'true' },
	},
	send_password_reset: {
		path: `/v2/students/${DEMO.userId}/send-password-reset/?domain=${DEMO.domainName}`,
	},
	set_student_password: {
		path: `/v2/students/${DEMO.userId}/set-password/`,
		body: { data: { type: 'password-sets', attributes: { password: 'correct horse battery' } } },
	},
	list_lessons: { path: `/v2/lessons/?filter%5Bcourse_id%5D=${COURSE}&filter%5Btype%5D=HTML` },
	create_lessons: {
		path: '/v2/lessons/',
		body: one('lessons', { course_id: COURSE, type: 'HTML', title: 'Intro' }),
	},
	update_lessons: {
		path: '/v2/lessons/',
		body: { data: [{ type: 'lessons', id: DEMO.lessonIds[0], attributes: { title: 'Welcome' } }] },
	},
	get_lesson: { path: `/v2/lessons/${DEMO.lessonIds[0]}` },
	list_courses: { path: '/v2/courses/?filter%5Btitle%5D=acme' },
	create_courses: { path: '/v2/courses/', body: one('courses', { title: 'New course' }) },
	update_courses: {
		path: '/v2/courses/',
		body: { data: [{ type: 'courses', id: COURSE, attributes: { title: 'Renamed' } }] },
	},
	get_course: { path: `/v2/courses/${COURSE}` },
	get_course_analytics: {
		path: `/v2/analytics/courses/${COURSE}?filter%5Bdomains%5D=${DEMO.domainName}`,
	},
	list_course_ratings: { path: `/v2/analytics/courses/${COURSE}/ratings/` },
	get_certificate: { path: `/v2/certificates/${CERTIFICATE}` },
	list_certificates: { path: '/v2/certificates/?filter%5Bstatus%5D=active' },
	list_groups: { path: '/v2/groups/?filter%5Bname%5D=part' },
	create_groups: { path: '/v2/groups/', body: one('groups', { name: 'Resellers' }) },
	update_groups: {
		path: '/v2/groups/',
		body: { data: [{ type: 'groups', id: GROUP, attributes: { name: 'Clients' } }] },
	},
	delete_groups: { path: '/v2/groups/', body: ids('groups', GROUP) },
	get_group: { path: `/v2/groups/${GROUP}` },
	list_visibility_overrides: {
		path: `/v2/groups/${GROUP}/relationships/published-course-visibility/`,
	},
	add_visibility_overrides: {
		path: `/v2/groups/${GROUP}/relationships/published-course-visibility/`,
		body: one('visibility-overrides', { published_course_id: PC, is_visible: true }),
	},
	remove_visibility_overrides: {
		path: `/v2/groups/${DEMO.groupIds[1]}/relationships/published-course-visibility/`,
		body: one('visibility-overrides', { published_course_id: DEMO.partnerPublishedCourseIds[0] }),
	},
	add_group_memberships: {
		path: `/v2/groups/${GROUP}/relationships/students/`,
		body: ids('students', DEMO.userIds[1]),
	},
	remove_group_memberships: {
		path: `/v2/groups/${GROUP}/relationships/students/`,
		body: ids('students', DEMO.userId),
	},
	bulk_enroll_students: {
		path: '/v2/enrollments/',
		body: {
			published_course_id: DEMO.publishedCourseIds[3],
			...one('enrollments', { email: 'learner@example.org' }),
		},
	},
	update_enrollments: {
		path: '/v2/enrollments/',
		body: {
			data: [
				{
					type: 'enrollments',
					id: DEMO.enrollmentIds[4],
					attributes: { due_at: '2031-01-01T00:00:00Z' },
				},
			],
		},
	},
	list_enrollments: {
		path: '/v2/enrollments/?include=student,purchase,certificate&filter%5Bprogress_status%5D=completed,not_started',
	},
	complete_enrollments: {
		path: '/v2/enrollments/completion',
		body: {
			send_notifications: false,
			data: [
				{
					type: 'enrollments',
					id: DEMO.enrollmentIds[6],
					attributes: { success_status: 'passed' },
				},
			],
		},
	},
	get_enrollment: { path: `/v2/enrollments/${DEMO.enrollmentIds[0]}?include=certificate` },
	list_quizzes: { path: '/v2/quizzes/?filter%5Bupdated_since%5D=2024-01-01T00%3A00%3A00Z' },
	create_quizzes: {
		path: '/v2/quizzes/',
		body: one('quizzes', { name: 'Check', alignment: 'left' }),
	},
	update_quizzes: {
		path: '/v2/quizzes/',
		body: { data: [{ type: 'quizzes', id: QUIZ, attributes: { max_attempts: 2 } }] },
	},
	delete_quizzes: { path: '/v2/quizzes/', body: ids('quizzes', QUIZ) },
	get_quiz: { path: `/v2/quizzes/${QUIZ}` },
	list_quiz_question_bank_assignments: { path: `/v2/quizzes/${QUIZ}/question-banks/` },
	bind_quiz_question_banks: {
		path: `/v2/quizzes/${QUIZ}/question-banks/`,
		body: one('question-bank-assignments', { question_bank_id: DEMO.questionBankIds[1] }),
	},
	update_quiz_question_banks: {
		path: `/v2/quizzes/${QUIZ}/question-banks/`,
		body: one('question-bank-assignments', { question_bank_id: BANK, limit_question_count: 3 }),
	},
	unbind_quiz_question_banks: {
		path: `/v2/quizzes/${QUIZ}/question-banks/`,
		body: one('question-bank-assignments', { question_bank_id: BANK }),
	},
	list_question_banks: { path: '/v2/question-banks/?filter%5Bname%5D=question%20bank%201' },
	create_question_banks: {
		path: '/v2/question-banks/',
		body: one('question-banks', { name: 'Pool' }),
	},
	update_question_banks: {
		path: '/v2/question-banks/',
		body: { data: [{ type: 'question-banks', id: BANK, attributes: { name: 'Pool A' } }] },
	},
	delete_question_banks: { path: '/v2/question-banks/', body: ids('question-banks', BANK) },
	get_question_bank: { path: `/v2/question-banks/${BANK}` },
	list_questions: { path: `/v2/questions/?filter%5Bquiz_id%5D=${QUIZ}` },
	create_questions: {
		path: '/v2/questions/',
		body: one('questions', {
			question_bank_id: BANK,
			question_html: '<p>2 + 2?</p>',
			question_type: 'MULTIPLE_CHOICE',
			answers: [{ answer_text: '4', correct: true }, { answer_text: '5' }],
		}),
	},
	update_questions: {
		path: '/v2/questions/',
		body: { data: [{ type: 'questions', id: QUESTION, attributes: { is_optional: true } }] },
	},
	delete_questions: { path: '/v2/questions/', body: ids('questions', QUESTION) },
	get_question: { path: `/v2/questions/${QUESTION}` },
	list_published_courses: {
		path: `/v2/published-courses/?include=course,domain&filter%5Bdomain%5D=${DEMO.domainId}`,
	},
	publish_courses: {
		path: '/v2/published-courses/',
		body: {
			data: [
				{
					type: 'published-courses',
					attributes: { is_hidden: true },
					relationships: {
						course: { data: { type: 'courses', id: DEMO.courseIds[4] } },
						domain: { data: { type: 'domains', id: sid('dom', 2) } },
					},
				},
			],
		},
	},
	update_published_courses: {
		path: '/v2/published-courses/',
		body: { data: [{ type: 'published-courses', id: PC, attributes: { is_hidden: true } }] },
	},
	unpublish_published_course: { path: `/v2/published-courses/${PC}/unpublish/` },
	republish_published_course: {
		path: `/v2/published-courses/${DEMO.partnerPublishedCourseIds[1]}/publish/`,
	},
	get_published_course: { path: `/v2/published-courses/${PC}` },
	delete_published_course: { path: `/v2/published-courses/${PC}` },
	list_domains: { path: '/v2/domains/?filter%5Baccess%5D=PUBLIC&include=theme' },
	get_domain: { path: `/v2/domains/${DEMO.domainId}` },
	create_signup_field_values: {
		path: '/v2/signup-field-values/',
		body: {
			student_id: DEMO.userIds[4],
			data: [
				{
					type: 'signup-field-values',
					id: DEMO.signupFieldIds[0],
					attributes: { value: 'Initech' },
				},
			],
		},
	},
	update_signup_field_values: {
		path: '/v2/signup-field-values/',
		body: {
			data: [{ type: 'signup-field-values', id: SIGNUP_VALUE, attributes: { value: 'Globex' } }],
		},
	},
	list_signup_field_values: {
		path: `/v2/signup-field-values/?filter%5Bstudent.id%5D=${DEMO.userId}`,
	},
	get_signup_field_value: { path: `/v2/signup-field-values/${SIGNUP_VALUE}` },
	list_web_packages: { path: '/v2/web-packages/' },
	create_web_packages: {
		path: '/v2/web-packages/',
		body: one('web-packages', {
			content_url: 'https://files.example.org/module.zip',
			title: 'Module',
		}),
	},
	update_web_packages: {
		path: '/v2/web-packages/',
		body: { data: [{ type: 'web-packages', id: WEB_PACKAGE, attributes: { title: 'Module 1' } }] },
	},
	get_web_package: { path: `/v2/web-packages/${WEB_PACKAGE}` },
	delete_web_package: { path: `/v2/web-packages/${WEB_PACKAGE}` },
};

describe('sandbox v2: every operation of the document answers', () => {
	test('the document has 82 operations; each has a handler and a call here', () => {
		expect(V2_OPERATIONS).toHaveLength(82);
		expect(V2_OPERATIONS.map((op) => op.operationId).filter((id) => !HANDLERS[id])).toEqual([]);
		expect(Object.keys(CALLS).sort()).toEqual(V2_OPERATIONS.map((op) => op.operationId).sort());
	});

	test.each(V2_OPERATIONS.map((op) => [op.operationId, op] as const))('%s', async (_id, op) => {
		const call = CALLS[op.operationId];
		const token = call.anonymous ? undefined : await v2Token(sandbox);
		sandbox.clearRequests();
		const answer = await callV2(sandbox, op.method, call.path, {
			token,
			body: call.body,
			headers: call.headers,
		});
		expect(answer.status).toBe(op.status);
		const schema = op.responses[op.status];
		if (schema) expect(check(schema, answer.body)).toEqual([]);
		if (answer.status === 204) expect(answer.body).toBeUndefined();
		// Success means success for every item of a batch.
		if (answer.body && typeof (answer.body as Json).summary === 'object') {
			expect(((answer.body as Json).summary as Json).failed).toBe(0);
		}
		expect(sandbox.requests.map((r) => r.template)).toEqual([op.path]);
	});
});

describe('sandbox v2: error answers have the document’s shapes', () => {
	const authed = V2_OPERATIONS.filter((op) => op.scopes.length > 0);

	test.each(authed.map((op) => [op.operationId, op] as const))(
		'%s: 401 without a token',
		async (_id, op) => {
			const call = CALLS[op.operationId];
			const answer = await callV2(sandbox, op.method, call.path, {
				body: call.body,
				headers: call.headers,
			});
			expect(answer.status).toBe(401);
			expect(op.statuses).toContain(401);
			expect(check(op.responses[401] ?? {}, answer.body)).toEqual([]);
		},
	);

	const byId = authed.filter((op) =>
		/\{(id|quiz_id|course_id|signup_field_value_id)\}/.test(op.path),
	);
	test.each(byId.map((op) => [op.operationId, op] as const))(
		'%s: 404 for an unknown id',
		async (_id, op) => {
			const call = CALLS[op.operationId];
			const token = await v2Token(sandbox);
			const known = Object.values(DEMO_IDS).find((id) => call.path.includes(id));
			expect(known).toBeDefined();
			const path = call.path.replace(String(known), 'zzzzzzzzzzzzz');
			const answer = await callV2(sandbox, op.method, path, {
				token,
				body: call.body,
				headers: call.headers,
			});
			expect(answer.status).toBe(404);
			expect(op.statuses).toContain(404);
			expect(check(op.responses[404] ?? {}, answer.body)).toEqual([]);
		},
	);
});
