import { pickerFor } from '../shared/pickers';
import { VERSION_1_1 } from '../shared/versioned';
import type { FieldOverlay, NodeOverlay } from '../shared/types';

/**
 * An enrollment's optional purchase record stays one JSON field (as since release 0.1.0): its
 * nested price object is easier to pass whole from the upstream node.
 */
const purchaseJson = {
	json: ['purchase'],
	fields: {
		purchase: {
			default: '{}',
			description: 'Purchase to record with the enrollment, as a JSON object',
		} satisfies FieldOverlay,
	},
	// Skilljar: enrolling the same user with the same enrolled_at again changes nothing.
	idempotentPost: 'enrolled_at' as const,
};

/** Query flags the reference documents on the single-record reads too (kept since 0.1.0). */
const searchableContent = {
	name: 'include_searchable_content',
	in: 'query' as const,
	type: 'string' as const,
	description: 'Set to true to include the descriptions, tags and item list used by catalog search',
};

/** Which ID the course enrollment actions want: easy to mix up with the course's own ID. */
const PUBLISHED_COURSE_ID =
	'A published course is a course as offered on one domain: its ID is not the ID of the course itself. Skilljar Domain › Published Course › Get Many on this domain shows both.';

export const overlay: NodeOverlay = [
	{
		value: 'domain',
		name: 'Domain',
		operations: [
			'domains_list',
			'domains_retrieve',
			'domains_partial_update',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_domains',
			'get_domain',
		],
	},
	{
		value: 'accessCodePool',
		name: 'Access Code Pool',
		operations: [
			'domains_access_code_pools_list',
			'domains_access_code_pools_create',
			'domains_access_code_pools_retrieve',
			'domains_access_code_pools_partial_update',
			'domains_access_code_pools_destroy',
		],
	},
	{
		value: 'accessCode',
		name: 'Access Code',
		operations: [
			{ id: 'domains_access_code_pools_access_codes_list', largeList: true },
			'domains_access_code_pools_access_codes_create',
			'domains_access_code_pools_access_codes_retrieve',
			'domains_access_code_pools_access_codes_partial_update',
			'domains_access_code_pools_access_codes_destroy',
		],
	},
	{
		value: 'courseSeries',
		name: 'Course Series',
		operations: [
			'domains_course_series_list',
			{
				id: 'domains_course_series_published_courses_list',
				value: 'getPublishedCourses',
				name: 'Get Published Courses',
				action: 'Get published courses of a course series',
			},
			'domains_course_series_retrieve',
		],
	},
	{
		value: 'plan',
		name: 'Plan',
		operations: ['domains_plan_list', 'domains_plan_retrieve'],
	},
	{
		value: 'planEnrollment',
		name: 'Plan Enrollment',
		operations: [
			{ id: 'domains_plan_plan_enrollments_list', largeList: true },
			{ id: 'domains_plan_plan_enrollments_create', ...purchaseJson },
			'domains_plan_plan_enrollments_retrieve',
			'domains_plan_plan_enrollments_partial_update',
		],
	},
	{
		value: 'publishedCourse',
		name: 'Published Course',
		operations: [
			'domains_published_courses_list',
			{ id: 'domains_published_courses_retrieve', extraFields: [searchableContent] },
			'domains_published_courses_create',
			'domains_published_courses_partial_update',
			'domains_published_courses_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_published_courses',
			{
				id: 'publish_courses',
				value: 'createManyV2',
				name: 'Publish in Bulk',
				action: 'Publish courses in bulk',
			},
			'update_published_courses',
			'get_published_course',
			'unpublish_published_course',
			{
				id: 'republish_published_course',
				value: 'republishV2',
				name: 'Republish',
				action: 'Republish a published course',
			},
			'delete_published_course',
		],
	},
	{
		value: 'enrollment',
		name: 'Course Enrollment',
		operations: [
			{
				id: 'domains_published_courses_enrollments_list',
				largeList: true,
				idNotice: PUBLISHED_COURSE_ID,
			},
			{
				id: 'domains_published_courses_enrollments_create',
				...purchaseJson,
				idNotice: PUBLISHED_COURSE_ID,
			},
			// Domain membership and enrollment in one idempotent step (nodes/shared/composites/).
			{ composite: 'enrollUserByEmail' },
			{ id: 'domains_published_courses_enrollments_retrieve', idNotice: PUBLISHED_COURSE_ID },
			{ id: 'domains_published_courses_enrollments_partial_update', idNotice: PUBLISHED_COURSE_ID },
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_enrollments',
			{
				id: 'bulk_enroll_students',
				value: 'enrollManyV2',
				name: 'Enroll Emails in Bulk',
				action: 'Enroll emails in a published course in bulk',
			},
			'update_enrollments',
			{
				id: 'complete_enrollments',
				value: 'setCompletionManyV2',
				name: 'Set Completion in Bulk',
				action: 'Set or remove course enrollment completion in bulk',
			},
			'get_enrollment',
		],
	},
	{
		value: 'publishedCoursePrerequisite',
		name: 'Course Prerequisite',
		noun: 'prerequisite course',
		operations: [
			'domains_published_courses_published_course_prerequisites_list',
			{
				id: 'domains_published_courses_published_course_prerequisites_create',
				value: 'add',
				name: 'Add',
				action: 'Add a prerequisite course to a published course',
				// The body names the prerequisite; its default parameter name would clash with the path's.
				fields: {
					'published_course.id': {
						parameter: 'prerequisiteCourseId',
						label: 'Prerequisite Published Course ID',
						picker: pickerFor('searchPublishedCourses', 'Prerequisite Course', VERSION_1_1),
					},
				},
			},
			{
				id: 'domains_published_courses_published_course_prerequisites_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a prerequisite course from a published course',
			},
		],
	},
	{
		value: 'groupPrerequisite',
		name: 'Course Group Prerequisite',
		noun: 'prerequisite group',
		operations: [
			'domains_published_courses_student_group_prerequisites_list',
			{
				id: 'domains_published_courses_student_group_prerequisites_create',
				value: 'add',
				name: 'Add',
				action: 'Add a prerequisite group to a published course',
			},
			'domains_published_courses_student_group_prerequisites_retrieve',
			{
				id: 'domains_published_courses_student_group_prerequisites_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a prerequisite group from a published course',
			},
		],
	},
	{
		value: 'reenrollmentRule',
		name: 'Re-Enrollment Rule',
		noun: 're-enrollment rule',
		operations: [
			'domains_published_courses_reenrollment_rule_retrieve',
			'domains_published_courses_reenrollment_rule_create',
			'domains_published_courses_reenrollment_rule_partial_update',
			'domains_published_courses_reenrollment_rule_destroy',
		],
	},
	{
		value: 'publishedCourseTag',
		name: 'Published Course Tag',
		noun: 'tag',
		operations: [
			'domains_published_courses_tags_list',
			{
				id: 'domains_published_courses_tags_create',
				value: 'add',
				name: 'Add',
				action: 'Add a tag to a published course',
			},
			'domains_published_courses_tags_retrieve',
			{
				id: 'domains_published_courses_tags_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a tag from a published course',
			},
		],
	},
	{
		value: 'publishedCourseVisibility',
		name: 'Published Course Visibility',
		noun: 'visibility override',
		operations: [
			'domains_published_courses_visibility_overrides_list',
			'domains_published_courses_visibility_overrides_create',
			'domains_published_courses_visibility_overrides_retrieve',
			'domains_published_courses_visibility_overrides_destroy',
		],
	},
	{
		value: 'publishedPath',
		name: 'Published Path',
		operations: [
			'domains_published_paths_list',
			{
				id: 'domains_published_paths_retrieve',
				extraFields: [
					searchableContent,
					{
						name: 'search',
						in: 'query',
						type: 'string',
						description: 'Catalog search text that orders the result as the catalog would',
					},
				],
			},
			'domains_published_paths_create',
			'domains_published_paths_partial_update',
			'domains_published_paths_destroy',
		],
	},
	{
		value: 'pathEnrollment',
		name: 'Path Enrollment',
		operations: [
			{ id: 'domains_published_paths_published_path_enrollments_list', largeList: true },
			{ id: 'domains_published_paths_published_path_enrollments_create', ...purchaseJson },
			'domains_published_paths_published_path_enrollments_retrieve',
			'domains_published_paths_published_path_enrollments_partial_update',
		],
	},
	{
		value: 'publishedPathItem',
		name: 'Published Path Item',
		noun: 'path item',
		operations: [
			'domains_published_paths_path_items_list',
			'domains_published_paths_path_items_create',
			'domains_published_paths_path_items_retrieve',
			'domains_published_paths_path_items_partial_update',
			'domains_published_paths_path_items_destroy',
		],
	},
	{
		value: 'publishedPathLabel',
		name: 'Published Path Label',
		noun: 'label',
		operations: [
			'domains_published_paths_labels_list',
			{
				id: 'domains_published_paths_labels_create',
				value: 'add',
				name: 'Add',
				action: 'Add a label to a published path',
			},
			'domains_published_paths_labels_retrieve',
			{
				id: 'domains_published_paths_labels_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a label from a published path',
			},
		],
	},
	{
		value: 'publishedPathTag',
		name: 'Published Path Tag',
		noun: 'tag',
		operations: [
			'domains_published_paths_tags_list',
			{
				id: 'domains_published_paths_tags_create',
				value: 'add',
				name: 'Add',
				action: 'Add a tag to a published path',
			},
			'domains_published_paths_tags_retrieve',
			{
				id: 'domains_published_paths_tags_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a tag from a published path',
			},
		],
	},
	{
		value: 'publishedPathVisibility',
		name: 'Published Path Visibility',
		noun: 'visibility override',
		operations: [
			'domains_published_paths_visibility_overrides_list',
			'domains_published_paths_visibility_overrides_create',
			'domains_published_paths_visibility_overrides_retrieve',
			'domains_published_paths_visibility_overrides_destroy',
		],
	},
	{
		value: 'signupField',
		name: 'Signup Field',
		operations: ['domains_signup_fields_list'],
	},
	{
		value: 'domainUser',
		name: 'Domain User',
		operations: [
			{ id: 'domains_users_list', largeList: true },
			// Skilljar: adding an email that is already on the domain returns that user.
			{ id: 'domains_users_create', idempotentPost: true },
			'domains_users_partial_update',
			'domains_users_retrieve',
			{
				id: 'bulk_create_domain_users',
				value: 'createMany',
				name: 'Create Many',
				action: 'Create many domain users',
			},
		],
	},
	{
		value: 'managerAccess',
		name: 'Manager Access',
		operations: [
			{
				id: 'domains_users_manager_access_update',
				value: 'set',
				name: 'Set',
				action: 'Set the manager access of a domain user',
			},
			{
				id: 'domains_users_manager_access_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove the manager access of a domain user',
			},
		],
	},
	{
		value: 'userInvite',
		name: 'User Invite',
		operations: [
			'domains_users_invites_list',
			'domains_users_invites_create',
			'domains_users_invites_retrieve',
		],
	},
	{
		value: 'userSignupField',
		name: 'User Signup Field Value',
		operations: [
			'domains_users_signup_fields_list',
			'domains_users_signup_fields_create',
			{
				id: 'domains_users_signup_fields_bulk_create',
				value: 'createMany',
				name: 'Create Many',
				action: 'Create many user signup field values',
				fields: {
					signup_fields: { label: 'Signup Field Values', default: '[{ "id": "", "value": "" }]' },
				},
			},
			'domains_users_signup_fields_retrieve',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_signup_field_values',
			{
				id: 'create_signup_field_values',
				// The entry's ID names the signup field the value answers.
				fields: { 'body:id': { label: 'Signup Field ID', parameter: 'signupFieldId' } },
			},
			'update_signup_field_values',
			'get_signup_field_value',
		],
	},
	{
		value: 'catalogPage',
		name: 'Catalog Page',
		operations: [
			'domains_catalog_pages_list',
			'domains_catalog_pages_create',
			'domains_catalog_pages_retrieve',
			'domains_catalog_pages_partial_update',
			'domains_catalog_pages_destroy',
		],
	},
	{
		value: 'catalogPageItem',
		name: 'Catalog Page Item',
		noun: 'classic catalog page item',
		operations: [
			'domains_catalog_pages_classic_page_items_list',
			'domains_catalog_pages_classic_page_items_create',
			'domains_catalog_pages_classic_page_items_retrieve',
			'domains_catalog_pages_classic_page_items_partial_update',
			'domains_catalog_pages_classic_page_items_destroy',
		],
	},
	{
		value: 'catalogPageBlock',
		name: 'Catalog Page Content Block',
		noun: 'content block',
		operations: [
			'domains_catalog_pages_content_blocks_list',
			'domains_catalog_pages_content_blocks_create',
			'domains_catalog_pages_content_blocks_retrieve',
			'domains_catalog_pages_content_blocks_partial_update',
			'domains_catalog_pages_content_blocks_destroy',
		],
	},
	{
		value: 'catalogPageComponentBlock',
		name: 'Catalog Page Component Block',
		noun: 'component block',
		operations: [
			'domains_catalog_pages_component_content_blocks_retrieve',
			'domains_catalog_pages_component_content_blocks_partial_update',
		],
	},
	{
		value: 'catalogPageHtmlBlock',
		name: 'Catalog Page HTML Block',
		noun: 'HTML block',
		operations: [
			'domains_catalog_pages_html_content_blocks_retrieve',
			'domains_catalog_pages_html_content_blocks_partial_update',
		],
	},
	{
		value: 'catalogPageTileContainer',
		name: 'Catalog Page Tile Container',
		noun: 'tile container',
		operations: [
			'domains_catalog_pages_tile_container_content_blocks_retrieve',
			'domains_catalog_pages_tile_container_content_blocks_partial_update',
		],
	},
	{
		value: 'catalogPageTile',
		name: 'Catalog Page Tile',
		noun: 'tile',
		operations: [
			'domains_catalog_pages_tile_container_content_blocks_items_list',
			'domains_catalog_pages_tile_container_content_blocks_items_create',
			'domains_catalog_pages_tile_container_content_blocks_items_retrieve',
			'domains_catalog_pages_tile_container_content_blocks_items_partial_update',
			'domains_catalog_pages_tile_container_content_blocks_items_destroy',
		],
	},
	{
		value: 'catalogPageTag',
		name: 'Catalog Page Tag',
		noun: 'tag',
		operations: [
			'domains_catalog_pages_tags_list',
			{
				id: 'domains_catalog_pages_tags_create',
				value: 'add',
				name: 'Add',
				action: 'Add a tag to a catalog page',
			},
			'domains_catalog_pages_tags_retrieve',
			{
				id: 'domains_catalog_pages_tags_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove a tag from a catalog page',
			},
		],
	},
	{
		value: 'catalogPageVisibility',
		name: 'Catalog Page Visibility',
		noun: 'visibility override',
		operations: [
			'domains_catalog_pages_visibility_overrides_list',
			'domains_catalog_pages_visibility_overrides_create',
			'domains_catalog_pages_visibility_overrides_retrieve',
			'domains_catalog_pages_visibility_overrides_destroy',
		],
	},
];
