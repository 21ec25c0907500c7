// OAuth clients and the scope catalogue. A client created here can get tokens at once (with its
// scopes); rotating a secret or deactivating a client takes effect at the token endpoint.

import { randomBytes } from 'node:crypto';

import type { Item } from '../../store';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { V2_ALL_SCOPES, V2_OPERATIONS } from '../document';
import { errorReply, notFound } from '../errors';
import { V2 } from '../views';
import { findLive, live, toResource, type StoredKind } from './stored';

const CLIENTS: StoredKind = { type: 'clients', path: V2.clients, label: 'Client' };

/** Named bundles of scopes (`GET /v2/scopes/` lists them as presets). */
export const SCOPE_PRESETS: Readonly<Record<string, readonly string[]>> = {
	'read-only': V2_ALL_SCOPES.filter((s) => s.endsWith(':read')),
	'full-access': V2_ALL_SCOPES,
};

const newSecret = () => randomBytes(24).toString('base64url');

/** The record of the sandbox's own client, so the clients list shows it. */
export function seedClient(
	ctx: { store: V2Context['store'] },
	clientId: string,
	scopes: readonly string[],
): void {
	ctx.store.insert(V2.clients, {
		id: clientId,
		name: 'Sandbox client',
		description: null,
		client_id: clientId,
		scope_codenames: [...scopes],
		ip_allowlist: [],
		is_active: true,
		created_at: '2025-01-01T09:00:00Z',
	});
}

function scopesFrom(body: Item): string[] | V2Reply {
	const preset = body.scope_preset;
	if (typeof preset === 'string') {
		const scopes = SCOPE_PRESETS[preset];
		if (!scopes) {
			return errorReply(422, 'validation_error', `Unknown scope preset ${preset}.`, {
				source: { pointer: '/scope_preset' },
			});
		}
		return [...scopes];
	}
	const codenames = Array.isArray(body.scope_codenames) ? (body.scope_codenames as string[]) : [];
	const unknown = codenames.find((s) => !V2_ALL_SCOPES.includes(s));
	if (unknown) {
		return errorReply(422, 'validation_error', `Unknown scope ${unknown}.`, {
			source: { pointer: '/scope_codenames' },
		});
	}
	return codenames;
}

function createClient(ctx: V2Context): V2Reply {
	const body = ctx.body as Item;
	const scopes = scopesFrom(body);
	if (!Array.isArray(scopes)) return scopes;
	const clientId = `client-${randomBytes(8).toString('hex')}`;
	const secret = newSecret();
	const record = ctx.store.insert(V2.clients, {
		id: clientId,
		name: body.name,
		description: body.description ?? null,
		client_id: clientId,
		scope_codenames: scopes,
		ip_allowlist: body.ip_allowlist ?? [],
		is_active: true,
		created_at: ctx.now,
	});
	ctx.tokens.register(clientId, secret, scopes);
	const resource = toResource(CLIENTS, record);
	// The secret is shown once, in this answer only.
	return {
		status: 201,
		body: { data: { ...resource, attributes: { ...resource.attributes, client_secret: secret } } },
	};
}

function updateClient(ctx: V2Context): V2Reply {
	const record = findLive(ctx, CLIENTS, ctx.params.id);
	if (!record) return notFound('Client');
	const body = ctx.body as Item;
	if (body.scope_codenames != null || body.scope_preset != null) {
		const scopes = scopesFrom(body);
		if (!Array.isArray(scopes)) return scopes;
		record.scope_codenames = scopes;
		ctx.tokens.setScopes(String(record.client_id), scopes);
	}
	for (const key of ['name', 'description', 'ip_allowlist'])
		if (body[key] != null) record[key] = body[key];
	return { status: 200, body: { data: toResource(CLIENTS, record) } };
}

function rotate(ctx: V2Context): V2Reply {
	const record = findLive(ctx, CLIENTS, ctx.params.id);
	if (!record) return notFound('Client');
	const secret = newSecret();
	ctx.tokens.setSecret(String(record.client_id), secret);
	const resource = toResource(CLIENTS, record);
	return {
		status: 200,
		body: { data: { ...resource, attributes: { ...resource.attributes, client_secret: secret } } },
	};
}

function deactivate(ctx: V2Context): V2Reply {
	const record = findLive(ctx, CLIENTS, ctx.params.id);
	if (!record) return notFound('Client');
	record.is_active = false;
	ctx.tokens.setActive(String(record.client_id), false);
	return { status: 204 };
}

function scopeCatalogue(): V2Reply {
	return {
		status: 200,
		body: {
			data: V2_ALL_SCOPES.map((codename) => {
				const [category, action] = codename.split(':');
				const used = V2_OPERATIONS.filter((op) => op.scopes.includes(codename)).length;
				return {
					type: 'scopes',
					id: codename,
					attributes: {
						codename,
						description: `${action} ${category} (${used} operations)`,
						category,
					},
				};
			}),
			meta: { presets: SCOPE_PRESETS },
		},
	};
}

/** Dynamic client registration: a client record, without scopes until an admin grants them. */
function register(ctx: V2Context): V2Reply {
	const body = ctx.body as Item;
	const method = String(body.token_endpoint_auth_method ?? 'client_secret_post');
	const clientId = `dcr-${randomBytes(8).toString('hex')}`;
	return {
		status: 201,
		body: {
			client_id: clientId,
			client_secret: method === 'none' ? null : newSecret(),
			client_name: body.client_name,
			redirect_uris: Array.isArray(body.redirect_uris) ? body.redirect_uris : [],
			grant_types: Array.isArray(body.grant_types) ? body.grant_types : ['authorization_code'],
			token_endpoint_auth_method: method,
			scope: typeof body.scope === 'string' ? body.scope : '',
		},
	};
}

export const CLIENT_HANDLERS: Record<string, V2Handler> = {
	api_v2_oauth_tokens_endpoints_token_exchange: (ctx) => ctx.tokens.exchange(ctx.body),
	list_clients: (ctx) => ({
		status: 200,
		body: { data: live(ctx, CLIENTS).map((c) => toResource(CLIENTS, c)) },
	}),
	create_client: createClient,
	rotate_client_secret: rotate,
	get_client: (ctx) => {
		const record = findLive(ctx, CLIENTS, ctx.params.id);
		return record
			? { status: 200, body: { data: toResource(CLIENTS, record) } }
			: notFound('Client');
	},
	update_client: updateClient,
	deactivate_client: deactivate,
	list_scopes: scopeCatalogue,
	// Client credentials issue no refresh tokens, so there is never one to revoke: 200 regardless.
	api_v2_oauth_tokens_endpoints_revoke_token_endpoint: () => ({ status: 200, body: {} }),
	register_oauth_client: register,
};
