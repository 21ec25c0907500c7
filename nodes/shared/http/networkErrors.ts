/**
 * Failures below HTTP (no status code), sorted into what the retry policy needs to know and
 * turned into sentences a user can act on. n8n-core wraps the socket error (an AxiosError with a
 * Node.js `code`) in its own error; the code is looked up along the `cause` chain.
 */

export type NetworkFailureKind = 'timeout' | 'reset' | 'refused' | 'dns' | 'tls' | 'other';

export interface NetworkFailure {
	kind: NetworkFailureKind;
	code: string;
}

const KINDS: Record<string, NetworkFailureKind> = {
	ECONNABORTED: 'timeout',
	ETIMEDOUT: 'timeout',
	ESOCKETTIMEDOUT: 'timeout',
	ECONNRESET: 'reset',
	EPIPE: 'reset',
	ERR_BAD_RESPONSE: 'reset',
	ECONNREFUSED: 'refused',
	ENOTFOUND: 'dns',
	EAI_AGAIN: 'dns',
	ERR_TLS_CERT_ALTNAME_INVALID: 'tls',
	CERT_HAS_EXPIRED: 'tls',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'tls',
	SELF_SIGNED_CERT_IN_CHAIN: 'tls',
	UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tls',
	UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tls',
	EPROTO: 'tls',
};

/**
 * Texts that identify a failure when the code itself is gone: n8n's NodeApiError drops an Error
 * cause and may replace the message with its own wording, keeping the original in `messages`.
 */
const TEXT_PATTERNS: Array<[RegExp, string]> = [
	[/timeout of \d+ms exceeded|ECONNABORTED|connection was aborted/i, 'ECONNABORTED'],
	[/ETIMEDOUT|connection timed out/i, 'ETIMEDOUT'],
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ENOTFOUND|incorrect host/i, 'ENOTFOUND'],
	[/EAI_AGAIN|DNS server returned an error/i, 'EAI_AGAIN'],
	[/altnames|ERR_TLS_CERT_ALTNAME_INVALID/i, 'ERR_TLS_CERT_ALTNAME_INVALID'],
	[/certificate has expired|CERT_HAS_EXPIRED/i, 'CERT_HAS_EXPIRED'],
	[/self[- ]signed certificate/i, 'SELF_SIGNED_CERT_IN_CHAIN'],
	[/unable to (verify|get issuer)/i, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
];

function codeOf(error: unknown): string | undefined {
	const texts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, message, messages } = current as {
			code?: unknown;
			message?: unknown;
			messages?: unknown;
		};
		if (typeof code === 'string' && code in KINDS) return code;
		if (typeof message === 'string') texts.push(message);
		if (Array.isArray(messages)) texts.push(...messages.map(String));
		current = (current as { cause?: unknown }).cause;
	}
	for (const [pattern, code] of TEXT_PATTERNS) {
		if (texts.some((text) => pattern.test(text))) return code;
	}
	return undefined;
}

/** The network failure behind an error from the HTTP helper, or undefined for anything else. */
export function classifyNetworkFailure(error: unknown): NetworkFailure | undefined {
	const code = codeOf(error);
	return code ? { kind: KINDS[code], code } : undefined;
}

/** A sentence for the failure, naming the host (never the key) and the endpoint. */
export function describeNetworkFailure(
	failure: NetworkFailure,
	host: string,
	endpoint: string,
	timeoutMs: number,
): string {
	switch (failure.kind) {
		case 'timeout':
			return `${endpoint} got no answer from ${host} within ${formatSeconds(timeoutMs)}`;
		case 'reset':
			return `${host} dropped the connection during ${endpoint}`;
		case 'refused':
			return `Could not reach ${host}: the connection was refused`;
		case 'dns':
			return `Could not reach ${host}: no such host`;
		case 'tls':
			if (failure.code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
				return `The certificate of ${host} does not match its name`;
			}
			if (failure.code === 'CERT_HAS_EXPIRED') return `The certificate of ${host} has expired`;
			if (failure.code === 'EPROTO') return `Could not open a secure connection to ${host}`;
			if (
				failure.code === 'DEPTH_ZERO_SELF_SIGNED_CERT' ||
				failure.code === 'SELF_SIGNED_CERT_IN_CHAIN'
			) {
				return `The certificate of ${host} is self-signed and not trusted`;
			}
			return `The certificate of ${host} is not signed by a trusted authority`;
		default:
			return `Could not reach ${host} (${failure.code})`;
	}
}

export function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
