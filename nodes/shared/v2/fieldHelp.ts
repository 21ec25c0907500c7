/**
 * Help text of API v2 fields whose label does not say enough, keyed by wire name (as the facts
 * name them: `filter[…]`, `attributes.…`, envelope members). Our own words. Kept in one table so
 * it can join the package's wording table as it is.
 */
export const V2_FIELD_HELP: Readonly<Record<string, string>> = {
	'filter[enrolled_gte]': 'Only enrollments made at or after this time',
	'filter[enrolled_lte]': 'Only enrollments made at or before this time',
	'filter[completed_gte]': 'Only enrollments completed at or after this time',
	'filter[completed_lte]': 'Only enrollments completed at or before this time',
	'filter[issued_gte]': 'Only certificates issued at or after this time',
	'filter[issued_lte]': 'Only certificates issued at or before this time',
	'filter[updated_since]': 'Only records changed at or after this time (ISO 8601)',
	'filter[progress_status]':
		'Comma-separated progress states to keep: completed, in_progress, not_started',
	'filter[domains]': 'Comma-separated training site (domain) names; names that match none give nothing',
	'filter[status]': 'Whether to list certificates that are still valid, expired ones, or all',
	'filter[active]': 'Whether to list only active enrollments (on) or only inactive ones (off)',
	'filter[is_inactive]': 'Whether to list only deactivated students (on) or only active ones (off)',
	'filter[live]':
		'Whether to list only published courses that are live (on) or only ones that are not (off)',
	include:
		'Comma-separated related records to embed in each item (e.g. student, purchase, certificate for enrollments; course, domain for published courses)',
	published_course_id: 'The published course every email of this request is enrolled in',
	expires_at: 'When the enrollments of this request end; must lie in the future',
	send_notifications: 'Whether Skilljar emails the students about the completion change',
	student_id: 'The student whose signup answers these are',
	'attributes.is_inactive':
		'Whether the student’s profile is deactivated (on) or reactivated (off); enrollments stay as they are',
	'attributes.email':
		'The student’s email. In a bulk update it identifies the student when no Student ID is given; it cannot be changed here.',
	'attributes.success_status': 'Whether the completion counts as passed or failed',
	'attributes.completed_at': 'When the enrollment was completed; empty removes the completion',
	'attributes.content_items': 'The lesson’s content blocks, as a JSON list',
	'attributes.answers': 'The question’s answers, as a JSON list of objects',
	'attributes.created_by_email': 'Email of the admin recorded as the course’s author',
	'attributes.visibility_override_type': 'How group visibility overrides apply to this published course',
	'attributes.rule_email_domains': 'Email domains whose students join the group automatically',
	scope_codenames: 'Scopes the client may use, e.g. students:read, enrollments:write (see Get Many Scopes)',
	scope_preset: 'A named bundle of scopes instead of a list (see Get Many Scopes)',
	ip_allowlist: 'Addresses or ranges the client may call from; empty allows any',
	domain: 'Training site whose password-reset page the email links to',
};
