/**
 * Checks of a successful (2xx) answer before it becomes output: a broken answer must be an
 * error, never a success. Pure: returns a problem sentence or undefined.
 */

import { API_OPERATIONS } from '../generated/operations';
import { API_V2_OPERATIONS } from '../generated/operationsV2';

/**
 * Operations Skilljar documents as answering 2xx with no body (the generated facts' `empty`
 * answers), besides every DELETE. Keyed by method and path template.
 */
export const DOCUMENTED_EMPTY_ANSWERS = new Set(
	[...API_OPERATIONS, ...API_V2_OPERATIONS].filter(
		(operation) => operation.response.kind === 'empty' && operation.method !== 'DELETE',
	).map((operation) => `${operation.method} ${operation.path}`),
);

function isEmpty(body: unknown): boolean {
	return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

/**
 * Why a 2xx answer cannot be used, or undefined when it can. `pathTemplate` is the operation's
 * path (with `{placeholders}`), so the exception list above can be consulted.
 */
export function answerProblem(
	method: string,
	pathTemplate: string,
	body: unknown,
): string | undefined {
	if (isEmpty(body)) {
		if (method === 'DELETE' || DOCUMENTED_EMPTY_ANSWERS.has(`${method} ${pathTemplate}`)) {
			return undefined;
		}
		return 'Skilljar answered with an empty body where a record was expected';
	}
	// n8n's HTTP helper parses JSON; a body still in text form was not valid JSON.
	if (typeof body === 'string') {
		return /^\s*</.test(body)
			? 'Skilljar answered with an HTML page instead of JSON'
			: 'Skilljar answered with something that is not valid JSON';
	}
	if (typeof body !== 'object')
		return 'Skilljar answered with a bare value where a record was expected';
	return undefined;
}

/** Expected size of page `pageNumber` (1-based) of a list of `count` items in pages of `pageSize`. */
export function expectedPageSize(count: number, pageSize: number, pageNumber: number): number {
	return Math.max(0, Math.min(pageSize, count - (pageNumber - 1) * pageSize));
}
