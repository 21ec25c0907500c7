import type { FlatColumn } from './simplify';

/** Columns whose value sits under the same name in the record, with what each holds. */
export const own = (described: Record<string, string>): FlatColumn[] =>
	Object.entries(described).map(([name, description]) => ({ name, from: name, description }));
