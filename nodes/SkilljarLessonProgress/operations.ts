import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'lessonProgress',
		name: 'Lesson Progress',
		operations: [
			{
				value: 'update',
				name: 'Update',
				action: 'Update a lesson progress',
				description: 'Partially update the progress for a specific lesson progress object',
				method: 'PATCH',
				path: '/v1/lesson-progress/{lesson_progress_id}',
				fields: [
					{
						name: 'lesson_progress_id',
						in: 'path',
						type: 'string',
						required: true,
					},
					{
						name: 'finished_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							'ISO 8601 formatted datetime string indicating when the user finished the lesson content. Setting this field will also mark the lesson complete unless the lesson requires validation, such as a review of proctoring.',
					},
					{
						name: 'completed_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							'ISO 8601 formatted datetime string indicating when the user completed the lesson. If null, the user has not completed the lesson.',
					},
					{
						name: 'success_status',
						in: 'body',
						type: 'options',
						options: ['PASSED', 'FAILED'],
						nullable: true,
						description: "'PASSED', 'FAILED' or null",
					},
					{
						name: 'score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Score received',
					},
					{
						name: 'max_score',
						in: 'body',
						type: 'number',
						nullable: true,
						description: 'Max possible score',
					},
					{
						name: 'custom_data',
						in: 'body',
						type: 'string',
						nullable: true,
					},
					{
						name: 'validation_status',
						in: 'body',
						type: 'options',
						options: ['PASSED', 'FAILED'],
						nullable: true,
						description: "'PASSED', 'FAILED' or null",
					},
					{
						name: 'validation_data',
						in: 'body',
						type: 'json',
						nullable: true,
						default: '{}',
						description: 'JSON formatted. Ignored if the lesson does not require validation.',
					},
				],
				reference: ['lesson-progress update', 'lesson-progress partial_update'],
			},
		],
	},
];
