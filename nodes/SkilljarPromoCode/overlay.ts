import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'promoCode',
		name: 'Promo Code',
		operations: [
			{ id: 'promo_codes_list', largeList: true },
			'promo_codes_create',
			'promo_codes_partial_update',
			'promo_codes_retrieve',
			'promo_codes_destroy',
		],
	},
];
