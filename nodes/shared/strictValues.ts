/**
 * Node-level values read strictly. An expression can hand over any type; loose JavaScript
 * conversion would make the string "false" true and "0x10" sixteen. Each reader returns the value
 * or a problem sentence (the caller names the field and throws).
 */

export function strictBoolean(value: unknown): boolean | string {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string') {
		const text = value.trim().toLowerCase();
		if (text === 'true') return true;
		if (text === 'false') return false;
	}
	return `must be true or false, got ${describe(value)}`;
}

/** A whole number in decimal notation, within [min, max]. */
export function strictInteger(
	value: unknown,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): number | string {
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^\s*\d+\s*$/.test(value)) number = Number(value);
	if (number === undefined || !Number.isInteger(number)) {
		return `must be a whole number, got ${describe(value)}`;
	}
	if (number < min || number > max) {
		return max === Number.MAX_SAFE_INTEGER
			? `must be at least ${min}, got ${number}`
			: `must be between ${min} and ${max}, got ${number}`;
	}
	return number;
}

function describe(value: unknown): string {
	if (typeof value === 'string') return `"${value.slice(0, 40)}"`;
	if (Array.isArray(value)) return 'a list';
	if (value === null || value === undefined) return 'nothing';
	if (typeof value === 'object') return 'an object';
	return String(value);
}
