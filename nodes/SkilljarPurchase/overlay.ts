import type { NodeOverlay } from '../shared/types';

/** Where a Purchase ID comes from: Skilljar cannot list purchases. */
const PURCHASE_ID =
	'Skilljar has no list of purchases. A Purchase ID comes from a paid course enrollment (purchase_id when simplified, purchase.purchase_id otherwise) or from a Purchase Fulfillment event of the Skilljar Trigger.';

export const overlay: NodeOverlay = [
	{
		value: 'purchase',
		name: 'Purchase',
		operations: [
			{ id: 'purchases_retrieve', idNotice: PURCHASE_ID },
			{ id: 'purchases_partial_update', idNotice: PURCHASE_ID },
			{ id: 'purchases_fulfill_create', idNotice: PURCHASE_ID },
		],
	},
];
