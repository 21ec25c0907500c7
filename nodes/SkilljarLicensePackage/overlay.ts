import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'licensePackage',
		name: 'License Package',
		operations: [
			'license_packages_list',
			'license_packages_create',
			'license_packages_retrieve',
			'license_packages_partial_update',
			'license_packages_destroy',
		],
	},
	{
		value: 'licensePackageStudent',
		name: 'License Package Student',
		noun: 'student',
		operations: [
			{ id: 'license_packages_students_list', largeList: true },
			{
				id: 'license_packages_students_create',
				value: 'add',
				name: 'Add',
				action: 'Add a student to a license package',
			},
			'license_packages_students_partial_update',
		],
	},
];
