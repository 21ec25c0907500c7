import { USER_PUBLISHED_COURSE_PICKER } from '../shared/pickers';
import type { NodeOverlay } from '../shared/types';

/**
 * Below a user, a published course is picked from that user's own courses: the domain-wide
 * picker would need a Domain Name these actions do not have.
 */
const publishedCourse = { published_course_id: { picker: USER_PUBLISHED_COURSE_PICKER } };
const ofUser = { 'path:published_course_id': { picker: USER_PUBLISHED_COURSE_PICKER } };

export const overlay: NodeOverlay = [
	{
		value: 'user',
		name: 'User',
		operations: [
			{ id: 'users_list', largeList: true },
			'users_partial_update',
			'users_anonymize_create',
			'users_retrieve',
			// GET /v1/users?email= with an exact match (nodes/shared/composites/).
			{ composite: 'findUserByEmail' },
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_students',
			'create_students',
			'update_students',
			'get_student',
			{
				id: 'deactivate_student',
				value: 'deactivateV2',
				name: 'Deactivate',
				action: 'Deactivate a user',
				description: 'API v2: a soft delete (Update in Bulk reactivates)',
			},
			{
				id: 'anonymize_student',
				description: 'API v2: erases personal data for good (irreversible)',
			},
			{ id: 'send_password_reset', action: 'Send a password reset email to a user' },
			{
				id: 'set_student_password',
				action: 'Set the password of a user',
				fields: { 'attributes.password': { secret: true } },
			},
		],
	},
	{
		value: 'userGroup',
		name: 'User Group',
		noun: 'group of a user',
		plural: 'groups of a user',
		operations: ['users_groups_list'],
	},
	{
		value: 'userPlanEnrollment',
		name: 'User Plan Enrollment',
		operations: ['users_plan_enrollments_list'],
	},
	{
		value: 'courseProgress',
		name: 'Course Progress',
		plural: 'course progress records',
		operations: [
			'users_published_courses_list',
			{ id: 'users_published_courses_partial_update', fields: ofUser },
			{ id: 'users_published_courses_retrieve', fields: publishedCourse },
		],
	},
	{
		value: 'userLessonProgress',
		name: 'User Lesson Progress',
		noun: 'lesson progress of a user',
		plural: 'lesson progress records of a user',
		operations: [
			{ id: 'users_published_courses_lessons_list', fields: publishedCourse },
			{ id: 'users_published_courses_lessons_partial_update', fields: publishedCourse },
			{ id: 'users_published_courses_lessons_retrieve', fields: publishedCourse },
		],
	},
	{
		value: 'userPathEnrollment',
		name: 'User Path Enrollment',
		operations: ['users_published_path_enrollments_list'],
	},
];
