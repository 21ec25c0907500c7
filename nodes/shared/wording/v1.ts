import type { Wording } from './types';

/** Help text for the fields of Skilljar's API v1 (format and key rules: ./types.ts). */
export const V1_WORDING: Wording = {
	// ---- IDs that are not named after their record
	'path:id': 'The record’s ID, as its id field in Skilljar’s answers',
	'path:event':
		'Event type whose sample to fetch: the latest real event of that type on the account, or a made-up one',
	lesson:
		'ID of the lesson the {record} belongs to (a live-training lesson). Set either this or Multi-Session Event',
	'ilt multi-session event/lesson': 'ID of the live-training lesson the multi-session event belongs to',
	multi_session_event:
		'ID of the multi-session event this session is part of. Set either this or Lesson',
	quiz: 'ID of the quiz the question belongs to. Set either this or Quiz Question Bank',
	quiz_question_bank: 'ID of the question bank the question belongs to. Set either this or Quiz',
	enrollment_id:
		'ID of the course enrollment to register for the session (from Skilljar Domain › Course Enrollment)',
	lesson_id: 'ID of the lesson the content item belongs to',
	'lesson_progress.lesson_progress_id': 'ID of the lesson progress record to change',
	published_course_id:
		'ID of the published course (the course as offered on one domain, not the course itself)',
	'access_code.id': 'ID of the access code to record for the user (replaces the one they joined with)',
	'access_code_pool.id': 'ID of the access code pool to link to the group',
	'vilt_session.id': 'ID of the VILT session to register for',
	domain_id: 'ID of the domain (training site) the license package is for; not its name',

	// ---- Domain user filters: exact matches, and which ones are case-sensitive
	'query:access_code':
		'Lists the users who joined without an access code. Skilljar accepts only null here; any other value is refused',
	'query:access_code__code':
		'Only users who joined with this access code (the code they typed). Case-sensitive, exact match',
	'query:access_code__id': 'Only users who joined with the access code of this ID',
	'query:access_code__pool__id': 'Only users who joined with a code from this access code pool',
	'query:active':
		'Whether to list only active {records} (on) or only inactive ones (off). Leave the filter out to get both',
	'query:include_signup_field_data':
		'Whether each user in the answer also carries their signup field answers (signup_fields)',
	'query:signup_field_id': 'Only users who answered this signup field',
	'query:signup_field_label':
		'Only users who answered the signup field with this label. Case-sensitive, exact match',
	'query:signup_field_value':
		'Only users whose signup field answer is exactly this text. Case-sensitive',
	'query:user__email': 'Only the user with this email address (exact match)',
	'query:user__first_name': 'Only users with exactly this first name. Case-sensitive',
	'query:user__last_name': 'Only users with exactly this last name. Case-sensitive',
	'query:email': 'Only the {record} with exactly this email address',
	'query:first_name': 'Only users with exactly this first name. Case-sensitive',
	'query:last_name': 'Only users with exactly this last name. Case-sensitive',
	'query:is_inactive':
		'Whether to list only inactive users (on) or only active ones (off). Leave the filter out to get both',
	'query:name': 'Only {records} with exactly this name. Case-sensitive',
	'query:code': 'Only promo codes with exactly this code. Case-sensitive',
	'query:label__name': 'Only {records} carrying a label with exactly this name',
	'query:search':
		'Search text as learners would type it in the catalog: returns the matches in the catalog search order',
	'query:include_searchable_content':
		'Whether each result also carries what catalog search looks at: descriptions, tags, keywords and the list of lessons or path items',
	'query:provider': 'Only instructors set up for this meeting provider',
	'query:session__id': 'Only registrations for this VILT session (its ID)',
	'query:session__lesson__id': 'Only events of the sessions of this lesson (its ID)',
	'query:session__lesson__course__id': 'Only events of the sessions of this course (its ID)',
	'query:starts_at__gte': 'Only events that start at or after this moment',
	'query:ends_at__lte': 'Only events that end at or before this moment',
	'query:tracking_identifier': 'Only codes with exactly this tracking identifier',
	'query:training_credit_code': 'Only the code with exactly this text',

	// ---- Shared switches and dates
	active:
		'Whether it is in effect. An inactive record stays stored but grants nothing; Skilljar makes new ones active',
	'domain user/body:active':
		'Whether the user may use the domain. On private domains only active users get in',
	'webhook/body:active':
		'Whether Skilljar sends events to this webhook. Skilljar switches it off itself after failed deliveries',
	'student/active': 'Whether the student holds a seat of the license package',
	enrolled_at:
		'When the enrollment counts as made. Leave empty for now. Enrolling the same user again with the same moment changes nothing',
	expires_at:
		'When the access ends. Leave empty for no end date; ignored on public domains for domain users',
	'promo code pool/expires_at': 'When the codes of the pool stop working. Leave empty to never expire',
	starts_at: 'When the {record} begins',
	're-enrollment rule/starts_at':
		'When the first re-enrollment cycle starts: must be in the future and on the hour (minutes and seconds 0)',
	'promo code pool/starts_at': 'When the codes of the pool start working',
	ends_at: 'When the {record} ends',
	start_date: 'First day the {record} is valid. Leave empty to start today',
	'access code pool/start_date': 'First moment codes of this pool can be used. Leave empty for no start limit',
	end_date: 'Last day the {record} is valid. Leave empty for no end',
	'access code pool/end_date':
		'Moment after which codes of this pool stop working. Leave empty for no end',
	expiration_date: 'When the remaining credits expire. Leave empty to never expire',
	completed_at:
		'When the learner completed it. Set it to mark complete; clear it (null) to mark incomplete',
	'course_progress.completed_at':
		'When the learner completed the course. Clear it (null) to mark the course incomplete',
	'lesson_progress.completed_at':
		'When the learner completed the lesson. Clear it (null) to mark the lesson incomplete',
	finished_at:
		'When the learner finished the lesson content; setting it also marks the lesson complete',
	refunded_at: 'When the purchase was refunded',
	registration_starts_at: 'When registration for the course opens',
	registration_ends_at: 'When registration for the course closes',

	// ---- Names, titles, text
	'body:name': 'Name shown in Skilljar',
	'access code pool/name': 'Name the pool is listed under in Skilljar',
	'tag/name': 'Name of the tag; must be unique in your organization',
	'label/name': 'Name of the label; must be unique in your organization',
	'group/name': 'Name of the group; must be unique in your organization',
	title: 'Title learners see',
	display_name: 'Name learners see for the {record}',
	first_name: 'First name of the user',
	last_name: 'Last name of the user',
	email: 'Email address of the {record}',
	'user.email':
		'Email address of the person to add. If Skilljar already knows it, the existing user is added and returned',
	'user.first_name': 'First name; used only when the email is new to Skilljar',
	'user.last_name': 'Last name; used only when the email is new to Skilljar',
	'student.email': 'Email address of the learner to give a seat',
	short_description: 'Short plain-text summary shown on catalog tiles',
	long_description_html: 'Full description shown on the detail page, as HTML',
	description: 'Description of the session shown to learners, as HTML',
	description_html: 'Description of the lesson, as HTML',
	header_html: 'Header shown at the top of the page, as HTML',
	html: 'Content of the {record}, as HTML',
	'quiz/html': 'Introduction shown on the quiz start screen, as HTML',
	'quiz question/html': 'The question itself, as HTML',
	content_html: 'Content of the {record}, as HTML (for HTML content)',
	tooltip_html: 'Text shown when learners hover over the lesson in the curriculum, as HTML',
	header: 'Heading shown above the content item',
	header_text: 'Heading of the block',
	header_sub_text: 'Smaller text under the heading of the block',
	catalog_title: 'Heading at the top of the domain catalog, as HTML',
	access_code_message_html: 'Message shown where learners enter an access code, as HTML',
	page_title: 'Title of the catalog page',
	tile_callout: 'Short text on the page tile when the page is shown inside another page (15 characters at most)',
	slug: 'Last part of the web address on the domain (learn.example.com/<slug>). Changing it breaks links already shared',
	search_keywords: 'Extra words catalog search should match for this lesson',
	location: 'Where the session takes place (calendar sessions only)',
	event_link: 'Web address learners use to join the session (calendar sessions only)',
	post_registration_instructions: 'Shown to learners once they have registered, as HTML',
	instructor_email:
		'Instructor of each session, as an email address or as Name <name@example.com>',
	manual_course_time: 'Duration text shown for the course instead of the computed one, e.g. 2h 30m',
	course_name_singular: 'Word used instead of "course" on the path tile, e.g. "module" (1 module)',
	course_name_plural: 'Word used instead of "courses" on the path tile, e.g. "modules" (3 modules)',
	'path.title': 'Title of the new path learners see',
	'path.short_description': 'Short summary of the new path shown on catalog tiles',
	'path.long_description_html': 'Full description of the new path, as HTML',
	'path.header_html': 'Header of the new path page, as HTML',
	'path.course_name_singular': 'Word used instead of "course" on the path tile (1 module)',
	'path.course_name_plural': 'Word used instead of "courses" on the path tile (3 modules)',
	value: 'The user’s answer to the signup field, as text (for a choice field: the option’s text)',
	code: 'Code learners type in. Case-sensitive: learners must type it exactly',
	training_credit_code: 'Code learners type in to spend the credits',
	tracking_identifier: 'Your own reference for reports and bookkeeping; Skilljar does not use it',
	tracking_id: 'Your own reference for the package in another system; Skilljar does not use it',
	custom_data: 'Any text you want to keep with the progress record',
	'lesson_progress.custom_data': 'Any text you want to keep with the progress record',
	error_msg: 'Message learners see when they return to Skilljar after a failed payment',
	payment_processor_order_id: 'Order or transaction ID in the payment system, kept for reference',
	payment_processor_response_data: 'What the payment system answered, kept for reference (JSON text recommended)',
	target_url: 'Address Skilljar posts the events to (https://…); it must answer with a 2xx status',
	content_url: 'Web address of the file Skilljar should download and store',
	group_name: 'Name of the group of learners the manager looks after',
	course_access_level:
		'Level of access to courses, as text. Skilljar’s document lists no values: copy the spelling from a manager set up in the dashboard. Course IDs names the courses where access is limited to some',
	path_access_level:
		'Level of access to paths, as text. Skilljar’s document lists no values: copy the spelling from a manager set up in the dashboard. Path IDs names the paths where access is limited to some',
	course_ids: 'Courses the manager may see (course IDs, not published course IDs)',
	path_ids: 'Paths the manager may see (path IDs, not published path IDs)',
	license_ids: 'License packages the manager may see (their IDs)',
	labels: 'Labels to put on the course, by name',
	tags: 'Tags of the session, by name (not for sessions of a multi-session event)',
	rule_email_domains:
		'Email domains (example.com) whose new users join this group automatically; change them later with Email Domain Rule › Update',
	add: 'Email domains (example.com) to add to the automatic group rules',
	remove: 'Email domains (example.com) to take off the automatic group rules',
	offers: 'IDs of the offers included. Needed when the code is not for all offers',
	'training credit code/offers':
		'IDs of the offers the credits can pay for. Needed when Available For All Offers is off',
	student_groups: 'IDs of the groups whose learners may use the code. Needed when Available To All Students is off',
	users:
		'The users to add, as a JSON list of objects such as [{"email": "ada@example.com", "first_name": "Ada", "last_name": "Lovelace"}] (each may also set active, marketing_optin and expires_at); 1,000 at most per request',
	signup_fields:
		'Answers to set, as a JSON list of objects with the signup field ID and the value, e.g. [{"id": "…", "value": "Sales"}]',
	answers:
		'Possible answers as a JSON list, e.g. [{"answer_text": "Paris", "correct": true}, {"answer_text": "Lyon", "correct": false}]. Needed for multiple choice, multiple answer and fill-in-the-blank questions',
	validation_data: 'Data the lesson checks before it counts as done, as JSON; ignored when the lesson checks nothing',

	// ---- Numbers and limits
	order: 'Position among its siblings: lower numbers come first',
	duration: 'How long access lasts after the code is used, counted in Duration Unit (1 or more)',
	duration_unit: 'Unit of Duration',
	cycle_duration: 'How long each cycle lasts before learners are enrolled again, counted in Cycle Duration Unit',
	cycle_duration_unit: 'Unit of Cycle Duration',
	max_uses: 'How many times the code can be used in total',
	seats_total: 'How many learners can register',
	'ilt session/seats_total':
		'How many learners can register. Leave empty for no limit; not for sessions of a multi-session event',
	license_count: 'How many active licenses the package holds',
	max_unique_seats: 'How many different learners can ever hold a seat. Leave empty for no limit',
	credits_total: 'Credits the code holds',
	price_cents: 'Price in cents of the currency (1999 = 19.99)',
	'promo code pool/price_cents': 'With Price Override: the price in cents the codes set (1999 = 19.99)',
	price_credits: 'Price in training credits, where your organization uses them',
	tax_price_cents: 'Tax in cents of the currency',
	refund_cents: 'Amount refunded, in cents of the currency',
	percent_off: 'With Percent Off: the discount in percent (0–100)',
	discount_percent: 'Discount in percent members of the group get on everything for sale (0–100)',
	discount_type: 'How the codes lower the price: a fixed price (Price Cents) or a percentage (Percent Off)',
	score: 'Score the learner reached',
	max_score: 'Highest possible score',
	'course_progress.score': 'Score the learner reached in the course',
	'course_progress.max_score': 'Highest possible score in the course',
	'lesson_progress.score': 'Score the learner reached in the lesson',
	'lesson_progress.max_score': 'Highest possible score in the lesson',
	'course_progress.credits_earned': 'Credits the learner earned with the course, as text (e.g. 1.5)',
	'course_progress.credit_unit_plural': 'What the credits are called, in the plural (e.g. CPE hours)',
	max_attempts: 'How many times a learner may take the quiz. 0: no limit',
	limit_question_count:
		'How many questions each learner gets, picked at random. 0: every question',
	passing_percentage_correct: 'Percentage of correct answers needed to pass',
	time_limit_seconds: 'Time allowed for the quiz, in seconds. Leave empty for no limit',
	time_seconds: 'How long the lesson takes, in seconds',
	rating_scale: 'Number of steps of the rating: 5 (stars) or 10',
	max_tiles: 'How many tiles the block shows at most',

	// ---- Switches
	allow_self_service_reenroll: 'Whether learners who completed the course can enroll again by themselves',
	attended: 'Whether the learner attended the session',
	available_for_all_offers: 'Whether the credits pay for every offer with a credit price, today and later',
	available_to_all_students: 'Whether every learner may use the code',
	can_create_users: 'Whether the manager may add users',
	case_sensitive: 'Whether answers must match upper and lower case (fill-in-the-blank questions only)',
	display_course_and_lesson_time: 'Whether course and lesson durations are shown to learners',
	display_fullscreen: 'Whether the lesson opens in full screen',
	display_manual_course_time: 'Whether Manual Course Time is shown instead of the computed duration',
	enforce_sequential_navigation: 'Whether learners must take the lessons in order',
	expire_content: 'Whether learners lose access to what they bought with a code when the code expires',
	expire_linked_to_domain_membership:
		'Whether learners who joined with a code of this pool lose access to the domain at the End Date',
	hidden: 'Whether the {record} is hidden from the catalog except for the groups it is made visible to',
	'catalog page/hidden': 'Whether the page is hidden unless a visibility override shows it',
	include_additional_feedback: 'Whether learners are asked the Additional Feedback Question too',
	include_profile_link: 'Whether the block links to the learner’s profile',
	is_classic: 'Whether the page is a classic page (courses only) rather than a page builder page',
	is_visible: 'Whether the group sees it in the catalog (on) or does not (off), whatever its default visibility',
	marketing_optin: 'Whether the user agreed to receive marketing messages',
	optional: 'Whether learners can complete the course without this lesson',
	randomize_answers: 'Whether learners see the answers of each question in a random order',
	randomize_questions: 'Whether learners see the questions in a random order',
	registration_required:
		'Whether learners must register to open the course; off makes the content public',
	require_all_prerequisites: 'Whether every prerequisite must be completed (otherwise one is enough)',
	require_correct_response:
		'Whether a learner must answer each question correctly before the next; attempts are then unlimited',
	requires_manual_grading: 'Whether a dashboard user grades the answers to this question by hand',
	restrict_access_start_end_dates:
		'Whether the course can only be opened between Registration Starts At and Registration Ends At',
	send_email: 'Whether Skilljar emails the invitation to the user',
	show_question_feedback: 'Whether learners see feedback on their answers to automatically graded questions',
	show_results_on_failure: 'Whether learners who fail see their answers and which were right',
	single_use_per_user: 'Whether each learner may use a code of this pool only once',
	strict_enforce_group_visibility:
		'Whether learners the {record} is not visible to are also blocked from opening it by its address',
	unique_progress_per_enrollment:
		'Whether each new enrollment starts a fresh progress record instead of continuing the old one',
	'asset.sync_completion': 'Whether the lesson completes when the embedded content reports completion',
	'web_package.sync_completion': 'Whether the lesson completes when the package reports completion',
	'web_package.redirect_on_completion': 'Whether learners move on to the next lesson when the package completes',
	'web_package.title': 'Title of the web package',
	'asset.name': 'Name of the asset',
	'asset.embed_link_url': 'Web address of the content to embed (instead of uploading a file)',
	'asset.aspect_ratio': 'Shape of the embedded content’s frame',

	// ---- Choices
	access: 'Who sees the catalog: anyone, only signed-up users, or only users who signed up with an access code',
	alignment: 'Alignment of the text',
	component: 'What the block shows: courses in progress or a federated search bar',
	course_and_lesson_time_format: 'How course and lesson durations are written',
	currency_code: 'Currency of the price',
	item_layout: 'How the courses of a classic page are shown: as tiles or as a list',
	provider: 'Service that hosts the session; Event Link and Location are for calendar sessions only',
	search_behavior: 'What the search bar of a classic page searches (federated search must be on for the domain)',
	search_location: 'Where the search bar of a classic page sits',
	state: 'Outcome of the purchase',
	success_status: 'Whether the learner passed or failed; empty when neither applies',
	'course_progress.success_status': 'Whether the learner passed or failed the course',
	'lesson_progress.success_status': 'Whether the learner passed or failed the lesson',
	validation_status: 'Whether the lesson’s validation passed or failed',
	tile_sort_method: 'Order of the tiles on a classic page',
	timezone: 'Time zone the session’s times are shown in to learners',
	type: 'Kind of {record}',
	'lesson/type': 'Kind of lesson: what its content is',
	'quiz question/type':
		'Kind of question: multiple choice (one answer), multiple answer, fill in the blank or free text',
	'content block/type': 'Kind of block on the page',
	additional_feedback_question: 'Follow-up question asked after the rating',
	rating_question: 'Question learners answer with the rating',
	rating_scale_high_label: 'Text at the top of a 10-step scale (not used with 5 stars)',
	rating_scale_low_label: 'Text at the bottom of a 10-step scale (not used with 5 stars)',
	correct_answer_feedback_html: 'Shown after a correct answer, as HTML',
	incorrect_answer_feedback_html: 'Shown after a wrong answer, as HTML',
};
