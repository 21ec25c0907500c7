import {
	ICredentialsHelper,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type ICredentialType,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeProperties,
	type IRequestOptionsSimplified,
	type Workflow,
} from 'n8n-workflow';

import { SkilljarApi } from '../../credentials/SkilljarApi.credentials';
import { SkilljarV2Api } from '../../credentials/SkilljarV2Api.credentials';

/**
 * Stands in for n8n's server-side credentials helper (not published on npm): hands out the
 * decrypted credential and applies the credential type's own `authenticate`, as n8n does: a
 * function is called, a `generic` block's `={{$credentials.x}}` expressions are resolved with
 * n8n's real expression engine. `preAuthentication` follows n8n's rule for a credential with an
 * expirable hidden field: call the type's `preAuthentication` when the field is empty or the
 * token was refused, and store what it returns (n8n writes it to the database).
 */
export class SandboxCredentialsHelper extends ICredentialsHelper {
	/** Every credential applied to a request, for tests that check where the key went. */
	readonly applied: Array<{ url: string | undefined; baseURL: string | undefined }> = [];

	/** How often a type's `preAuthentication` ran (API v2: tokens fetched). */
	preAuthentications = 0;

	private readonly stored = new Map<string, ICredentialDataDecryptedObject>();

	private readonly types = new Map<string, ICredentialType>();

	constructor(
		data: ICredentialDataDecryptedObject,
		type: ICredentialType = new SkilljarApi(),
		v2Data?: ICredentialDataDecryptedObject,
	) {
		super();
		this.types.set(type.name, type);
		this.stored.set(type.name, { ...data });
		if (v2Data) {
			const v2 = new SkilljarV2Api();
			this.types.set(v2.name, v2);
			this.stored.set(v2.name, { accessToken: '', ...v2Data });
		}
	}

	/** What the credential of a type holds now (API v2: the stored token). */
	storedData(typeName: string): ICredentialDataDecryptedObject | undefined {
		return this.stored.get(typeName);
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
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Unknown credential type ${typeName}`);
		const authenticate = type.authenticate;
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

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		_node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.types.get(typeName);
		const expirable = type?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!type?.preAuthentication || !expirable) return undefined;
		if ((credentials[expirable.name] ?? '') !== '' && !credentialsExpired) return undefined;
		this.preAuthentications++;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const updated = { ...credentials, ...output } as ICredentialDataDecryptedObject;
		this.stored.set(typeName, {
			...(this.stored.get(typeName) ?? {}),
			...output,
		} as ICredentialDataDecryptedObject);
		return updated;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		return { ...(this.stored.get(type) ?? {}) };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.types.get(type)?.properties ?? [];
	}
}
