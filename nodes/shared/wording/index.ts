import type { SkilljarField } from '../types';
import type { Wording } from './types';
import { V1_WORDING } from './v1';
import { V2_WORDING } from './v2';

/**
 * The help text of every field, from one wording table per API (the path's first segment:
 * `/v1/…`). A new API adds its table here; a field it lacks fails the wording test.
 */
const WORDING_BY_API: Readonly<Record<string, Wording>> = {
	v1: V1_WORDING,
	v2: V2_WORDING,
};

/** The record a field belongs to, as the action texts name it ("domain user", "domain users"). */
export interface WordingContext {
	path: string;
	noun: string;
	plural: string;
}

export function apiOf(path: string): string {
	return /^\/(v\d+)\//.exec(path)?.[1] ?? 'v1';
}

/** The table's text for a field, most specific key first (see ./types.ts), or undefined. */
export function wordingOf(field: SkilljarField, context: WordingContext): string | undefined {
	const table = WORDING_BY_API[apiOf(context.path)];
	if (!table) return undefined;
	const noun = context.noun.toLowerCase();
	const keys = [
		`${noun}/${field.in}:${field.name}`,
		`${noun}/${field.name}`,
		`${field.in}:${field.name}`,
		field.name,
	];
	const key = keys.find((candidate) => table[candidate] !== undefined);
	if (key === undefined) return undefined;
	usedKeys.add(`${apiOf(context.path)} ${key}`);
	return table[key].replace(/\{records\}/g, context.plural).replace(/\{record\}/g, context.noun);
}

/** Fields without their own (overlay) description get the table's. */
export function withWording(fields: SkilljarField[], context: WordingContext): SkilljarField[] {
	return fields.map((field) => {
		if (field.description?.trim()) return field;
		const text = wordingOf(field, context);
		return text ? { ...field, description: text } : field;
	});
}

/** Keys that described a field of a built node (`v1 quiz/html`), for the test of stale entries. */
const usedKeys = new Set<string>();

/** For tests: the wording keys of an API that no built field used (misspelt or stale). */
export function unusedWordingKeys(api: string): string[] {
	return Object.keys(WORDING_BY_API[api] ?? {}).filter((key) => !usedKeys.has(`${api} ${key}`));
}
