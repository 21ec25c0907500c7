import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'asset',
		name: 'Asset',
		operations: [
			'assets_list',
			'assets_create',
			// Get answers with a signed link to the file; version 1.1 can download it (binaryOutput.ts).
			{ id: 'assets_retrieve', download: { urlField: 'download_url', nameField: 'name' } },
			'assets_destroy',
		],
	},
];
