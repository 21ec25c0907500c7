import type { FlatColumn, SimplifiedRecord } from '../simplify';

/**
 * Simplify for API v2 reads. v2 records are already flat items (nodes/shared/v2/jsonApi.ts), so
 * Simplify here picks the columns a table or export wants from the records that carry many
 * attributes or long HTML: settings flags, descriptions and lesson content go; an included
 * student is folded into plain columns. Students, certificates, domains, groups, question banks,
 * web packages and the rest have ten fields or fewer and no nesting: they have no Simplify.
 * A column whose source is an included record is null unless the action's Include asks for it.
 */

const stamps: readonly FlatColumn[] = [
	{ name: 'external_id', from: 'external_id', description: 'Your own ID for the record' },
	{ name: 'created_at', from: 'created_at', description: 'When it was created' },
	{ name: 'modified_at', from: 'modified_at', description: 'When it was last changed' },
];

export const V2_SIMPLIFIED_RECORDS: readonly SimplifiedRecord[] = [
	{
		title: 'Enrollment (API v2)',
		schemas: ['EnrollmentResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Enrollment ID' },
			{ name: 'student_id', from: 'student_id', description: 'ID of the student' },
			{ name: 'email', from: 'student.email', description: "Student's email (Include: student)" },
			{
				name: 'first_name',
				from: 'student.first_name',
				description: 'First name (Include: student)',
			},
			{ name: 'last_name', from: 'student.last_name', description: 'Last name (Include: student)' },
			{ name: 'published_course_id', from: 'published_course_id', description: 'Published course' },
			{ name: 'domain_name', from: 'domain_name', description: 'Domain of the published course' },
			{ name: 'active', from: 'active', description: 'Whether the enrollment is active' },
			{ name: 'enrolled_at', from: 'enrolled_at', description: 'When the student was enrolled' },
			{ name: 'expires_at', from: 'expires_at', description: 'When it expires (or null)' },
			{ name: 'due_at', from: 'due_at', description: 'When the course is due (or null)' },
			{ name: 'progress_status', from: 'progress_status', description: 'e.g. in_progress' },
			{ name: 'completed_at', from: 'completed_at', description: 'When completed (or null)' },
			{ name: 'success_status', from: 'success_status', description: 'e.g. passed (or null)' },
			{ name: 'score', from: 'score', description: 'Score (or null)' },
			{ name: 'max_score', from: 'max_score', description: 'Highest score possible' },
			{ name: 'has_certificate', from: 'has_certificate', description: 'Whether one was issued' },
			{ name: 'purchase_id', from: 'purchase_id', description: 'Purchase, for paid enrollments' },
		],
	},
	{
		title: 'Course (API v2)',
		schemas: ['CourseResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Course ID' },
			{ name: 'title', from: 'title', description: 'Title' },
			{ name: 'short_description', from: 'short_description', description: 'Short description' },
			{ name: 'is_published', from: 'is_published', description: 'Whether it is published' },
			{ name: 'lesson_count', from: 'lesson_count', description: 'Lessons in the course' },
			{ name: 'average_rating', from: 'average_rating', description: 'Average rating (or null)' },
			...stamps,
		],
	},
	{
		title: 'Published course (API v2)',
		schemas: ['PublishedCourseResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Published course ID' },
			{ name: 'course_id', from: 'course_id', description: 'The course published' },
			{ name: 'domain_id', from: 'domain_id', description: 'The domain it is published on' },
			{ name: 'slug', from: 'slug', description: 'Its address on the domain' },
			{ name: 'live', from: 'live', description: 'Whether learners can reach it' },
			{ name: 'is_hidden', from: 'is_hidden', description: 'Whether it is hidden' },
			{ name: 'visible_on_catalog', from: 'visible_on_catalog', description: 'In the catalog' },
			{ name: 'open_access', from: 'open_access', description: 'Whether anyone may enroll' },
			...stamps,
		],
	},
	{
		title: 'Lesson (API v2)',
		schemas: ['LessonResource', 'LessonDetailResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Lesson ID' },
			{ name: 'course_id', from: 'course_id', description: 'Course of the lesson' },
			{ name: 'title', from: 'title', description: 'Title' },
			{ name: 'type', from: 'type', description: 'e.g. HTML, QUIZ' },
			{ name: 'order', from: 'order', description: 'Position in the course' },
			{ name: 'quiz_id', from: 'quiz_id', description: 'Quiz of a quiz lesson (or null)' },
			...stamps,
		],
	},
	{
		title: 'Quiz (API v2)',
		schemas: ['QuizResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Quiz ID' },
			{ name: 'name', from: 'name', description: 'Name' },
			{
				name: 'passing_percentage_correct',
				from: 'passing_percentage_correct',
				description: 'Percentage needed to pass',
			},
			{ name: 'max_attempts', from: 'max_attempts', description: 'Attempts allowed' },
			{
				name: 'time_limit_seconds',
				from: 'time_limit_seconds',
				description: 'Time limit (or null)',
			},
			...stamps,
		],
	},
	{
		title: 'Quiz question (API v2)',
		schemas: ['QuestionResource'],
		columns: [
			{ name: 'id', from: 'id', description: 'Question ID' },
			{ name: 'quiz_id', from: 'quiz_id', description: 'Quiz it belongs to (or null)' },
			{ name: 'question_bank_id', from: 'question_bank_id', description: 'Bank (or null)' },
			{ name: 'order', from: 'order', description: 'Position' },
			{ name: 'question_type', from: 'question_type', description: 'e.g. MULTIPLE_CHOICE' },
			{ name: 'question_html', from: 'question_html', description: 'The question' },
			{ name: 'is_graded', from: 'is_graded', description: 'Whether it counts for the score' },
			{ name: 'is_optional', from: 'is_optional', description: 'Whether it may be skipped' },
			...stamps,
		],
	},
];
