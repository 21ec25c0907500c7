import type { NodeOverlay } from '../shared/types';

/** `{"add": [...], "remove": [...]}` objects: one JSON field each, as since release 0.1.0. */
const addRemove = {
	description: 'IDs to add and to remove, e.g. {"add": ["id1"], "remove": ["id2"]}',
	default: '[]',
};

export const overlay: NodeOverlay = [
	{
		value: 'trainingCreditCode',
		name: 'Training Credit Code',
		operations: [
			{ id: 'training_credit_codes_list', largeList: true },
			'training_credit_codes_create',
			{
				id: 'training_credit_codes_partial_update',
				json: ['student_groups', 'offers'],
				fields: { student_groups: addRemove, offers: addRemove },
			},
			'training_credit_codes_retrieve',
		],
	},
];
