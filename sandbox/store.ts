// In-memory data for the sandbox.
//
// Every collection is addressed by its *concrete* list path, e.g.
// `/v1/domains/academy.example.com/users` — that is, the list-path template with the parent
// path parameters filled in. This keeps the store generic: a new endpoint needs no new table,
// and tests can insert or inspect data using the same paths a client would call.

export type Item = Record<string, unknown>;

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
export const ID_LENGTH = 13;

/** Type guard used everywhere JSON is narrowed from `unknown`. */
export function isRecord(value: unknown): value is Item {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read a dotted field (`user.email`) from an item; undefined when any step is missing. */
export function getField(item: unknown, dotted: string): unknown {
	let current: unknown = item;
	for (const part of dotted.split('.')) {
		if (!isRecord(current)) return undefined;
		current = current[part];
	}
	return current;
}

/** Deep merge for partial updates: nested objects merge, arrays and scalars replace. */
export function deepMerge(target: Item, patch: Item): Item {
	for (const [key, value] of Object.entries(patch)) {
		const existing = target[key];
		if (isRecord(value) && isRecord(existing)) {
			deepMerge(existing, value);
		} else {
			target[key] = value;
		}
	}
	return target;
}

/** Deep copy of JSON-compatible data, so callers can never mutate stored objects by accident. */
export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Deterministic id generator (mulberry32). Deterministic so that seeded ids are stable across
 * runs and tests can refer to them; ids are 13 lowercase alphanumerics like Skilljar's.
 */
export class IdGenerator {
	private state: number;

	constructor(private readonly seed: number) {
		this.state = seed >>> 0;
	}

	reset(): void {
		this.state = this.seed >>> 0;
	}

	private nextFloat(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	next(): string {
		let id = '';
		for (let i = 0; i < ID_LENGTH; i++) {
			id += ID_ALPHABET[Math.floor(this.nextFloat() * ID_ALPHABET.length)];
		}
		return id;
	}
}

export class Store {
	private readonly collections = new Map<string, Item[]>();
	readonly ids: IdGenerator;

	constructor(seed = 20260422) {
		this.ids = new IdGenerator(seed);
	}

	newId(): string {
		return this.ids.next();
	}

	/** Live array of a collection (created empty on first use). */
	collection(listPath: string): Item[] {
		let items = this.collections.get(listPath);
		if (!items) {
			items = [];
			this.collections.set(listPath, items);
		}
		return items;
	}

	/** Copy of a collection's items, for inspection from tests. */
	list(listPath: string): Item[] {
		return clone(this.collection(listPath));
	}

	/** Paths of every non-empty collection (handy when debugging tests). */
	paths(): string[] {
		return [...this.collections.keys()].filter((key) => this.collection(key).length > 0);
	}

	/** Append an item; an `id` is generated when the item has none. Returns the stored item. */
	insert(listPath: string, item: Item, options: { assignId?: boolean } = {}): Item {
		const stored = clone(item);
		if ((options.assignId ?? true) && (stored.id === undefined || stored.id === null)) {
			stored.id = this.newId();
		}
		this.collection(listPath).push(stored);
		return stored;
	}

	insertMany(listPath: string, items: Item[], options: { assignId?: boolean } = {}): Item[] {
		return items.map((item) => this.insert(listPath, item, options));
	}

	find(listPath: string, id: string, idField = 'id'): Item | undefined {
		return this.collection(listPath).find((item) => String(getField(item, idField)) === id);
	}

	/** Deep-merge `patch` into the item; returns the stored item or undefined when absent. */
	update(listPath: string, id: string, patch: Item, idField = 'id'): Item | undefined {
		const item = this.find(listPath, id, idField);
		return item ? deepMerge(item, clone(patch)) : undefined;
	}

	remove(listPath: string, id: string, idField = 'id'): boolean {
		const items = this.collection(listPath);
		const index = items.findIndex((item) => String(getField(item, idField)) === id);
		if (index < 0) return false;
		items.splice(index, 1);
		return true;
	}

	clear(): void {
		this.collections.clear();
		this.ids.reset();
	}
}
