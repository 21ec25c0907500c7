import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox/server';
import { runNode, type RunNodeResult } from './run-node';
import { credentialsFor, v2CredentialsFor } from './sandbox';

/** Runs an action of a node of version 1.1 holding both credentials (v1's key, v2's client). */
export async function runWithBothApis(
	sandbox: Sandbox,
	type: string,
	parameters: INodeParameters,
	items: IDataObject[] = [{}],
	continueOnFail = false,
): Promise<RunNodeResult> {
	return await runNode({
		type,
		typeVersion: 1.1,
		parameters,
		items,
		continueOnFail,
		credentials: credentialsFor(sandbox),
		credentialsV2: v2CredentialsFor(sandbox),
	});
}
