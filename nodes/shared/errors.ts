import type { JsonObject } from 'n8n-workflow';

/**
 * Turns a Skilljar (Django REST Framework) error body into one readable line.
 *
 * Skilljar answers `{"detail": "..."}`, or a field map whose values are lists of messages,
 * nested maps (`{"user": {"id": ["This field is required."]}}`) or, in one observed case,
 * a plain string (`{"query_params": "Course ID required as a query parameter"}`).
 */
export function describeSkilljarError(body: unknown): string {
	if (body === undefined || body === null || body === '') return '';
	if (typeof body === 'string') return looksLikeHtml(body) ? '' : body.trim().slice(0, 500);
	if (Array.isArray(body)) return body.map(describeSkilljarError).filter(Boolean).join('; ');
	if (typeof body !== 'object') return String(body);
	const object = body as JsonObject;
	if (typeof object.detail === 'string' && Object.keys(object).length === 1) return object.detail;
	if (Array.isArray(object.errors)) return describeJsonApiErrors(object.errors);
	return flattenFieldErrors(object).join('; ');
}

function flattenFieldErrors(value: unknown, prefix = ''): string[] {
	if (value === null || value === undefined) return [];
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
		return [prefix ? `${prefix}: ${value}` : String(value)];
	}
	if (Array.isArray(value)) {
		const messages = value.filter((entry) => typeof entry !== 'object' || entry === null);
		const nested = value.flatMap((entry, index) =>
			typeof entry === 'object' && entry !== null
				? flattenFieldErrors(entry, `${prefix}[${index}]`)
				: [],
		);
		const own = messages.length
			? [prefix ? `${prefix}: ${messages.join(' ')}` : messages.join(' ')]
			: [];
		return [...own, ...nested];
	}
	return Object.entries(value as JsonObject).flatMap(([key, entry]) => {
		const path =
			key === 'non_field_errors' || key === 'detail' ? prefix : prefix ? `${prefix}.${key}` : key;
		return flattenFieldErrors(entry, path);
	});
}

/** API v2's error document: `{errors: [{status, code, title, detail, source: {pointer}}]}`. */
function describeJsonApiErrors(errors: unknown[]): string {
	return errors
		.map((entry) => {
			if (typeof entry !== 'object' || entry === null) return String(entry);
			const error = entry as JsonObject;
			const text = [error.title, error.detail].filter((part) => typeof part === 'string' && part);
			const unique = text.length === 2 && text[0] === text[1] ? [text[0]] : text;
			const pointer = (error.source as JsonObject | null | undefined)?.pointer;
			const where = typeof pointer === 'string' && pointer ? ` (at ${pointer})` : '';
			return `${unique.join(': ') || String(error.code ?? '')}${where}`;
		})
		.filter(Boolean)
		.join('; ');
}

function looksLikeHtml(text: string): boolean {
	return /^\s*</.test(text);
}

/** Short, status-specific headline for a failed request. */
export function statusHeadline(status: number): string {
	if (status === 400) return 'Skilljar rejected the request';
	if (status === 401) return 'Skilljar did not accept the API key';
	if (status === 403) return 'The API key is not allowed to do this';
	if (status === 404) return 'Skilljar found no such record or endpoint';
	if (status === 405) return 'Skilljar does not allow this method here';
	if (status === 429) return 'Skilljar rate limit reached';
	if (status >= 500) return 'Skilljar had an internal error';
	return `Skilljar answered with HTTP ${status}`;
}
