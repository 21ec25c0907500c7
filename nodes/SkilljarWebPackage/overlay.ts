import { pickerFor } from '../shared/pickers';
import { VERSION_1_1 } from '../shared/versioned';
import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'webPackage',
		name: 'Web Package',
		operations: [
			'web_packages_list',
			'web_packages_create',
			'web_packages_retrieve',
			{
				id: 'web_packages_lessons_update',
				value: 'replaceLessons',
				name: 'Replace Lessons',
				action: 'Replace the lessons of a web package',
				// The body's web_package_id (the new package) would clash with the path's parameter name.
				fields: {
					'body:web_package_id': {
						parameter: 'newWebPackageId',
						label: 'New Web Package ID',
						picker: pickerFor('searchWebPackages', 'New Web Package', VERSION_1_1),
					},
				},
			},
			'web_packages_destroy',
			// API v2 (Skilljar V2 API credential; docs/api-v2.md)
			'list_web_packages',
			'create_web_packages',
			'update_web_packages',
			'get_web_package',
			'delete_web_package',
		],
	},
];
