/**
 * Who renews the API v2 token within one node run, and when. A send that finds the token due
 * (none stored, its renewal time reached, or Skilljar refused it) renews it and goes alone: the
 * others wait for it and then use the token it stored, so parallel requests share one new token
 * instead of each fetching their own. Sends before the renewal time go in parallel.
 */

/** One send's pass through the gate. */
export interface Turn {
	/** This send fetches a new token first (and the others wait until it is done). */
	renew: boolean;
	/** Which token the send used: a refusal of an older one than the current is no news. */
	generation: number;
}

export class TokenGate {
	private generation = 0;

	private renewing: Promise<void> | undefined;

	private release: () => void = () => undefined;

	/**
	 * @param renewAt when the stored token is due (clock ms): 0 for no token, +Infinity for a token
	 *   whose lifetime is unknown (it is renewed after a 401 only)
	 */
	constructor(
		private renewAt: number,
		private readonly now: () => number = Date.now,
	) {}

	async enter(): Promise<Turn> {
		while (this.renewing) await this.renewing;
		if (this.now() < this.renewAt) return { renew: false, generation: this.generation };
		this.renewing = new Promise<void>((resolve) => {
			this.release = resolve;
		});
		return { renew: true, generation: this.generation };
	}

	/** After the send: a renewing one says when its new token is due (undefined: none was fetched). */
	leave(turn: Turn, renewAt: number | undefined): void {
		if (!turn.renew) return;
		if (renewAt !== undefined) {
			this.renewAt = renewAt;
			this.generation++;
		}
		this.renewing = undefined;
		this.release();
	}

	/** Skilljar refused the token a send used: the next send renews it unless a newer one exists. */
	refused(turn: Turn): void {
		if (turn.generation === this.generation) this.renewAt = 0;
	}
}
