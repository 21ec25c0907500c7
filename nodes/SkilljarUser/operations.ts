import type { SkilljarField, SkilljarResource } from '../shared/types';

const userIdPathField: SkilljarField = {
	name: 'user_id',
	in: 'path',
	type: 'string',
};

const publishedCourseIdPathField: SkilljarField = {
	name: 'published_course_id',
	in: 'path',
	type: 'string',
};

export const resources: SkilljarResource[] = [
	{
		value: 'user',
		name: 'User',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many users',
				description: 'List users registered on at least one domain',
				method: 'GET',
				path: '/v1/users',
				pagination: 'cursor',
				fields: [
					{
						name: 'email',
						in: 'query',
						type: 'string',
						description: 'Filter users by email address',
					},
					{
						name: 'first_name',
						in: 'query',
						type: 'string',
						description: 'Filter users by first name - case sensitive',
					},
					{
						name: 'is_inactive',
						in: 'query',
						type: 'boolean',
						description: 'Whether to return inactive users (true) or active users (false)',
					},
					{
						name: 'last_name',
						in: 'query',
						type: 'string',
						description: 'Filter users by last name - case sensitive',
					},
				],
				reference: ['users list'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update an user',
				description: 'Partially update user details',
				method: 'PATCH',
				path: '/v1/users/{user_id}',
				fields: [
					{ ...userIdPathField, required: true },
					{
						name: 'email',
						in: 'body',
						type: 'string',
						description: 'Email address',
					},
					{
						name: 'first_name',
						in: 'body',
						type: 'string',
						description: 'First name',
					},
					{
						name: 'last_name',
						in: 'body',
						type: 'string',
						description: 'Last name',
					},
				],
				reference: ['users update', 'users partial_update'],
			},
			{
				value: 'anonymize',
				name: 'Anonymize',
				action: 'Anonymize an user',
				description: 'Permanently anonymize a user',
				method: 'POST',
				path: '/v1/users/{user_id}/anonymize',
				fields: [{ ...userIdPathField, required: true }],
				reference: ['users anonymize'],
			},
		],
	},
	{
		value: 'userGroup',
		name: 'User Group',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user groups',
				description: 'List groups for a user',
				method: 'GET',
				path: '/v1/users/{user_id}/groups',
				pagination: 'pages',
				fields: [{ ...userIdPathField, required: true }],
				reference: ['users > groups list'],
			},
		],
	},
	{
		value: 'userPlanEnrollment',
		name: 'User Plan Enrollment',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user plan enrollments',
				description: 'List plan enrollments for a user',
				method: 'GET',
				path: '/v1/users/{user_id}/plan-enrollments',
				pagination: 'array',
				fields: [{ ...userIdPathField, required: true }],
				reference: ['users > plan-enrollments list'],
			},
		],
	},
	{
		value: 'courseProgress',
		name: 'Course Progress',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many course progress records',
				description: 'List published courses with progress for a user',
				method: 'GET',
				path: '/v1/users/{user_id}/published-courses',
				pagination: 'array',
				fields: [{ ...userIdPathField, required: true }],
				reference: ['users > published-courses list'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a course progress',
				description: 'Partially update course progress for a user',
				method: 'PATCH',
				path: '/v1/users/{user_id}/published-courses/{published_course_id}',
				fields: [
					{ ...userIdPathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{
						name: 'published_course_id',
						in: 'body',
						type: 'string',
						description: 'ID of the PublishedCourse',
					},
					{
						name: 'course_progress.completed_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							"Datetime at which the user completed the course. If null, the user hasn't completed.",
					},
					{
						name: 'course_progress.score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Course score achieved by student',
					},
					{
						name: 'course_progress.max_score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Maximum score possible in course',
					},
					{
						name: 'course_progress.credits_earned',
						in: 'body',
						type: 'string',
						description: 'Credits earned by completing the course',
					},
					{
						name: 'course_progress.credit_unit_plural',
						in: 'body',
						type: 'string',
						description: 'Type of credit earned',
					},
					{
						name: 'course_progress.success_status',
						in: 'body',
						type: 'options',
						options: ['PASSED', 'FAILED'],
						nullable: true,
						description:
							"Success status of course progress: 'PASSED', 'FAILED' or null * `PASSED` - Passed * `FAILED` - Failed",
					},
				],
				reference: ['users > published-courses update', 'users > published-courses partial_update'],
			},
		],
	},
	{
		value: 'userLessonProgress',
		name: 'User Lesson Progress',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user lesson progress records',
				description: 'List lessons with progress for a user in a published course',
				method: 'GET',
				path: '/v1/users/{user_id}/published-courses/{published_course_id}/lessons',
				pagination: 'pages',
				fields: [
					{ ...userIdPathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
				],
				reference: ['users > published-courses > lessons list'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update an user lesson progress',
				description: 'Partially update lesson progress for a user',
				method: 'PATCH',
				path: '/v1/users/{user_id}/published-courses/{published_course_id}/lessons/{lesson_id}',
				fields: [
					{ ...userIdPathField, required: true },
					{ ...publishedCourseIdPathField, required: true },
					{
						name: 'lesson_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					{
						name: 'lesson_progress.completed_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							"Datetime at which the user completed the lesson. If null, the user hasn't completed.",
					},
					{
						name: 'lesson_progress.success_status',
						in: 'body',
						type: 'options',
						options: ['PASSED', 'FAILED'],
						nullable: true,
						description: "'PASSED', 'FAILED' or null * `PASSED` - Passed * `FAILED` - Failed",
					},
					{
						name: 'lesson_progress.score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Lesson score achieved by student',
					},
					{
						name: 'lesson_progress.max_score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Maximum score possible for the lesson',
					},
					{
						name: 'lesson_progress.custom_data',
						in: 'body',
						type: 'string',
						nullable: true,
					},
					{
						name: 'lesson_progress.lesson_progress_id',
						in: 'body',
						type: 'string',
					},
				],
				reference: [
					'users > published-courses > lessons update',
					'users > published-courses > lessons partial_update',
				],
			},
		],
	},
	{
		value: 'userPathEnrollment',
		name: 'User Path Enrollment',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many user path enrollments',
				description: 'List Learning Path enrollments for a user',
				method: 'GET',
				path: '/v1/users/{user_id}/published-path-enrollments',
				pagination: 'array',
				fields: [{ ...userIdPathField, required: true }],
				reference: ['users > published-path-enrollments list'],
			},
		],
	},
];
