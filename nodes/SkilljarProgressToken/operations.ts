import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'progressToken',
		name: 'Progress Token',
		operations: [
			{
				value: 'update',
				name: 'Update',
				action: 'Update a progress token',
				description:
					"APIs for managing progress tokens, which are used to securely update a learner's progress in a course or lesson. Progress tokens allow for tracking and updating completion status for specific learning activities. Use these endpoints to update progress based on a token, which may also update the corresponding lesson progress and course status for the user.",
				method: 'PATCH',
				path: '/v1/progresstokens/{progress_token_id}',
				fields: [
					{
						name: 'progress_token_id',
						in: 'path',
						// eslint-disable-next-line n8n-nodes-base/node-param-type-options-password-missing -- an ID, not a secret
						type: 'string',
						required: true,
					},
					{
						name: 'completed_at',
						in: 'body',
						type: 'dateTime',
						nullable: true,
						description:
							'ISO 8601 formatted datetime string indicating when the user completed the task',
					},
					{
						name: 'success_status',
						in: 'body',
						type: 'options',
						options: ['PASSED', 'FAILED'],
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
				],
				reference: ['progresstokens update', 'progresstokens partial_update'],
			},
		],
	},
];
