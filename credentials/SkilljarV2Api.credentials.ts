import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';

import { fetchAccessToken } from '../nodes/shared/v2/token';

/**
 * Skilljar API v2 authenticates with OAuth 2 client credentials: the client ID and secret buy a
 * short-lived bearer token at POST /v2/auth/token. n8n keeps the token in the hidden, expirable
 * field below and asks `preAuthentication` for a new one when the field is empty; n8n saves
 * everything it returns, so the token's renewal time is kept beside it. The transport hands n8n
 * the credential with the token emptied once that time has come or Skilljar refused the token
 * with 401 (nodes/shared/v2/renewal.ts). The secret itself only ever goes to the token endpoint.
 */
export class SkilljarV2Api implements ICredentialType {
	name = 'skilljarV2Api';

	displayName = 'Skilljar V2 API';

	icon = { light: 'file:../icons/skilljar.svg', dark: 'file:../icons/skilljar.dark.svg' } as const;

	documentationUrl =
		'https://github.com/n8n-nodes-skilljar/n8n-nodes-skilljar/blob/main/docs/api-v2.md#the-credential';

	properties: INodeProperties[] = [
		{
			displayName:
				'An organization admin creates an API v2 client in the Skilljar dashboard (or with the Create API Client action) and copies its secret, which is shown once. Give the client the scopes of the actions you use; docs/api-v2.md lists them per node.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.skilljar.com',
			required: true,
			description:
				'API root, e.g. https://api.skilljar.com (a trailing /, /v1 or /v2 is removed). Point it at http://127.0.0.1:4010 for the local sandbox.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 600,
			description:
				'Most requests started in any 60 seconds by all nodes using this credential in this n8n process (Skilljar publishes no v2 limit; this is v1’s). 0 = no limit.',
		},
		{
			displayName: 'Requests per Hour',
			name: 'requestsPerHour',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5000,
			description:
				'Most requests started in any hour by all nodes using this credential in this n8n process (v1’s published limit). 0 = no limit.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Access Token Renewal Time',
			name: 'accessTokenRenewAt',
			type: 'hidden',
			// Only a time, but the linter takes every field named like a token for a secret.
			typeOptions: { password: true },
			default: '',
		},
	];

	async preAuthentication(
		this: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<IDataObject> {
		const token = await fetchAccessToken(this.helpers.httpRequest, credentials);
		return { accessToken: token.accessToken, accessTokenRenewAt: token.renewAt };
	}

	/** A function, as for v1: it needs no expression engine (see SkilljarApi.authenticate). */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		headers: {
			...(requestOptions.headers ?? {}),
			Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		},
	});

	test: ICredentialTestRequest = {
		request: {
			// The same normalisation as the nodes: no trailing slash, no trailing /v1 or /v2.
			baseURL:
				'={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v[12]$/i, "")}}',
			url: '/v2/students/',
			qs: { 'page[size]': 1 },
			headers: { Accept: 'application/json' },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The token works, but the client lacks the scope students:read, which this test reads with. Add it to the client in Skilljar (or use a client with the scopes of your actions).',
				},
			},
		],
	};
}
