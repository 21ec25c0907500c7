import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/*
 * Recognising a redelivery. Skilljar retries a delivery it believes failed (a slow answer, a
 * dropped connection) with the same body, and sends no event id. An event is therefore known by
 * its fingerprint: the event type, Skilljar's timestamp and every id the payload carries. A copy
 * with the same fingerprint is the same event; another learner, course or moment is another.
 *
 * Two memories, both bounded by the window and by MAX_REMEMBERED:
 * - this process's own map, checked and updated without any await in between, so two copies
 *   reaching one n8n process at the same moment start one execution;
 * - the node's workflow static data, which n8n saves to its database before it answers the
 *   delivery and reads again for every delivery, in every process: it carries the memory across
 *   restarts and to the other processes of a queue-mode setup.
 */

/** The window when the node's option is not set: a day, longer than Skilljar's retries take. */
export const DEFAULT_WINDOW_HOURS = 24;

/**
 * The most fingerprints kept per workflow (each about 35 bytes in the static data, which n8n
 * reads for every delivery). Beyond it the oldest are forgotten before the window ends.
 */
export const MAX_REMEMBERED = 5000;

/** Static data key of the remembered fingerprints: `{ fingerprint: accepted at, epoch seconds }`. */
export const REMEMBERED_KEY = 'acceptedEvents';

const FINGERPRINT_LENGTH = 22;

/** Every `id` / `…_id` value in the payload, as sorted `path=value` lines. */
function idLines(value: unknown, path: string, lines: string[]): void {
	if (Array.isArray(value)) {
		value.forEach((entry, index) => idLines(entry, `${path}[${index}]`, lines));
		return;
	}
	if (typeof value !== 'object' || value === null) return;
	for (const [key, entry] of Object.entries(value as IDataObject)) {
		const at = path ? `${path}.${key}` : key;
		const isId = key === 'id' || key.endsWith('_id');
		if (isId && (typeof entry === 'string' || typeof entry === 'number')) {
			lines.push(`${at}=${String(entry)}`);
		} else {
			idLines(entry, at, lines);
		}
	}
}

/**
 * The event's fingerprint, or undefined when the event has no timestamp: without one two real
 * events (the same learner finishing the same lesson twice) could not be told apart, and an event
 * that cannot be recognised is always run rather than risk dropping it.
 */
export function eventFingerprint(event: IDataObject): string | undefined {
	const eventType = typeof event.event_type === 'string' ? event.event_type : '';
	const timestamp = typeof event.timestamp === 'string' ? event.timestamp.trim() : '';
	if (!eventType || !timestamp) return undefined;
	const lines: string[] = [];
	idLines(event, '', lines);
	const canonical = [eventType, timestamp, ...lines.sort()].join('\n');
	return createHash('sha256').update(canonical).digest('base64url').slice(0, FINGERPRINT_LENGTH);
}

/** Fingerprint → accepted at (epoch seconds). */
type Remembered = Record<string, number>;

/** This process's memory, per workflow node and registration kind. */
const processMemory = new Map<string, Remembered>();

function storedMemory(staticData: IDataObject): Remembered | undefined {
	const value = staticData[REMEMBERED_KEY];
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as Remembered)
		: undefined;
}

function isFresh(acceptedAt: unknown, oldest: number): boolean {
	return typeof acceptedAt === 'number' && acceptedAt >= oldest;
}

/**
 * Records the fingerprint, then drops what left the window and, beyond MAX_REMEMBERED, the
 * oldest (by time, not key order: a database may hand the keys back in another order).
 */
function record(entries: Remembered, fingerprint: string, now: number, oldest: number): void {
	entries[fingerprint] = now;
	let count = 0;
	for (const key in entries) {
		if (isFresh(entries[key], oldest)) count++;
		else delete entries[key];
	}
	if (count <= MAX_REMEMBERED) return;
	const byAge = Object.keys(entries).sort((x, y) => entries[x] - entries[y]);
	for (const key of byAge.slice(0, count - MAX_REMEMBERED)) delete entries[key];
}

export interface Admission {
	/** Which memory this delivery belongs to: workflow, node and registration kind. */
	scope: string;
	fingerprint: string;
	windowHours: number;
	/** The node's static data, or undefined when this delivery must not write it. */
	staticData?: IDataObject;
	nowMs: number;
}

/**
 * Whether the event is new: true records it (in this process and, when given, the static data)
 * and the caller starts the workflow; false means a copy was accepted within the window.
 * Synchronous on purpose: no other delivery can run between the check and the record.
 */
export function admitEvent(admission: Admission): boolean {
	const { scope, fingerprint, windowHours, staticData, nowMs } = admission;
	const now = Math.floor(nowMs / 1000);
	const oldest = now - windowHours * 3600;
	let local = processMemory.get(scope);
	const stored = staticData ? storedMemory(staticData) : undefined;
	if (isFresh(local?.[fingerprint], oldest) || isFresh(stored?.[fingerprint], oldest)) return false;

	if (!local) processMemory.set(scope, (local = {}));
	record(local, fingerprint, now, oldest);
	if (staticData) {
		if (stored) record(stored, fingerprint, now, oldest);
		else staticData[REMEMBERED_KEY] = { [fingerprint]: now };
	}
	return true;
}

/** The window a node's parameter asks for: a finite number of hours ≥ 0 (0 = no check). */
export function windowHours(value: unknown): number {
	const hours = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(hours) && hours > 0 ? hours : 0;
}
