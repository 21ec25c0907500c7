import type {
	IAuthenticate,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

/**
 * Skilljar authenticates with HTTP Basic: the API key is the username and the password is empty.
 * The Base URL is configurable so the same credential works against the local sandbox.
 */
export class SkilljarApi implements ICredentialType {
	name = 'skilljarApi';

	displayName = 'Skilljar API';

	icon = { light: 'file:../icons/skilljar.svg', dark: 'file:../icons/skilljar.dark.svg' } as const;

	documentationUrl =
		'https://support.gainsight.com/Skilljar/Develop_and_Customize/API/Getting_started_with_the_Skilljar_API';

	properties: INodeProperties[] = [
		{
			// The two mistakes seen most: looking for the key in a learner account, and a Base URL
			// ending in /v1 (every request path already starts with /v1).
			displayName:
				'An organization admin creates the API key in the Skilljar dashboard under Organization Settings → API Credentials (not available on the Starter plan). The Base URL is the API root without /v1.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Your organization API key, from the Skilljar dashboard under Organization Settings → API Credentials',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.skilljar.com',
			required: true,
			description:
				'API root, e.g. https://api.skilljar.com (a trailing / or /v1 is removed). Point it at http://127.0.0.1:4010 for the local sandbox.',
		},
		{
			displayName: 'Requests per Minute',
			name: 'requestsPerMinute',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 600,
			description:
				'Most requests started in any 60 seconds by all nodes using this credential in this n8n process (Skilljar allows 600). 0 = no limit.',
		},
		{
			displayName: 'Requests per Hour',
			name: 'requestsPerHour',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 5000,
			description:
				'Most requests started in any hour by all nodes using this credential in this n8n process (Skilljar allows 5,000). 0 = no limit.',
		},
	];

	/**
	 * A function rather than a `generic` block of `={{$credentials.apiKey}}` expressions: the
	 * trigger's sample ping runs after n8n has finished the "Listen for test event" call and
	 * released its expression engine ("No bridge acquired"), and a function needs no expression.
	 */
	authenticate: IAuthenticate = async (credentials, requestOptions) => ({
		...requestOptions,
		auth: { username: String(credentials.apiKey ?? ''), password: '' },
	});

	test: ICredentialTestRequest = {
		request: {
			// The same normalisation as the nodes: no trailing slash, no trailing /v1.
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/v1$/i, "")}}',
			url: '/v1/ping',
			headers: { Accept: 'application/json' },
		},
	};
}
