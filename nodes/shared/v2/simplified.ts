import { own } from '../flatColumns';
import type { SimplifiedRecord } from '../simplify';

/**
 * Simplify for API v2 reads. v2 records are already flat items (nodes/shared/v2/jsonApi.ts), so
 * Simplify here picks the columns a table or export wants from the records that carry many
 * attributes or long HTML: settings flags, descriptions and lesson content go; an included
 * student is folded into plain columns. Students, certificates, domains, groups, question banks,
 * web packages and the rest have ten fields or fewer and no nesting: they have no Simplify.
 * A column whose source is an included record is null unless the action's Include asks for it.
 */

const stamps = own({
	external_id: 'Your own ID for the record',
	created_at: 'When it was created',
	modified_at: 'When it was last changed',
});

export const V2_SIMPLIFIED_RECORDS: readonly SimplifiedRecord[] = [
	{
		title: 'Enrollment (API v2)',
		schemas: ['EnrollmentResource'],
		columns: [
			...own({ id: 'Enrollment ID', student_id: 'ID of the student' }),
			{ name: 'email', from: 'student.email', description: "Student's email (Include: student)" },
			{
				name: 'first_name',
				from: 'student.first_name',
				description: 'First name (Include: student)',
			},
			{ name: 'last_name', from: 'student.last_name', description: 'Last name (Include: student)' },
			...own({
				published_course_id: 'Published course',
				domain_name: 'Domain of the published course',
				active: 'Whether the enrollment is active',
				enrolled_at: 'When the student was enrolled',
				expires_at: 'When it expires (or null)',
				due_at: 'When the course is due (or null)',
				progress_status: 'e.g. in_progress',
				completed_at: 'When completed (or null)',
				success_status: 'e.g. passed (or null)',
				score: 'Score (or null)',
				max_score: 'Highest score possible',
				has_certificate: 'Whether one was issued',
				purchase_id: 'Purchase, for paid enrollments',
			}),
		],
	},
	{
		title: 'Course (API v2)',
		schemas: ['CourseResource'],
		columns: [
			...own({
				id: 'Course ID',
				title: 'Title',
				short_description: 'Short description',
				is_published: 'Whether it is published',
				lesson_count: 'Lessons in the course',
				average_rating: 'Average rating (or null)',
			}),
			...stamps,
		],
	},
	{
		title: 'Published course (API v2)',
		schemas: ['PublishedCourseResource'],
		columns: [
			...own({
				id: 'Published course ID',
				course_id: 'The course published',
				domain_id: 'The domain it is published on',
				slug: 'Its address on the domain',
				live: 'Whether learners can reach it',
				is_hidden: 'Whether it is hidden',
				visible_on_catalog: 'In the catalog',
				open_access: 'Whether anyone may enroll',
			}),
			...stamps,
		],
	},
	{
		title: 'Lesson (API v2)',
		schemas: ['LessonResource', 'LessonDetailResource'],
		columns: [
			...own({
				id: 'Lesson ID',
				course_id: 'Course of the lesson',
				title: 'Title',
				type: 'e.g. HTML, QUIZ',
				order: 'Position in the course',
				quiz_id: 'Quiz of a quiz lesson (or null)',
			}),
			...stamps,
		],
	},
	{
		title: 'Quiz (API v2)',
		schemas: ['QuizResource'],
		columns: [
			...own({
				id: 'Quiz ID',
				name: 'Name',
				passing_percentage_correct: 'Percentage needed to pass',
				max_attempts: 'Attempts allowed',
				time_limit_seconds: 'Time limit (or null)',
			}),
			...stamps,
		],
	},
	{
		title: 'Quiz question (API v2)',
		schemas: ['QuestionResource'],
		columns: [
			...own({
				id: 'Question ID',
				quiz_id: 'Quiz it belongs to (or null)',
				question_bank_id: 'Bank (or null)',
				order: 'Position',
				question_type: 'e.g. MULTIPLE_CHOICE',
				question_html: 'The question',
				is_graded: 'Whether it counts for the score',
				is_optional: 'Whether it may be skipped',
			}),
			...stamps,
		],
	},
];
