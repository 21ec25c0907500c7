/**
 * Help text of API v2 fields whose label does not say enough, keyed by wire name (as the facts
 * name them: `filter[…]`, `attributes.…`, envelope members). Our own words, kept short (every
 * word is sent to the editor twice per action). Kept in one table so it can join the package's
 * wording table as it is.
 */
export const V2_FIELD_HELP: Readonly<Record<string, string>> = {
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
};
