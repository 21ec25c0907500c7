import { withRequired } from '../shared/fields';
import type { SkilljarField, SkilljarResource } from '../shared/types';

const domainNamePathField: SkilljarField = {
	name: 'domain_name',
	in: 'path',
	type: 'string',
	label: 'Domain Name',
	placeholder: 'learn.example.com',
	description: 'Hostname of the training site, e.g. learn.example.com.',
};

const activeField: SkilljarField = {
	name: 'active',
	in: 'body',
	type: 'boolean',
};

const accessCodePoolIdPathField: SkilljarField = {
	name: 'access_code_pool_id',
	in: 'path',
	type: 'string',
};

const accessCodeIdPathField: SkilljarField = {
	name: 'access_code_id',
	in: 'path',
	type: 'string',
};

const planIdPathField: SkilljarField = {
	name: 'plan_id',
	in: 'path',
	type: 'string',
};

const userIdField: SkilljarField = {
	name: 'user.id',
	in: 'body',
	type: 'string',
	description: 'Known as user_id within the documentation',
};

const enrolledAtField: SkilljarField = {
	name: 'enrolled_at',
	in: 'body',
	type: 'dateTime',
};

const expiresAtField: SkilljarField = {
	name: 'expires_at',
	in: 'body',
	type: 'dateTime',
};

const activeField2: SkilljarField = {
	name: 'active',
	in: 'body',
	type: 'boolean',
	nullable: true,
};

const purchaseField: SkilljarField = {
	name: 'purchase',
	in: 'body',
	type: 'json',
	nullable: true,
	default: '{}',
};

const planEnrollmentIdPathField: SkilljarField = {
	name: 'plan_enrollment_id',
	in: 'path',
	type: 'string',
};

const expiresAtField2: SkilljarField = {
	name: 'expires_at',
	in: 'body',
	type: 'dateTime',
	nullable: true,
};

const publishedCourseIdPathField: SkilljarField = {
	name: 'published_course_id',
	in: 'path',
	type: 'string',
};

const enrollmentIdPathField: SkilljarField = {
	name: 'enrollment_id',
	in: 'path',
	type: 'string',
};

const searchField: SkilljarField = {
	name: 'search',
	in: 'query',
	type: 'string',
	description:
		'URL encoded string, return the results and the order as if a catalog search. Note - This does not search within the path_item_list.',
};

const publishedPathIdPathField: SkilljarField = {
	name: 'published_path_id',
	in: 'path',
	type: 'string',
};

const publishedPathEnrollmentIdPathField: SkilljarField = {
	name: 'published_path_enrollment_id',
	in: 'path',
	type: 'string',
};

const userIdPathField: SkilljarField = {
	name: 'user_id',
	in: 'path',
	type: 'string',
};

/** Body fields shared by this resource's create and update actions. */
const accessCodePoolFields: SkilljarField[] = [
	{
		name: 'name',
		in: 'body',
		type: 'string',
		description:
			'Name of the access code pool. This may have been auto-generated when creating individual codes in the dashboard.',
	},
	activeField,
	{
		name: 'start_date',
		in: 'body',
		type: 'dateTime',
		nullable: true,
	},
	{
		name: 'end_date',
		in: 'body',
		type: 'dateTime',
		nullable: true,
	},
	{
		name: 'expire_linked_to_domain_membership',
		in: 'body',
		type: 'boolean',
		description:
			"Whether users who register with a code from this pool lose access to the domain on the pool's end date (when one is set)",
	},
];

/** Body fields shared by this resource's create and update actions. */
const accessCodeFields: SkilljarField[] = [
	{
		name: 'code',
		in: 'body',
		type: 'string',
	},
	activeField,
	{
		name: 'max_uses',
		in: 'body',
		type: 'number',
	},
	{
		name: 'duration',
		in: 'body',
		type: 'number',
		nullable: true,
	},
	{
		name: 'duration_unit',
		in: 'body',
		type: 'options',
		options: ['MONTHS', 'DAYS'],
	},
];

export const resources: SkilljarResource[] = [
	{
		value: 'domain',
		name: 'Domain',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many domains',
				description: 'List all domains',
				method: 'GET',
				path: '/v1/domains',
				pagination: 'pages',
				fields: [],
				reference: ['domains list'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a domain',
				description: 'Retrieve a domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}',
				fields: [{ ...domainNamePathField, required: true }],
				reference: ['domains read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a domain',
				description: 'Partially update a domain',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'catalog_title',
						in: 'body',
						type: 'string',
						description: 'HTML content displayed at the top of the catalog page',
					},
					{
						name: 'access',
						in: 'body',
						type: 'options',
						options: ['PUBLIC', 'PRIVATE', 'PRIVATE_CODE'],
						description:
							'Who sees the catalog. Public: anyone. Private: users who signed up. Private Code: users who signed up with an access code.',
					},
					{
						name: 'access_code_message_html',
						in: 'body',
						type: 'string',
					},
					{
						name: 'marketing_message',
						in: 'body',
						type: 'string',
						description: 'This field has been replaced by the use of Signup Fields',
					},
				],
				reference: ['domains update', 'domains partial_update'],
			},
		],
	},
	{
		value: 'accessCodePool',
		name: 'Access Code Pool',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many access code pools',
				description: 'List access code pools',
				method: 'GET',
				path: '/v1/domains/{domain_name}/access-code-pools',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'name',
						in: 'query',
						type: 'string',
						description: 'Filter returned access code pools by name',
					},
				],
				reference: ['domains > access-code-pools list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an access code pool',
				description: 'Create an access code pool',
				method: 'POST',
				path: '/v1/domains/{domain_name}/access-code-pools',
				fields: [
					{ ...domainNamePathField, required: true },
					...withRequired(accessCodePoolFields, []),
				],
				reference: ['domains > access-code-pools create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get an access code pool',
				description: 'Retrieve an access code pool',
				method: 'GET',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
				],
				reference: ['domains > access-code-pools read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update an access code pool',
				description: 'Update an access code pool',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
					...withRequired(accessCodePoolFields, []),
				],
				reference: [
					'domains > access-code-pools update',
					'domains > access-code-pools partial_update',
				],
			},
		],
	},
	{
		value: 'accessCode',
		name: 'Access Code',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many access codes',
				description: 'List access codes',
				method: 'GET',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
				],
				reference: ['domains > access-code-pools > access-codes list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an access code',
				description: 'Create an access code',
				method: 'POST',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
					...withRequired(accessCodeFields, []),
				],
				reference: ['domains > access-code-pools > access-codes create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get an access code',
				description: 'Retrieve an access code',
				method: 'GET',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes/{access_code_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
					{ ...accessCodeIdPathField, required: true },
				],
				reference: ['domains > access-code-pools > access-codes read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update an access code',
				description: 'Update an access code',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes/{access_code_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...accessCodePoolIdPathField, required: true },
					{ ...accessCodeIdPathField, required: true },
					...withRequired(accessCodeFields, []),
				],
				reference: [
					'domains > access-code-pools > access-codes update',
					'domains > access-code-pools > access-codes partial_update',
				],
			},
		],
	},
	{
		value: 'courseSeries',
		name: 'Course Series',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many course series',
				description: 'Retrieve a paginated list of all course series for the specified domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/course-series',
				pagination: 'pages',
				fields: [{ ...domainNamePathField, required: true }],
				reference: ['domains > course-series list'],
			},
			{
				value: 'getPublishedCourses',
				name: 'Get Published Courses',
				action: 'Get published courses of a course series',
				description:
					'Retrieve a paginated list of all published courses in the specified course series for this domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/course-series/{course_series_id}/published-courses',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'course_series_id',
						in: 'path',
						type: 'string',
						required: true,
					},
				],
				reference: ['domains > course-series > published-courses list'],
			},
		],
	},
	{
		value: 'plan',
		name: 'Plan',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many plans',
				description: 'List all Plans available in the specified Domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/plan',
				pagination: 'pages',
				fields: [{ ...domainNamePathField, required: true }],
				reference: ['domains > plan list'],
			},
		],
	},
	{
		value: 'planEnrollment',
		name: 'Plan Enrollment',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many plan enrollments',
				description: 'List all enrollments for a specific Plan',
				method: 'GET',
				path: '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...planIdPathField, required: true },
				],
				reference: ['domains > plan > plan-enrollments list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a plan enrollment',
				description: 'Enroll a user in a Plan',
				method: 'POST',
				idempotentPost: 'enrolled_at',
				path: '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...planIdPathField, required: true },
					{ ...userIdField, required: true },
					enrolledAtField,
					expiresAtField,
					activeField2,
					purchaseField,
				],
				reference: ['domains > plan > plan-enrollments create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a plan enrollment',
				description: 'Retrieve details for a specific Plan enrollment',
				method: 'GET',
				path: '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments/{plan_enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...planIdPathField, required: true },
					{ ...planEnrollmentIdPathField, required: true },
				],
				reference: ['domains > plan > plan-enrollments read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a plan enrollment',
				description: 'Update details for a Plan enrollment',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments/{plan_enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...planIdPathField, required: true },
					{ ...planEnrollmentIdPathField, required: true },
					expiresAtField2,
					activeField,
				],
				reference: [
					'domains > plan > plan-enrollments update',
					'domains > plan > plan-enrollments partial_update',
				],
			},
		],
	},
	{
		value: 'publishedCourse',
		name: 'Published Course',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many published courses',
				description: 'List all courses published to this domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-courses',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'course__id',
						in: 'query',
						type: 'string',
						description: 'Filter by course id, e.g. `course__id=abcd1234`.',
					},
					{
						name: 'include_searchable_content',
						in: 'query',
						type: 'boolean',
						description:
							'Whether the response also includes lesson_list, tags, short_description, long_description_html and search_keywords',
					},
					{
						name: 'search',
						in: 'query',
						type: 'string',
						description:
							'URL encoded string, return the results and the order as if a catalog search',
					},
				],
				reference: ['domains > published-courses list'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a published course',
				description: 'Retrieve a published course for this domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-courses/{published_course_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{
						name: 'include_searchable_content',
						in: 'query',
						type: 'string',
						description:
							'Whether the response also includes lesson_list, tags, short_description, long_description_html and search_keywords',
					},
				],
				reference: ['domains > published-courses read'],
			},
		],
	},
	{
		value: 'enrollment',
		name: 'Course Enrollment',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many course enrollments',
				description: 'List enrollments for a published course in this domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
				],
				reference: ['domains > published-courses > enrollments list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a course enrollment',
				description: 'Enroll a user in a published course for this domain',
				method: 'POST',
				idempotentPost: 'enrolled_at',
				path: '/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{ ...userIdField, required: true },
					enrolledAtField,
					expiresAtField,
					activeField2,
					purchaseField,
				],
				reference: ['domains > published-courses > enrollments create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a course enrollment',
				description: 'Retrieve enrollment details for a published course in this domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{ ...enrollmentIdPathField, required: true },
				],
				reference: ['domains > published-courses > enrollments read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a course enrollment',
				description: 'Update enrollment details for a published course in this domain',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{ ...enrollmentIdPathField, required: true },
					expiresAtField2,
					activeField,
				],
				reference: [
					'domains > published-courses > enrollments update',
					'domains > published-courses > enrollments partial_update',
				],
			},
		],
	},
	{
		value: 'publishedPath',
		name: 'Published Path',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many published paths',
				description: 'List all Published Paths for the specified domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-paths',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'include_searchable_content',
						in: 'query',
						type: 'boolean',
						description:
							'Whether the response also includes path_item_list, title, short_description, long_description_html, search_keywords, tags and hidden',
					},
					{
						name: 'label__name',
						in: 'query',
						type: 'string',
						description: 'Filters published paths by exact match on label name',
					},
					searchField,
				],
				reference: ['domains > published-paths list'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a published path',
				description: 'Retrieve details for a specific Published Path',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-paths/{published_path_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedPathIdPathField, required: true },
					{
						name: 'include_searchable_content',
						in: 'query',
						type: 'string',
						description:
							'Whether the response also includes path_item_list, title, short_description, long_description_html, search_keywords, tags and hidden',
					},
					searchField,
				],
				reference: ['domains > published-paths read'],
			},
		],
	},
	{
		value: 'pathEnrollment',
		name: 'Path Enrollment',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many path enrollments',
				description: 'List enrollments for a Published Path',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedPathIdPathField, required: true },
				],
				reference: ['domains > published-paths > published-path-enrollments list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a path enrollment',
				description: 'Enroll a user in a Published Path',
				method: 'POST',
				idempotentPost: 'enrolled_at',
				path: '/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedPathIdPathField, required: true },
					{ ...userIdField, required: true },
					enrolledAtField,
					expiresAtField,
					activeField2,
					purchaseField,
				],
				reference: ['domains > published-paths > published-path-enrollments create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a path enrollment',
				description: 'Retrieve details for a Published Path enrollment',
				method: 'GET',
				path: '/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments/{published_path_enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedPathIdPathField, required: true },
					{ ...publishedPathEnrollmentIdPathField, required: true },
				],
				reference: ['domains > published-paths > published-path-enrollments read'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a path enrollment',
				description: 'Manage enrollments for a Published Path',
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments/{published_path_enrollment_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...publishedPathIdPathField, required: true },
					{ ...publishedPathEnrollmentIdPathField, required: true },
					expiresAtField2,
					activeField,
				],
				reference: [
					'domains > published-paths > published-path-enrollments update',
					'domains > published-paths > published-path-enrollments partial_update',
				],
			},
		],
	},
	{
		value: 'signupField',
		name: 'Signup Field',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many signup fields',
				description:
					'Manage signup fields for a domain. Signup fields define the information collected from users during the signup process for a specific domain. Each field may have a set of options, validation rules, and display properties. Use this endpoint to view the list of signup fields configured for a domain.',
				method: 'GET',
				path: '/v1/domains/{domain_name}/signup-fields',
				pagination: 'pages',
				fields: [{ ...domainNamePathField, required: true }],
				reference: ['domains > signup-fields list'],
			},
		],
	},
	{
		value: 'domainUser',
		name: 'Domain User',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many domain users',
				description: 'List users for a domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/users',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'access_code',
						in: 'query',
						type: 'string',
						description:
							'Use a value of "null" to see domain users who accessed the domain without an access code. No other values are accepted for this query.',
					},
					{
						name: 'access_code__code',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by access code used - case sensitive',
					},
					{
						name: 'access_code__id',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by id of access code used - not case sensitive',
					},
					{
						name: 'access_code__pool__id',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by id of access code pool used - not case sensitive',
					},
					{
						name: 'active',
						in: 'query',
						type: 'boolean',
						description:
							'Whether to return only active (true) or only inactive (false) domain users',
					},
					{
						name: 'include_signup_field_data',
						in: 'query',
						type: 'boolean',
						description: "Whether the response also includes each user's signup_fields",
					},
					{
						name: 'signup_field_id',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by a sign up field ID',
					},
					{
						name: 'signup_field_label',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by a sign up field Label - case sensitive',
					},
					{
						name: 'signup_field_value',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by a sign up field Value - case sensitive',
					},
					{
						name: 'user__email',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by email address',
					},
					{
						name: 'user__first_name',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by first name - case sensitive',
					},
					{
						name: 'user__last_name',
						in: 'query',
						type: 'string',
						description: 'Filter domain users by last name - case sensitive',
					},
				],
				reference: ['domains > users list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a domain user',
				description: 'Add a user to a domain',
				method: 'POST',
				idempotentPost: true,
				path: '/v1/domains/{domain_name}/users',
				fields: [
					{ ...domainNamePathField, required: true },
					{
						name: 'user.email',
						in: 'body',
						type: 'string',
						required: true,
						description: 'Email address',
					},
					{
						name: 'user.first_name',
						in: 'body',
						type: 'string',
						description: 'First name',
					},
					{
						name: 'user.last_name',
						in: 'body',
						type: 'string',
						description: 'Last name',
					},
					{
						name: 'active',
						in: 'body',
						type: 'boolean',
						description:
							'Whether the user is active (only active users can access a private domain)',
					},
					{
						name: 'marketing_optin',
						in: 'body',
						type: 'boolean',
						nullable: true,
						description: 'Whether the user accepted the marketing opt-in message',
					},
					{
						name: 'expires_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							'ISO 8601 formatted datetime string indicating when the access to the domain will expire - ignored on public domains',
					},
				],
				reference: ['domains > users create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a domain user',
				description: "Update a user's domain membership",
				method: 'PATCH',
				path: '/v1/domains/{domain_name}/users/{user_id}',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
					activeField,
					expiresAtField2,
					{
						name: 'access_code.id',
						in: 'body',
						type: 'string',
					},
				],
				reference: ['domains > users update', 'domains > users partial_update'],
			},
		],
	},
	{
		value: 'userInvite',
		name: 'User Invite',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user invites',
				description: 'Retrieve a list of all invitations for a specific user within a domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/users/{user_id}/invites',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
				],
				reference: ['domains > users > invites list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an user invite',
				description: 'Create a new invitation for a user to join a domain',
				method: 'POST',
				path: '/v1/domains/{domain_name}/users/{user_id}/invites',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
					{
						name: 'send_email',
						in: 'body',
						type: 'boolean',
						description:
							'Whether or not to send the user an email inviting them to the domain. Defaults to True.',
					},
				],
				reference: ['domains > users > invites create'],
			},
		],
	},
	{
		value: 'userSignupField',
		name: 'User Signup Field Value',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user signup field values',
				description:
					'Retrieve a list of all signup field values for a user in the specified domain',
				method: 'GET',
				path: '/v1/domains/{domain_name}/users/{user_id}/signup-fields',
				pagination: 'pages',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
				],
				reference: ['domains > users > signup-fields list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an user signup field value',
				description: 'Set or update the value of a signup field for a user',
				method: 'POST',
				path: '/v1/domains/{domain_name}/users/{user_id}/signup-fields',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
					{
						name: 'signup_field.id',
						in: 'body',
						type: 'string',
						required: true,
					},
					{
						name: 'value',
						in: 'body',
						type: 'string',
						required: true,
					},
				],
				reference: ['domains > users > signup-fields create'],
			},
			{
				value: 'createMany',
				name: 'Create Many',
				action: 'Create many user signup field values',
				description: 'Create or update multiple signup field values for a user',
				method: 'POST',
				path: '/v1/domains/{domain_name}/users/{user_id}/signup-fields-bulk',
				fields: [
					{ ...domainNamePathField, required: true },
					{ ...userIdPathField, required: true },
					{
						name: 'signup_fields',
						in: 'body',
						type: 'json',
						required: true,
						label: 'Signup Field Values',
						default: '[{ "id": "", "value": "" }]',
						description:
							'List of {"id": signup field ID, "value": text} objects. A value the user already has is replaced.',
					},
				],
				reference: ['domains > users > signup-fields-bulk create'],
			},
		],
	},
];
