// What every v2 handler works with, and what it answers.

import type { Store } from '../store';
import type { TokenIssuer } from './auth';
import type { V2Operation } from './document';

export interface V2Context {
	store: Store;
	/** The OAuth clients and their tokens (for the clients endpoints). */
	tokens: TokenIssuer;
	operation: V2Operation;
	/** Decoded path parameters. */
	params: Record<string, string>;
	/** Documented query parameters, parsed to their schema types (undocumented ones were refused). */
	query: Record<string, unknown>;
	/** Raw query, for links that keep the caller's parameters. */
	rawQuery: URLSearchParams;
	body: unknown;
	/** Lower-cased request headers. */
	headers: Record<string, string | string[] | undefined>;
	/** `http://host:port` from the Host header, for absolute links. */
	origin: string;
	pathname: string;
	/** ISO time of this request, second precision like Skilljar's. */
	now: string;
	/** Lists come newest first (the document promises no order; clients must not assume one). */
	newestFirst: boolean;
}

export interface V2Reply {
	status: number;
	/** undefined → no body (204). */
	body?: unknown;
}

export type V2Handler = (ctx: V2Context) => V2Reply;

/** Second-precision UTC timestamp (`2026-01-02T03:04:05Z`). */
export function isoNow(): string {
	return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}
