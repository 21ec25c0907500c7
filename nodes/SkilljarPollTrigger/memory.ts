/**
 * What the poll trigger keeps per trigger in this n8n process, outside n8n's saved state:
 * things n8n would not save in time, or that only help while the process runs. Bounded: at most
 * `max` triggers (the oldest entry goes first) and nothing older than `keepMs`, so a trigger
 * deactivated or deleted meanwhile leaves nothing behind for long.
 */
export class TriggerMemory<T> {
	private readonly entries = new Map<string, { value: T; at: number }>();

	constructor(
		private readonly keepMs: number,
		private readonly max = 1000,
	) {}

	get(key: string, now = Date.now()): T | undefined {
		for (const [old, entry] of this.entries) if (now - entry.at > this.keepMs) this.entries.delete(old);
		return this.entries.get(key)?.value;
	}

	set(key: string, value: T, now = Date.now()): void {
		this.entries.delete(key);
		this.entries.set(key, { value, at: now });
		if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
	}

	delete(key: string): void {
		this.entries.delete(key);
	}
}
