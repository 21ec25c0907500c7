/**
 * The first API v2 request of a node run goes alone: it is the one that may have to fetch a token
 * (n8n's preAuthentication runs when the credential holds none), and requests sent beside it would
 * each fetch their own. Once it is answered, the rest go in parallel with the stored token.
 */
export class TokenGate {
	private claimed = false;

	private release: () => void = () => undefined;

	private readonly opened = new Promise<void>((resolve) => {
		this.release = resolve;
	});

	async pass<T>(send: () => Promise<T>): Promise<T> {
		if (this.claimed) {
			await this.opened;
			return await send();
		}
		this.claimed = true;
		try {
			return await send();
		} finally {
			this.release();
		}
	}
}
