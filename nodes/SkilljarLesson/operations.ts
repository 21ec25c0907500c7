import { withRequired } from '../shared/fields';
import type { SkilljarField, SkilljarResource } from '../shared/types';

const contentHtmlField: SkilljarField = {
	name: 'content_html',
	in: 'body',
	type: 'string',
};

const orderField: SkilljarField = {
	name: 'order',
	in: 'body',
	type: 'number',
};

const lessonIdPathField: SkilljarField = {
	name: 'lesson_id',
	in: 'path',
	type: 'string',
};

/** Body fields shared by this resource's create and update actions. */
const lessonFields: SkilljarField[] = [
	{
		name: 'content_asset_id',
		in: 'body',
		type: 'string',
		nullable: true,
		description: 'Known as content_asset_id within the documentation',
	},
	contentHtmlField,
	{
		name: 'content_quiz_id',
		in: 'body',
		type: 'string',
		nullable: true,
		description: 'Known as content_quiz_id within the documentation',
	},
	{
		name: 'content_web_package_id',
		in: 'body',
		type: 'string',
		nullable: true,
		description: 'Known as content_web_package_id within the documentation',
	},
	{
		name: 'course_id',
		in: 'body',
		type: 'string',
		description: 'Known as course_id within the documentation',
	},
	{
		name: 'description_html',
		in: 'body',
		type: 'string',
	},
	{
		name: 'display_fullscreen',
		in: 'body',
		type: 'boolean',
	},
	{
		name: 'optional',
		in: 'body',
		type: 'boolean',
	},
	orderField,
	{
		name: 'search_keywords',
		in: 'body',
		type: 'string',
	},
	{
		name: 'time_seconds',
		in: 'body',
		type: 'number',
		nullable: true,
	},
	{
		name: 'title',
		in: 'body',
		type: 'string',
	},
	{
		name: 'tooltip_html',
		in: 'body',
		type: 'string',
	},
	{
		name: 'type',
		in: 'body',
		type: 'options',
		options: ['ASSET', 'HTML', 'WEB_PACKAGE', 'QUIZ', 'VILT', 'MODULAR', 'SECTION'],
	},
];

/** Body fields shared by this resource's create and update actions. */
const contentItemFields: SkilljarField[] = [
	{
		name: 'content_asset_id',
		in: 'body',
		type: 'string',
	},
	contentHtmlField,
	{
		name: 'content_quiz_id',
		in: 'body',
		type: 'string',
	},
	{
		name: 'header',
		in: 'body',
		type: 'string',
	},
	{
		name: 'lesson_id',
		in: 'body',
		type: 'string',
	},
	orderField,
	{
		name: 'type',
		in: 'body',
		type: 'options',
		options: ['ASSET', 'HTML', 'QUIZ', 'RATING'],
	},
];

export const resources: SkilljarResource[] = [
	{
		value: 'lesson',
		name: 'Lesson',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many lessons',
				description: 'List all lessons within a specific course',
				method: 'GET',
				path: '/v1/lessons',
				pagination: 'pages',
				pageSize: true,
				fields: [
					{
						name: 'course_id',
						in: 'query',
						type: 'string',
						required: true,
						label: 'Course ID',
						description:
							'Course whose lessons to list. Skilljar requires it, although its API document marks it optional.',
					},
				],
				reference: ['lessons list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a lesson',
				description: 'Create a new lesson within a course',
				method: 'POST',
				path: '/v1/lessons',
				fields: [...withRequired(lessonFields, ['course_id', 'order', 'title', 'type'])],
				reference: ['lessons create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a lesson',
				description: 'Partially update an existing lesson',
				method: 'PATCH',
				path: '/v1/lessons/{lesson_id}',
				fields: [{ ...lessonIdPathField, required: true }, ...withRequired(lessonFields, [])],
				reference: ['lessons update', 'lessons partial_update'],
			},
		],
	},
	{
		value: 'contentItem',
		name: 'Content Item',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many content items',
				description: 'List all content items for a lesson',
				method: 'GET',
				path: '/v1/lessons/{lesson_id}/content-items',
				pagination: 'pages',
				pageSize: true,
				fields: [{ ...lessonIdPathField, required: true }],
				reference: ['lessons > content-items list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a content item',
				description: 'Create a new content item in a lesson',
				method: 'POST',
				path: '/v1/lessons/{lesson_id}/content-items',
				fields: [
					{ ...lessonIdPathField, required: true },
					...withRequired(contentItemFields, ['header', 'order', 'type']),
				],
				reference: ['lessons > content-items create'],
			},
			{
				value: 'update',
				name: 'Update',
				action: 'Update a content item',
				description: 'Partially update a lesson content item',
				method: 'PATCH',
				path: '/v1/lessons/{lesson_id}/content-items/{lesson_content_item_id}',
				fields: [
					{ ...lessonIdPathField, required: true },
					{
						name: 'lesson_content_item_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					...withRequired(contentItemFields, []),
				],
				reference: ['lessons > content-items update', 'lessons > content-items partial_update'],
			},
		],
	},
];
