/**
 * Checks of a successful (2xx) answer before it becomes output: a broken answer must be an
 * error, never a success. Pure: returns a problem sentence or undefined.
 */

import type { ApiMethod, ApiResponseKind } from '../apiFacts';

/**
 * Whether a 2xx may come without a body: every DELETE, and what the facts call an `empty` answer
 * (a ping, replacing a web package's lessons).
 */
export function acceptsEmptyAnswer(
	method: ApiMethod,
	answer: ApiResponseKind | undefined,
): boolean {
	return method === 'DELETE' || answer === 'empty';
}

function isEmpty(body: unknown): boolean {
	return body === undefined || body === null || (typeof body === 'string' && body.trim() === '');
}

/** Why a 2xx answer cannot be used, or undefined when it can. */
export function answerProblem(emptyAllowed: boolean, body: unknown): string | undefined {
	if (isEmpty(body)) {
		if (emptyAllowed) return undefined;
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
