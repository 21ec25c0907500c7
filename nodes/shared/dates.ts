/**
 * n8n's date picker gives a date and time without an offset (`2026-01-31T09:00:00`), meant in the
 * workflow's time zone. Skilljar reads date-times as ISO 8601; one without an offset would be
 * read in Skilljar's own zone. `withOffset` turns such a value into the same moment in UTC.
 */

const HAS_OFFSET = /([zZ]|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;

/** `2026-01-31T09:00:00` in Europe/Berlin → `2026-01-31T08:00:00.000Z`; others unchanged. */
export function withOffset(text: string, timeZone: string): string {
	if (HAS_OFFSET.test(text)) return text;
	const match = LOCAL.exec(text);
	if (!match) return text;
	const [year, month, day, hour, minute, second, millis] = match
		.slice(1)
		.map((part) => Number(part ?? 0));
	const wall = Date.UTC(year, month - 1, day, hour, minute, second, millis);
	// The zone's offset at that moment; asked twice so a change of offset (summer time) is found.
	let instant = wall - offsetAt(wall, timeZone);
	instant = wall - offsetAt(instant, timeZone);
	return new Date(instant).toISOString();
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		}).formatToParts(new Date(instant));
	} catch {
		return 0; // An unknown zone name: read as UTC.
	}
	const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
	const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return wall - (instant - (((instant % 1000) + 1000) % 1000));
}
