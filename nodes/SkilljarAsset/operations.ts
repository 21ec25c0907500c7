import type { SkilljarResource } from '../shared/types';

export const resources: SkilljarResource[] = [
	{
		value: 'asset',
		name: 'Asset',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many assets',
				description: 'Retrieve a paginated list of all assets in your organization',
				method: 'GET',
				path: '/v1/assets',
				pagination: 'pages',
				pageSize: true,
				fields: [],
				reference: ['assets list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create an asset',
				description: 'Upload a new asset to your organization',
				method: 'POST',
				path: '/v1/assets',
				fields: [
					{
						name: 'content_url',
						in: 'body',
						type: 'string',
					},
					{
						name: 'asset.name',
						in: 'body',
						type: 'string',
						description: 'In the Dashboard, this is called “Asset Name” or “Display Name”',
					},
					{
						name: 'asset.embed_link_url',
						in: 'body',
						type: 'string',
					},
					{
						name: 'asset.aspect_ratio',
						in: 'body',
						type: 'options',
						options: ['16:9', '4:3'],
					},
					{
						name: 'asset.sync_completion',
						in: 'body',
						type: 'boolean',
					},
				],
				reference: ['assets create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get an asset',
				description: 'Retrieve detailed information for a specific asset',
				method: 'GET',
				path: '/v1/assets/{asset_id}',
				fields: [
					{
						name: 'asset_id',
						in: 'path',
						type: 'string',
						required: true,
					},
				],
				reference: ['assets read'],
			},
		],
	},
];
