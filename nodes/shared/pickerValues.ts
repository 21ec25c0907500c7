import { hasSince, VERSION_1_1 } from './versioned';
import type { SkilljarField } from './types';

/**
 * The run-time side of a picker: turns its value (a resource locator `{ mode, value }`, or plain
 * text from a workflow saved before the field was a picker) into the ID or domain name to send,
 * refusing a malformed one with the field's name before any request.
 */

/** Every object ID parameter in Skilljar's OpenAPI document has the pattern `^[0-9a-z]+$`. */
export const ID_TEXT = '[0-9a-z]+';
/** `domain_name`'s pattern in the OpenAPI document: the training site's host (and port). */
export const DOMAIN_TEXT = '[-:.0-9a-z]+';
/** Any page of a training site; the one group is its host (and port), i.e. the domain name. */
export const DOMAIN_URL = 'https?://([-.0-9A-Za-z]+(?::[0-9]+)?)(?:[/?#].*)?';

const WHOLE = (pattern: string) => new RegExp(`^(?:${pattern})$`);
const ID = WHOLE(ID_TEXT);
const DOMAIN = WHOLE(DOMAIN_TEXT);
const TRAINING_SITE_URL = WHOLE(DOMAIN_URL);

type Fail = (field: SkilljarField, problem: string) => never;

export function pickedValue(
	field: SkilljarField,
	raw: unknown,
	version: number,
	fail: Fail,
): unknown {
	const locator = typeof raw === 'object' && raw !== null && 'mode' in raw;
	const mode = locator ? String((raw as { mode: unknown }).mode) : 'id';
	const value = locator ? (raw as { value?: unknown }).value : raw;
	if (typeof value !== 'string') return value;
	const text = value.trim();
	if (!text) return text;
	const byName = field.picker?.manual === 'name';

	if (mode === 'url') {
		const match = byName ? TRAINING_SITE_URL.exec(text) : null;
		if (!match) {
			return fail(
				field,
				byName
					? `must be a URL of the training site (e.g. https://learn.example.com/getting-started), got "${text}"`
					: 'cannot be given by URL: enter its ID',
			);
		}
		return match[1].toLowerCase();
	}
	// Version 1 sends what it was given, as release 0.1.0 did.
	if (!hasSince(version, VERSION_1_1)) return value;
	if (byName) {
		const name = text.toLowerCase();
		if (!DOMAIN.test(name)) {
			return fail(field, `must be a domain name such as learn.example.com, got "${text}"`);
		}
		return name;
	}
	if (!ID.test(text)) {
		return fail(field, `must be a Skilljar ID (lowercase letters and digits), got "${text}"`);
	}
	return text;
}
