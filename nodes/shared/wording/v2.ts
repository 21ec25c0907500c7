import type { Wording } from './types';

/**
 * Help text for the fields of Skilljar's API v2 (format and key rules: ./types.ts), keyed by wire
 * name as the facts name them (`filter[…]`, `attributes.…`, envelope members). Kept short: every
 * word is sent to the editor twice per action.
 */
export const V2_WORDING: Wording = {
	// ---- Filters, attributes and envelope members
	'filter[updated_since]': 'Only records changed since then',
	'filter[progress_status]': 'Comma-separated: completed, in_progress, not_started',
	'filter[domains]': 'Comma-separated training site names',
	'filter[active]': 'Whether to keep active (on) or inactive (off) enrollments',
	'filter[is_inactive]': 'Whether to keep deactivated (on) or active (off) students',
	'filter[live]': 'Whether to keep live (on) or unlisted (off) published courses',
	include: 'Comma-separated related records to fold in, e.g. student,purchase',
	published_course_id: 'Every email of the request is enrolled in it',
	expires_at: 'When these enrollments end (in the future)',
	send_notifications: 'Whether Skilljar emails the students',
	student_id: 'The student who gave these answers',
	'attributes.is_inactive': 'Whether the profile is deactivated (on) or reactivated (off)',
	'attributes.email': 'Identifies the student if no Student ID is set',
	'attributes.completed_at': 'Empty removes the completion',
	'attributes.content_items': 'The content blocks, as a JSON list',
	'attributes.answers': 'The answers, as a JSON list of objects',
	'attributes.rule_email_domains': 'Students with these email domains join automatically',
	scope_codenames: 'e.g. students:read, enrollments:write',
	scope_preset: 'A named bundle of scopes',
	ip_allowlist: 'Addresses the client may call from; empty: any',
	domain: 'Training site whose reset page the email links to',

	// ---- Filters
	'filter[email]': 'Only the student with exactly this email (letter case ignored)',
	'filter[first_name]': 'Only students with exactly this first name',
	'filter[last_name]': 'Only students with exactly this last name',
	'filter[student.email]': 'Only enrollments of the student with this email (letter case ignored)',
	'filter[title]': 'Only {records} with exactly this title (letter case ignored)',
	'filter[name]': 'Only {records} with exactly this name',
	'group/filter[name]': 'Only groups whose name contains this text (letter case ignored)',
	'filter[type]': 'Only lessons of this kind, e.g. HTML, QUIZ, MODULAR; an unknown kind is refused',
	'filter[access]': 'Only domains with this catalog access: public, login required, or access code required',
	'filter[category_id]': 'Only groups in this group category (its ID); an unknown ID finds nothing',
	'filter[is_visible]':
		'Whether to list only overrides that show the course to the group (on) or only ones that hide it (off); leave the filter out for both',
	'filter[signup-field.id]': 'Only answers to this signup field (its ID); an unknown ID finds nothing',

	'filter[status]': 'Which certificates: still valid, expired, or all',
	'filter[domain]': 'Only published courses on this domain (its ID); an unknown ID finds nothing',
	'filter[course]': 'Only published courses of this course (its ID); an unknown ID finds nothing',

	// ---- Record attributes
	'attributes.created_by_email': 'Email of the admin recorded as the course’s author',
	'attributes.visibility_override_type': 'How group visibility overrides apply to this published course',
	'attributes.success_status': 'Whether the completion counts as passed or failed',
	'attributes.title': 'Title learners see',
	'attributes.name': 'Name of the {record}',
	'group/attributes.name': 'Name of the group; must be unique in your organization (letter case counts)',
	'attributes.first_name': 'First name of the student',
	'attributes.last_name': 'Last name of the student',
	'attributes.password': 'The student’s new password; it must meet your organization’s password rules',
	'attributes.value': 'The student’s answer to the signup field, as text',
	'attributes.active': 'Whether the enrollment is in effect; an inactive one stays stored but grants nothing',
	'attributes.short_description': 'Short plain-text summary shown on catalog tiles',
	'attributes.long_description_html': 'Full description shown on the detail page, as HTML',
	'attributes.description_html': 'Description of the {record}, as HTML',
	'attributes.content_html': 'Content of the lesson, as HTML (for HTML lessons)',
	'attributes.content_url': 'Web address of the package file Skilljar should download and store',
	'attributes.type': 'Kind of lesson: HTML, modular or quiz',
	'attributes.order':
		'Position among its siblings: lower numbers come first. Leave empty to put it after the last one; Skilljar does not move siblings that end up with the same number',
	'attributes.slug':
		'Last part of the web address on the domain (learn.example.com/<slug>). Changing it breaks links already shared',
	'attributes.enforce_sequential_navigation': 'Whether learners must take the lessons in order',
	'attributes.is_hidden': 'Whether the course is left out of the catalog except for the groups it is shown to',
	'attributes.visible_on_catalog': 'Whether the course appears in the domain’s catalog',
	'attributes.open_access':
		'Whether anyone can open the course without registering; Skilljar then keeps no per-learner analytics',
	'attributes.strict_enforce_group_visibility':
		'Whether learners the course is not visible to are also blocked from opening it by its address',
	'attributes.restrict_access_start_end_dates':
		'Whether the course can only be opened between its registration start and end dates',
	'attributes.allow_self_service_reenroll': 'Whether learners who completed the course can enroll again by themselves',
	'attributes.unique_progress_per_enrollment':
		'Whether each new enrollment starts a fresh progress record instead of continuing the old one',
	'attributes.require_all_prerequisites': 'Whether every prerequisite must be completed (otherwise one is enough)',
	'attributes.send_course_enrollment_email': 'Whether members of the group get Skilljar’s course enrollment emails',
	'attributes.is_visible':
		'Whether the group sees the course although it is hidden by default (on) or never sees it (off). When removing, say which of the two overrides to remove',
	'attributes.alignment': 'Alignment of the quiz’s description and start screen',
	'attributes.max_attempts': 'How many times a learner may take the quiz. 0: no limit',
	'attributes.limit_question_count': 'How many questions each learner gets, picked at random. 0: every question',
	'attributes.passing_percentage_correct': 'Percentage of correct answers needed to pass',
	'attributes.randomize_answers': 'Whether learners see the answers of each question in a random order',
	'attributes.randomize_questions': 'Whether learners see the questions in a random order',
	'attributes.require_correct_response':
		'Whether a learner must answer each question correctly before the next; attempts are then unlimited',
	'attributes.show_question_feedback': 'Whether learners see feedback on their answers to automatically graded questions',
	'attributes.show_results_on_failure': 'Whether learners who fail see their answers and which were right',
	'attributes.skip_start_screen': 'Whether the quiz opens at the first question, without its start screen and description',
	'attributes.time_limit_seconds': 'Time allowed for the quiz, in seconds. Leave empty for no limit',
	'attributes.question_html': 'The question itself, as HTML; it cannot be empty',
	'attributes.question_type':
		'Kind of question: multiple choice (one answer), multiple answer, fill in the blank or free text',
	'attributes.case_sensitive': 'Whether answers must match upper and lower case (fill-in-the-blank questions only)',
	'attributes.requires_manual_grading': 'Whether a dashboard user grades the answers to this question by hand',
	'attributes.is_graded': 'Whether a right answer to this question adds to the quiz score',
	'attributes.is_optional': 'Whether learners may skip the question',
	'attributes.correct_answer_feedback_html': 'Shown after a correct answer, as HTML',
	'attributes.incorrect_answer_feedback_html': 'Shown after a wrong answer, as HTML',
	'attributes.answer_feedback_html': 'Shown after every answer, right or wrong, as HTML; empty removes it',

	// ---- API clients
	name: 'Name that tells this API client apart in Skilljar',
	description: 'What the API client is for, for the people who manage it',
};
