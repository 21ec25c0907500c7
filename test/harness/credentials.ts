import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { SkilljarApi } from '../../credentials/SkilljarApi.credentials';

/**
 * Stands in for n8n's server-side credentials helper (not published on npm): hands out the
 * decrypted credential and applies the credential type's own `authenticate`, as n8n does: a
 * function is called, a `generic` block's `={{$credentials.x}}` expressions are resolved with
 * n8n's real expression engine.
 */
export class SandboxCredentialsHelper extends ICredentialsHelper {
	/** Every credential applied to a request, for tests that check where the key went. */
	readonly applied: Array<{ url: string | undefined; baseURL: string | undefined }> = [];

	constructor(
		private readonly data: ICredentialDataDecryptedObject,
		private readonly type: ICredentialType = new SkilljarApi(),
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const options = requestOptions as IHttpRequestOptions;
		if (typeName !== this.type.name) throw new Error(`Unknown credential type ${typeName}`);
		const authenticate = this.type.authenticate;
		if (!authenticate) return options;
		if (typeof authenticate === 'function') {
			// n8n calls a function-type authenticate with the decrypted credential as it is.
			const authenticated = await authenticate(credentials, options);
			this.applied.push({ url: authenticated.url, baseURL: authenticated.baseURL });
			return authenticated;
		}
		const resolve = (value: unknown): string =>
			String(
				typeof value === 'string' && value.startsWith('=')
					? workflow.expression.getSimpleParameterValue(node, value, 'internal', {
							$credentials: credentials,
						})
					: (value ?? ''),
			);
		const { auth, headers, qs, body } = authenticate.properties;
		if (auth) options.auth = { username: resolve(auth.username), password: resolve(auth.password) };
		if (headers) {
			options.headers = { ...(options.headers ?? {}) };
			for (const [key, value] of Object.entries(headers)) options.headers[key] = resolve(value);
		}
		if (qs) {
			options.qs = { ...(options.qs ?? {}) };
			for (const [key, value] of Object.entries(qs)) options.qs[key] = resolve(value);
		}
		if (body && typeof options.body === 'object' && options.body !== null) {
			for (const [key, value] of Object.entries(body)) {
				(options.body as Record<string, unknown>)[key] = resolve(value);
			}
		}
		this.applied.push({ url: options.url, baseURL: options.baseURL });
		return options;
	}

	/** Skilljar keys need no token exchange before use. */
	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(): INodeProperties[] {
		return this.type.properties;
	}
}
