import type { NodeOverlay } from '../shared/types';

/**
 * API v2's OAuth clients (the credentials other integrations use) and the scope catalogue. Only
 * API v2 has them, so this node asks for the Skilljar V2 API credential alone.
 */
export const overlay: NodeOverlay = [
	{
		value: 'apiClient',
		name: 'API Client',
		operations: [
			// The document declares a free object; the answer is the organisation's list of clients.
			{ id: 'list_clients', pagination: 'links' },
			'create_client',
			'get_client',
			'update_client',
			{
				id: 'deactivate_client',
				value: 'deactivateV2',
				name: 'Deactivate',
				action: 'Deactivate an API client',
			},
			{
				id: 'rotate_client_secret',
				value: 'rotateSecretV2',
				name: 'Rotate Secret',
				action: 'Rotate the secret of an API client',
				description: 'The old secret stops working; update credentials that use it',
			},
		],
	},
	{
		value: 'scope',
		name: 'Scope',
		operations: ['list_scopes'],
	},
];
