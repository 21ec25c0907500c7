import type { IAdditionalCredentialOptions, ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { SkilljarContext } from '../http/request';
import { renewAtOf } from './token';

/**
 * Renewing the API v2 token before a request, with what n8n offers a node: n8n-core runs a
 * credential's `preAuthentication` (which fetches and saves a new token) whenever the credential
 * it is handed has an empty token field. Handing it the credential's data with the token emptied
 * (`credentialsDecrypted`) therefore renews the token and then sends the request with it, once.
 * Read in n8n-core 1.122 (n8n 1.123) and 2.41: both use `credentialsDecrypted.data` as the
 * credential, and both copy what preAuthentication returns into that object, which is how the
 * new token's renewal time comes back here.
 */

export interface Renewal {
	options: IAdditionalCredentialOptions;
	/** The credential data n8n-core fills with the new token. */
	data: ICredentialDataDecryptedObject;
}

export async function renewalFor(context: SkilljarContext, type: string): Promise<Renewal> {
	const data: ICredentialDataDecryptedObject = {
		...(await context.getCredentials(type)),
		accessToken: '',
	};
	const { id, name } = context.getNode().credentials?.[type] ?? { id: null, name: '' };
	return { options: { credentialsDecrypted: { id: id ?? '', name, type, data } }, data };
}

/** The renewal time of the token n8n-core fetched, or undefined when it fetched none. */
export function renewedAt(renewal: Renewal): number | undefined {
	return renewal.data.accessToken ? renewAtOf(renewal.data) : undefined;
}
