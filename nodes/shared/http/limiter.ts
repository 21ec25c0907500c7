import { createHash } from 'crypto';

/**
 * Paces requests that share one credential (one Base URL + API key) within this n8n process, so
 * bulk runs slow down before Skilljar throttles them. Every request of every item, page and node
 * using the credential draws from the same limiter; a 429 from Skilljar pauses all of them.
 *
 * Budgets are sliding windows (the way Django REST Framework counts): at most `perMinute` starts
 * in any 60 s and `perHour` in any hour; 0 switches a window off. Apart from the budgets, at most
 * MAX_IN_FLIGHT requests of the credential are open at once (see `enter`).
 */

export interface RateLimits {
	perMinute: number;
	perHour: number;
}

export const DEFAULT_LIMITS: RateLimits = { perMinute: 600, perHour: 5000 };

/**
 * Our clock stamps a request when it leaves; Skilljar counts it when it arrives, a little later.
 * Holding each slot slightly longer than the window keeps the two counts from disagreeing by one.
 */
const SLOT_MARGIN_MS = 250;
const MINUTE_MS = 60_000 + SLOT_MARGIN_MS;
const HOUR_MS = 3_600_000 + SLOT_MARGIN_MS;

/**
 * Requests of one credential open at the same time in this process. The budgets allow a burst of
 * 600 starts at once, and items in parallel each reading pages in parallel (or sending batches)
 * would otherwise open that many connections to Skilljar together: 50 items × 20 pages. One
 * Return All keeps its 20 pages in flight; more requests queue here, in the order they came.
 */
export const MAX_IN_FLIGHT = 20;

export class RateLimiter {
	/** Start times still inside each window, oldest first. */
	private readonly minute: number[] = [];

	private readonly hour: number[] = [];

	private pausedUntil = 0;

	/** Requests holding a place (see `enter`). */
	private open = 0;

	/** Requests waiting for a place, first come first served. */
	private readonly queue: Array<() => void> = [];

	constructor(
		public limits: RateLimits,
		private readonly now: () => number = Date.now,
		private readonly maxInFlight = MAX_IN_FLIGHT,
	) {}

	/**
	 * Waits for one of the credential's MAX_IN_FLIGHT places and returns its release (safe to call
	 * twice). A request takes its place before its start is counted, so a start is stamped when it
	 * can really go, and gives it back as soon as its answer (or error) is in: waiting to retry
	 * holds no place. The wait is bounded by the holders' own timeouts and Max Wait.
	 */
	async enter(): Promise<() => void> {
		if (this.open < this.maxInFlight) this.open++;
		else await new Promise<void>((resolve) => this.queue.push(resolve));
		let released = false;
		return () => {
			if (released) return;
			released = true;
			// The place passes straight to the next in line, so nobody can slip in between.
			const next = this.queue.shift();
			if (next) next();
			else this.open--;
		};
	}

	/**
	 * Takes a slot and returns 0, or returns how long to wait before asking again (nothing taken).
	 * Synchronous, so concurrent callers in this process can never take the same slot.
	 */
	tryTake(): number {
		const now = this.now();
		if (this.pausedUntil > now) return this.pausedUntil - now;
		const waitMinute = windowWait(this.minute, this.limits.perMinute, MINUTE_MS, now);
		const waitHour = windowWait(this.hour, this.limits.perHour, HOUR_MS, now);
		const wait = Math.max(waitMinute, waitHour);
		if (wait > 0) return wait;
		if (this.limits.perMinute > 0) this.minute.push(now);
		if (this.limits.perHour > 0) this.hour.push(now);
		return 0;
	}

	/** Skilljar said 429: nobody on this credential starts a request before `until`. */
	pauseUntil(until: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, until);
	}
}

function windowWait(starts: number[], limit: number, windowMs: number, now: number): number {
	if (limit <= 0) {
		starts.length = 0;
		return 0;
	}
	while (starts.length && starts[0] <= now - windowMs) starts.shift();
	if (starts.length < limit) return 0;
	return starts[starts.length - limit] + windowMs - now;
}

const limiters = new Map<string, RateLimiter>();

/**
 * The process-wide limiter of a credential. Keyed by Base URL and a hash of the key, so the key
 * itself is never held outside the credential.
 */
export function limiterFor(baseUrl: string, apiKey: string, limits: RateLimits): RateLimiter {
	const key = `${baseUrl} ${createHash('sha256').update(apiKey).digest('hex').slice(0, 24)}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new RateLimiter(limits);
		limiters.set(key, limiter);
	} else {
		// The credential was edited: the new budgets apply from now on.
		limiter.limits = limits;
	}
	return limiter;
}

/** A credential's budget field: a whole number ≥ 0, or the default when left empty. */
export function readLimit(value: unknown, fallback: number): number {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	return Number.isFinite(number) && number >= 0 ? Math.floor(number) : fallback;
}
