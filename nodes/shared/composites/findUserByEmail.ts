import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { skilljarApiRequestAllItems } from '../transport';
import { emailField } from './emailField';
import type { CompositeAction, CompositeCall } from './types';

const USERS = '/v1/users';

/** Values of the "If Not Found" option. */
export const IF_NOT_FOUND = { returnNothing: 'returnNothing', error: 'error' } as const;

/** Emails match whatever their case (Skilljar marks only its name filters case sensitive). */
const sameEmail = (a: unknown, b: string): boolean =>
	typeof a === 'string' && a.trim().toLowerCase() === b.toLowerCase();

/**
 * Find User by Email: Skilljar's documented `email` filter on the organisation's users
 * (GET /v1/users?email=). Only an exact match counts, so a filter the API ignored or applied
 * loosely can never hand back someone else. Outputs the user record as User › Get Many lists it.
 * Not found: nothing by default (as n8n's lookups do: the item simply ends there, and the node
 * setting Always Output Data turns that into an empty item), or an error naming the email.
 */
async function run(this: IExecuteFunctions, call: CompositeCall): Promise<IDataObject[]> {
	const { input, itemIndex, settings } = call;
	const body = (input.body ?? {}) as IDataObject;
	const email = String(body.email).trim();
	const candidates = await (skilljarApiRequestAllItems<IDataObject>).call(
		this,
		{ method: 'GET', path: USERS, qs: { email } },
		{ pagination: 'cursor', limit: 10 },
		itemIndex,
		settings,
	);
	const found = candidates.find((entry) =>
		sameEmail((entry.user as IDataObject | undefined)?.email ?? entry.email, email),
	);
	if (found) return [found];
	if (body.if_not_found === IF_NOT_FOUND.error) {
		throw new NodeOperationError(this.getNode(), `No Skilljar user has the email ${email}`, {
			itemIndex,
			description: 'Set "If Not Found" to "Return Nothing" to let such items end quietly',
		});
	}
	return [];
}

export const findUserByEmail: CompositeAction = {
	value: 'findByEmail',
	name: 'Find by Email',
	action: 'Find a user by email',
	description: 'Looks the email up among the users of all your domains',
	method: 'GET',
	path: USERS,
	uses: [`GET ${USERS}`],
	fields: [
		emailField(),
		{
			name: 'if_not_found',
			in: 'body',
			type: 'options',
			required: true,
			label: 'If Not Found',
			options: [IF_NOT_FOUND.returnNothing, IF_NOT_FOUND.error],
			optionLabels: {
				[IF_NOT_FOUND.returnNothing]: 'Return Nothing',
				[IF_NOT_FOUND.error]: 'Fail (Error)',
			},
			default: IF_NOT_FOUND.returnNothing,
			description: 'What to output when no user has this email',
		},
	],
	run,
};
