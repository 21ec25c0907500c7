import { withRequired } from '../shared/fields';
import type { SkilljarField, SkilljarResource } from '../shared/types';

/** Body fields shared by this resource's create and update actions. */
const courseFields: SkilljarField[] = [
	{
		name: 'enforce_sequential_navigation',
		in: 'body',
		type: 'boolean',
		description: 'Whether learners must complete lessons in order',
	},
	{
		name: 'long_description_html',
		in: 'body',
		type: 'string',
		description: 'The long description as HTML content',
	},
	{
		name: 'short_description',
		in: 'body',
		type: 'string',
		description: 'The short description of the course',
	},
	{
		name: 'title',
		in: 'body',
		type: 'string',
		description: 'The title of the course',
	},
	{
		name: 'labels',
		in: 'body',
		type: 'stringList',
		description: 'A comma separated list of labels ex: ["label1", "label2"]',
	},
	{
		name: 'display_course_and_lesson_time',
		in: 'body',
		type: 'boolean',
		description:
			'Whether to display course and lesson times on the course tile (course time only) and detail page (both)',
	},
	{
		name: 'manual_course_time',
		in: 'body',
		type: 'string',
		description: 'Custom text string for the course time',
	},
	{
		name: 'display_manual_course_time',
		in: 'body',
		type: 'boolean',
		description:
			'Whether the manual course time is displayed on the detail, curriculum and lesson pages and the course tile (it overrides the summed course time)',
	},
	{
		name: 'course_and_lesson_time_format',
		in: 'body',
		type: 'options',
		options: ['HOURS_MINUTES_SECONDS', 'HOURS_MINUTES', 'HOURS_MINUTES_VERBOSE', 'MINUTES_VERBOSE'],
		description:
			'The format to use for displaying course and lesson times. Possible values: "HOURS_MINUTES_SECONDS", "HOURS_MINUTES", "HOURS_MINUTES_VERBOSE", "MINUTES_VERBOSE". If display manual course time is enabled, this will not be used',
	},
];

export const resources: SkilljarResource[] = [
	{
		value: 'course',
		name: 'Course',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many courses',
				description: 'List all courses in your organization',
				method: 'GET',
				path: '/v1/courses',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'label__name',
						in: 'query',
						type: 'string',
						description: 'Filter courses by exact match on label name',
					},
				],
				reference: ['courses list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a course',
				description: 'Create a new course',
				method: 'POST',
				path: '/v1/courses',
				fields: [
					...withRequired(courseFields, [
						'enforce_sequential_navigation',
						'short_description',
						'title',
					]),
				],
				reference: ['courses create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a course',
				description: 'Partially update a course',
				method: 'PATCH',
				path: '/v1/courses/{course_id}',
				fields: [
					{
						name: 'course_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					...withRequired(courseFields, []),
				],
				reference: ['courses update', 'courses partial_update'],
			},
		],
	},
];
