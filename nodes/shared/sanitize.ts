import type { IDataObject } from 'n8n-workflow';

/**
 * Skilljar answers webhook reads with the stored basic-auth password and extra header values in
 * plain text (the trigger's own delivery secret among them). Execution data is visible to people
 * who cannot open credentials, so every action's output goes through this mask.
 */

export const MASK = '••••';

/** Keys whose value is a secret wherever they appear. */
const SECRET_KEYS = new Set(['basic_auth_password']);

/** Keys whose object's values are secrets (header names stay visible, values do not). */
const SECRET_VALUE_MAPS = new Set(['additional_headers']);

// Held here rather than looked up on the global object for every field: where modules run in a
// separate context (Jest runs them in a vm context), each global lookup is a slow call, and this
// runs for every field of every output record.
const isArray = Array.isArray;
const hasOwn = Object.prototype.hasOwnProperty;

/** A copy of `value` with secrets masked; objects without secrets are returned unchanged. */
export function maskSecrets<T>(value: T): T {
	return maskValue(value, 0) as T;
}

function maskValue(value: unknown, depth: number): unknown {
	if (depth > 20 || value === null || typeof value !== 'object') return value;
	if (isArray(value)) {
		let changed = false;
		const next = value.map((entry) => {
			const masked = maskValue(entry, depth + 1);
			if (masked !== entry) changed = true;
			return masked;
		});
		return changed ? next : value;
	}
	// A plain for…in over own keys: this runs for every field of every output record, so it
	// avoids allocating entry arrays and skips primitives at once.
	const record = value as IDataObject;
	let copy: IDataObject | undefined;
	for (const key in record) {
		if (!hasOwn.call(record, key)) continue;
		const entry = record[key];
		let masked: unknown;
		if (SECRET_KEYS.has(key)) {
			masked = entry === null || entry === undefined || entry === '' ? entry : MASK;
		} else if (entry === null || typeof entry !== 'object') {
			continue;
		} else if (SECRET_VALUE_MAPS.has(key) && !isArray(entry)) {
			masked = Object.fromEntries(Object.keys(entry).map((name) => [name, MASK]));
		} else {
			masked = maskValue(entry, depth + 1);
		}
		if (masked !== entry) {
			copy ??= { ...record };
			copy[key] = masked as IDataObject[string];
		}
	}
	return copy ?? value;
}
