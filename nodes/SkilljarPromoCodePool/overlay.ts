import { pickerFor } from '../shared/pickers';
import { VERSION_1_1 } from '../shared/versioned';
import type { NodeOverlay } from '../shared/types';

export const overlay: NodeOverlay = [
	{
		value: 'promoCodePool',
		name: 'Promo Code Pool',
		operations: [
			'promo_code_pools_list',
			'promo_code_pools_create',
			'promo_code_pools_partial_update',
			'promo_code_pools_destroy',
			'promo_code_pools_retrieve',
		],
	},
	{
		value: 'promoCodePoolOffer',
		name: 'Promo Code Pool Offer',
		noun: 'offer',
		operations: [
			'promo_code_pools_offers_list',
			{
				id: 'promo_code_pools_offers_create',
				value: 'add',
				name: 'Add',
				action: 'Add an offer to a promo code pool',
				fields: {
					// Departure: the document leaves `id` optional, but without it the call adds nothing.
					id: {
						parameter: 'offerId',
						label: 'Offer ID',
						required: true,
						picker: pickerFor('searchOffers', 'Offer', VERSION_1_1),
					},
				},
			},
			{
				id: 'promo_code_pools_offers_destroy',
				value: 'remove',
				name: 'Remove',
				action: 'Remove an offer from a promo code pool',
			},
		],
	},
];
