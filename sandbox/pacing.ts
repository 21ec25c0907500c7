// Latency and rate-limit enforcement for the sandbox, so benchmarks and fault tests can see how
// the nodes behave against a slow or throttling Skilljar.
//
// Skilljar's throttle answers are not documented; the API is Django REST Framework, so the
// sandbox copies DRF's SimpleRateThrottle: a sliding log of request times per budget, a 429 with
// `Retry-After` in whole seconds and `{"detail": "Request was throttled. Expected available in N
// seconds."}`. Throttled requests do not use up the budget (DRF records only allowed requests).

export interface RateLimit {
	/** Requests allowed per window. */
	requests: number;
	windowSeconds: number;
}

export interface Throttle {
	/** Whole seconds, as sent in `Retry-After`. */
	retryAfter: number;
	body: { detail: string };
}

class SlidingLog {
	/** Times (ms) of allowed requests inside the window, oldest first. */
	private readonly history: number[] = [];

	constructor(readonly limit: RateLimit) {}

	/** Seconds until a request would be allowed, or undefined when it is allowed now. */
	wait(now: number): number | undefined {
		const windowMs = this.limit.windowSeconds * 1000;
		while (this.history.length && this.history[0] <= now - windowMs) this.history.shift();
		if (this.history.length < this.limit.requests) return undefined;
		// DRF spreads the remaining time over the requests that will free up in it.
		const remainingMs = windowMs - (now - this.history[0]);
		const available = this.limit.requests - this.history.length + 1;
		return remainingMs / 1000 / Math.max(available, 1);
	}

	record(now: number): void {
		this.history.push(now);
	}
}

export class Pacing {
	/** Added before every answer (ms). */
	latencyMs = 0;
	/** Requests answered 429 by the rate limiter since the last reset. */
	throttled = 0;
	private logs: SlidingLog[] = [];

	/** Replace the budgets (several may apply, e.g. 600/60 s and 5000/3600 s); [] turns it off. */
	setRateLimits(limits: RateLimit[]): void {
		for (const limit of limits) {
			if (!(limit.requests > 0) || !(limit.windowSeconds > 0)) {
				throw new Error(`Invalid rate limit ${limit.requests}/${limit.windowSeconds}`);
			}
		}
		this.logs = limits.map((limit) => new SlidingLog(limit));
		this.throttled = 0;
	}

	get rateLimits(): RateLimit[] {
		return this.logs.map((log) => log.limit);
	}

	/** Checks every budget; an allowed request is counted in all of them. */
	admit(now = Date.now()): Throttle | undefined {
		const waits = this.logs.map((log) => log.wait(now)).filter((w): w is number => w !== undefined);
		if (waits.length === 0) {
			for (const log of this.logs) log.record(now);
			return undefined;
		}
		this.throttled++;
		const retryAfter = Math.max(1, Math.ceil(Math.max(...waits)));
		const unit = retryAfter === 1 ? 'second' : 'seconds';
		return {
			retryAfter,
			body: { detail: `Request was throttled. Expected available in ${retryAfter} ${unit}.` },
		};
	}

	reset(): void {
		this.latencyMs = 0;
		this.setRateLimits([]);
	}
}

/** Parses `600/60` (requests per seconds) as used by the CLI's `--rate-limit`. */
export function parseRateLimit(text: string): RateLimit {
	const match = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(text.trim());
	if (!match) throw new Error(`--rate-limit expects REQUESTS/SECONDS, e.g. 600/60; got "${text}"`);
	return { requests: Number(match[1]), windowSeconds: Number(match[2]) };
}
