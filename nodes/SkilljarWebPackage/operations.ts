import type { SkilljarField, SkilljarResource } from '../shared/types';

const webPackageIdPathField: SkilljarField = {
	name: 'web_package_id',
	in: 'path',
	type: 'string',
};

export const resources: SkilljarResource[] = [
	{
		value: 'webPackage',
		name: 'Web Package',
		operations: [
			{
				value: 'getAll',
				name: 'Get Many',
				action: 'Get many web packages',
				description: 'Retrieve a paginated list of WebPackages associated with your organization',
				method: 'GET',
				path: '/v1/web-packages',
				pagination: 'pages',
				pageSize: true,
				fields: [],
				reference: ['web-packages list'],
			},
			{
				value: 'create',
				name: 'Create',
				action: 'Create a web package',
				description: 'Create a new WebPackage by providing a URL to a remotely hosted zip file',
				method: 'POST',
				path: '/v1/web-packages',
				fields: [
					{
						name: 'content_url',
						in: 'body',
						type: 'string',
						required: true,
					},
					{
						name: 'web_package.title',
						in: 'body',
						type: 'string',
						required: true,
					},
					{
						name: 'web_package.sync_completion',
						in: 'body',
						type: 'boolean',
					},
					{
						name: 'web_package.redirect_on_completion',
						in: 'body',
						type: 'boolean',
					},
				],
				reference: ['web-packages create'],
			},
			{
				value: 'get',
				name: 'Get',
				action: 'Get a web package',
				description: 'Retrieve detailed information for a specific WebPackage in your organization',
				method: 'GET',
				path: '/v1/web-packages/{web_package_id}',
				fields: [{ ...webPackageIdPathField, required: true }],
				reference: ['web-packages read'],
			},
			{
				value: 'replaceLessons',
				name: 'Replace Lessons',
				action: 'Replace the lessons of a web package',
				description:
					'Update all lesson objects (excluding lesson content items) associated with the specified WebPackage',
				method: 'PUT',
				path: '/v1/web-packages/{web_package_id}/lessons',
				fields: [
					{ ...webPackageIdPathField, required: true },
					{
						name: 'web_package_id',
						in: 'body',
						type: 'string',
						required: true,
						parameter: 'newWebPackageId',
						description: 'WebPackage that will replace the other in its lessons',
					},
				],
				reference: ['web-packages lessons'],
			},
		],
	},
];
