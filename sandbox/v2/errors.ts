// v2's error answers: a JSON:API `errors` list (ErrorEnvelope in the document).

import type { V2Reply } from './context';
import type { SchemaProblem } from './schema';

const TITLES: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	415: 'Unsupported Media Type',
	422: 'Unprocessable Entity',
};

export function errorReply(
	status: number,
	code: string,
	detail: string,
	extra: { source?: Record<string, unknown>; meta?: Record<string, unknown> } = {},
): V2Reply {
	const error: Record<string, unknown> = {
		status: String(status),
		code,
		title: TITLES[status] ?? 'Error',
		detail,
	};
	if (extra.source) error.source = extra.source;
	const body: Record<string, unknown> = { errors: [error] };
	if (extra.meta) body.meta = extra.meta;
	return { status, body };
}

export const notFound = (what = 'Resource'): V2Reply =>
	errorReply(404, 'not_found', `${what} not found.`);

/** 422 listing every schema problem, each pointing at its value. */
export function schemaErrors(problems: SchemaProblem[], where: 'body' | 'query'): V2Reply {
	return {
		status: 422,
		body: {
			errors: problems.map((p) => ({
				status: '422',
				code: 'validation_error',
				title: TITLES[422],
				detail: p.detail,
				source: where === 'body' ? { pointer: p.pointer || '/' } : { parameter: p.pointer },
			})),
		},
	};
}
