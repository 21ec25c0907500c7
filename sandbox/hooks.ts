// Per-collection behaviour on top of the generic CRUD in handlers.ts: linked records (a domain
// user is also an organisation user; an enrollment also shows up in the user's progress),
// idempotent creates, and objects whose stored shape differs from the request body.

import { randomBytes } from 'node:crypto';
import {
	courseProgress,
	courseSummary,
	domainUser,
	enrollment,
	userFull,
	userOverview,
	userRef,
} from './records';
import { clone, deepMerge, getField, isRecord, type Item, type Store } from './store';

export interface HookContext {
	store: Store;
	params: Record<string, string>;
	/** Concrete collection path, e.g. /v1/domains/academy.example.com/users */
	listPath: string;
	now: string;
}

/** A hook either produces the item to answer with (and its status) or a DRF error. */
export type HookResult =
	| { status: number; item: Item }
	| { status: number; error: Record<string, unknown> };

export interface CollectionHooks {
	/**
	 * Replaces the generic create (which stores the answer schema's shape, defaults and body).
	 * For a singleton (one object per parent) the hook only builds the object; the handler
	 * stores it in place of the previous one.
	 */
	create?: (ctx: HookContext, body: Item) => HookResult;
	/** Replaces the generic deep-merge update; returns the item to answer with. */
	update?: (ctx: HookContext, item: Item, body: Item) => Item;
	/** Fields a freshly created object has before the body is applied. */
	defaults?: (ctx: HookContext) => Item;
	/** Shapes the list entry (e.g. assets omit download_url in lists). */
	listView?: (item: Item) => Item;
	/** Shapes the single-record answer (e.g. an asset's freshly signed download link). */
	readView?: (item: Item, ctx: { signDownload?: (id: string, fileName: string) => string }) => Item;
	/** Runs after an item was deleted, to update the records that mirror it. */
	removed?: (ctx: HookContext, item: Item) => void;
}

/** Copy of an item without one field. */
function omit(item: Item, field: string): Item {
	const copy = { ...item };
	delete copy[field];
	return copy;
}

const nowIso = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
export { nowIso };

function invalidPk(field: string, id: unknown, nested?: string): Record<string, unknown> {
	const message = [`Invalid pk "${String(id)}" - object does not exist.`];
	return nested ? { [field]: { [nested]: message } } : { [field]: message };
}

function findOrgUser(store: Store, userId: string): Item | undefined {
	const overview = store.find('/v1/users', userId, 'user.id');
	return overview && isRecord(overview.user) ? overview.user : undefined;
}

/** Every domain's copy of a user is refreshed when the user changes (update, anonymize). */
export function propagateUser(store: Store, user: Item): void {
	const userId = String(user.id);
	for (const domain of store.collection('/v1/domains')) {
		const member = store.find(`/v1/domains/${String(domain.name)}/users`, userId, 'user.id');
		if (member) member.user = userFull(user);
	}
}

/** Shared create for course, plan and published-path enrollments (idempotent per user + time). */
function createEnrollment(kind: 'course' | 'plan' | 'path') {
	return (ctx: HookContext, body: Item): HookResult => {
		const { store, params } = ctx;
		const userId = String(getField(body, 'user.id'));
		const member = store.find(`/v1/domains/${params.domain_name}/users`, userId, 'user.id');
		if (!member || !isRecord(member.user)) {
			return { status: 400, error: invalidPk('user', userId, 'id') };
		}
		const enrolledAt = typeof body.enrolled_at === 'string' ? body.enrolled_at : ctx.now;
		if (typeof body.enrolled_at === 'string') {
			const existing = store
				.collection(ctx.listPath)
				.find((e) => getField(e, 'user.id') === userId && e.enrolled_at === enrolledAt);
			if (existing) return { status: 201, item: existing };
		}
		const id = store.newId();
		const item = store.insert(
			ctx.listPath,
			enrollment(id, member.user, enrolledAt, {
				expires_at: body.expires_at ?? null,
				active: body.active ?? true,
				purchase: isRecord(body.purchase) ? { ...body.purchase, purchase_id: null } : null,
			}),
		);
		if (kind === 'course') {
			const pc = store.find(
				`/v1/domains/${params.domain_name}/published-courses`,
				params.published_course_id,
			);
			const progressPath = `/v1/users/${userId}/published-courses`;
			store.remove(progressPath, params.published_course_id, 'published_course_id');
			store.insert(
				progressPath,
				courseProgress({
					publishedCourseId: params.published_course_id,
					domainName: params.domain_name,
					enrollmentId: id,
					enrolledAt,
					course: isRecord(pc?.course)
						? courseSummary(pc.course, Number(pc.course.lesson_count ?? 0))
						: {},
					progressId: store.newId(),
				}),
				{ assignId: false },
			);
			const overview = store.find('/v1/users', userId, 'user.id');
			if (overview) overview.registration_count = Number(overview.registration_count ?? 0) + 1;
		} else if (kind === 'plan') {
			const plan = store.find(`/v1/domains/${params.domain_name}/plan`, params.plan_id);
			store.insert(
				`/v1/users/${userId}/plan-enrollments`,
				{
					plan_id: params.plan_id,
					domain_name: params.domain_name,
					enrolled_at: enrolledAt,
					expires_at: item.expires_at,
					active: item.active,
					enrollment_id: id,
					plan: { id: params.plan_id, title: plan?.name ?? '' },
				},
				{ assignId: false },
			);
		} else {
			const pp = store.find(
				`/v1/domains/${params.domain_name}/published-paths`,
				params.published_path_id,
			);
			store.insert(
				`/v1/users/${userId}/published-path-enrollments`,
				{
					published_path_id: params.published_path_id,
					domain_name: params.domain_name,
					enrolled_at: enrolledAt,
					expires_at: item.expires_at,
					active: item.active,
					enrollment_id: id,
					published_path: {
						id: params.published_path_id,
						title: getField(pp, 'path.title') ?? '',
						course_count: getField(pp, 'path.path_item_count') ?? 0,
					},
					published_path_progress: {
						path_progress_id: store.newId(),
						completed_course_count: 0,
						completed_required_course_count: 0,
						completed_at: null,
						latest_activity: enrolledAt,
					},
				},
				{ assignId: false },
			);
		}
		return { status: 201, item };
	};
}

/** Add an existing email to a domain → the existing user; otherwise a new user. */
function createDomainUser(ctx: HookContext, body: Item): HookResult {
	const { store } = ctx;
	const requested = isRecord(body.user) ? body.user : {};
	const email = String(requested.email).toLowerCase();
	const overview = store
		.collection('/v1/users')
		.find((u) => String(getField(u, 'user.email')).toLowerCase() === email);
	let user: Item;
	if (overview && isRecord(overview.user)) {
		user = overview.user;
	} else {
		user = {
			id: store.newId(),
			email,
			first_name: typeof requested.first_name === 'string' ? requested.first_name : '',
			last_name: typeof requested.last_name === 'string' ? requested.last_name : '',
		};
		store.insert('/v1/users', userOverview(user, ctx.now), { assignId: false });
	}
	const extras = { signup_fields: [], login_token: randomBytes(16).toString('hex') };
	const existing = store.find(ctx.listPath, String(user.id), 'user.id');
	if (existing) return { status: 200, item: { ...clone(existing), ...extras } };
	const item = store.insert(
		ctx.listPath,
		domainUser(user, ctx.now, {
			active: body.active ?? true,
			marketing_optin: body.marketing_optin ?? false,
			expires_at: body.expires_at ?? null,
		}),
		{ assignId: false },
	);
	return { status: 201, item: { ...clone(item), ...extras } };
}

function updateDomainUser(ctx: HookContext, item: Item, body: Item): Item {
	const { access_code: accessCode, ...rest } = body;
	deepMerge(item, rest);
	if (isRecord(accessCode)) {
		// Resolve the code within this domain's pools so the answer carries code and pool.
		const id = String(accessCode.id);
		for (const pool of ctx.store.collection(
			`/v1/domains/${ctx.params.domain_name}/access-code-pools`,
		)) {
			const code = ctx.store.find(
				`/v1/domains/${ctx.params.domain_name}/access-code-pools/${String(pool.id)}/access-codes`,
				id,
			);
			if (code) {
				item.access_code = { id, code: code.code, pool: { id: pool.id, name: pool.name } };
				return item;
			}
		}
		item.access_code = { id };
	}
	return item;
}

function createGroupUser(ctx: HookContext, body: Item): HookResult {
	const { store, params } = ctx;
	const userId = String(getField(body, 'user.id'));
	const user = findOrgUser(store, userId);
	if (!user) return { status: 400, error: invalidPk('user', userId, 'id') };
	const existing = store.find(ctx.listPath, userId, 'user.id');
	if (existing) return { status: 201, item: existing };
	const item = store.insert(
		ctx.listPath,
		{ user: userRef(user), created_at: ctx.now },
		{ assignId: false },
	);
	const group = store.find('/v1/groups', params.group_id);
	if (group) group.user_count = store.collection(ctx.listPath).length;
	store.insert(`/v1/users/${userId}/groups`, {
		group: { id: params.group_id, name: group?.name ?? '' },
		joined_at: ctx.now,
	});
	return { status: 201, item };
}

/** Removing a member also drops the group from the user's memberships and recounts the group. */
function removeGroupUser(ctx: HookContext, item: Item): void {
	const { store, params } = ctx;
	const memberships = store.collection(`/v1/users/${String(getField(item, 'user.id'))}/groups`);
	const index = memberships.findIndex((m) => getField(m, 'group.id') === params.group_id);
	if (index >= 0) memberships.splice(index, 1);
	const group = store.find('/v1/groups', params.group_id);
	if (group) group.user_count = store.collection(ctx.listPath).length;
}

function createGroupPool(ctx: HookContext, body: Item): HookResult {
	const { store } = ctx;
	const poolId = String(getField(body, 'access_code_pool.id'));
	for (const domain of store.collection('/v1/domains')) {
		const pool = store.find(`/v1/domains/${String(domain.name)}/access-code-pools`, poolId);
		if (pool) {
			const item = store.insert(
				ctx.listPath,
				{ access_code_pool: { id: poolId, name: pool.name }, created_at: ctx.now },
				{ assignId: false },
			);
			return { status: 201, item };
		}
	}
	return { status: 400, error: invalidPk('access_code_pool', poolId, 'id') };
}

function createPoolOffer(ctx: HookContext, body: Item): HookResult {
	const offer = ctx.store.find('/v1/offers', String(body.id));
	if (!offer) return { status: 400, error: invalidPk('id', body.id) };
	if (!ctx.store.find(ctx.listPath, String(offer.id))) ctx.store.insert(ctx.listPath, offer);
	return { status: 201, item: { offers: ctx.store.list(ctx.listPath) } };
}

function upsertSignupValue(ctx: HookContext, fieldId: string, value: unknown): Item | undefined {
	const field = ctx.store.find(`/v1/domains/${ctx.params.domain_name}/signup-fields`, fieldId);
	if (!field) return undefined;
	ctx.store.remove(ctx.listPath, fieldId, 'signup_field.id');
	return ctx.store.insert(
		ctx.listPath,
		{ signup_field: { id: fieldId, label: field.label }, value },
		{ assignId: false },
	);
}

function createSignupValue(ctx: HookContext, body: Item): HookResult {
	const fieldId = String(getField(body, 'signup_field.id'));
	const item = upsertSignupValue(ctx, fieldId, body.value);
	return item
		? { status: 201, item }
		: { status: 400, error: invalidPk('signup_field', fieldId, 'id') };
}

/** POST .../signup-fields-bulk: several values at once (listPath is the signup-fields list). */
export function createSignupValuesBulk(ctx: HookContext, body: Item): HookResult {
	const values = Array.isArray(body.signup_fields) ? body.signup_fields : [];
	const unknown = values.filter(
		(v) =>
			!isRecord(v) ||
			!ctx.store.find(`/v1/domains/${ctx.params.domain_name}/signup-fields`, String(v.id)),
	);
	if (unknown.length > 0) {
		return {
			status: 400,
			error: {
				signup_fields: [
					`Invalid signup field id(s): ${unknown.map((v) => String(isRecord(v) ? v.id : v)).join(', ')}.`,
				],
			},
		};
	}
	for (const v of values) if (isRecord(v)) upsertSignupValue(ctx, String(v.id), v.value);
	return { status: 201, item: { signup_fields: values } };
}

function updateOrgUser(ctx: HookContext, item: Item, body: Item): Item {
	if (isRecord(item.user)) {
		deepMerge(item.user, body);
		propagateUser(ctx.store, item.user);
	}
	// PUT/PATCH /v1/users/{id} answer with UserUpdate: the user's own fields.
	return { ...(isRecord(item.user) ? item.user : {}), inactive_at: item.inactive_at ?? null };
}

/** PUT .../users/{user_id}/manager-access: the access granted, and the ids that do not exist. */
function putManagerAccess(ctx: HookContext, body: Item): HookResult {
	const { store, params } = ctx;
	const member = store.find(`/v1/domains/${params.domain_name}/users`, params.user_id, 'user.id');
	const ids = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
	const missing = (list: string[], collection: string) =>
		list.filter((id) => !store.find(collection, id));
	const courseIds = ids(body.course_ids);
	const pathIds = ids(body.path_ids);
	const licenseIds = ids(body.license_ids);
	const group = store.collection('/v1/groups').find((g) => g.name === body.group_name);
	return {
		status: 200,
		item: {
			user: isRecord(member?.user) ? userRef(member.user) : { id: params.user_id },
			manager_access: {
				group_id: group?.id ?? null,
				can_create_users: body.can_create_users ?? false,
				course_access_level: body.course_access_level,
				course_ids: courseIds,
				path_access_level: body.path_access_level,
				path_ids: pathIds,
				license_ids: licenseIds,
			},
			invalid_ids: {
				course_ids: missing(courseIds, '/v1/courses'),
				path_ids: missing(pathIds, '/v1/paths'),
				license_ids: missing(licenseIds, '/v1/license-packages'),
			},
		},
	};
}

/** Typed block collection a catalog-page content block of each type is detailed in. */
const BLOCK_DETAILS: Record<string, { collection: string; link: string }> = {
	HTML: { collection: 'html-content-blocks', link: 'html_content_block_id' },
	TILE_SECTION: {
		collection: 'tile-container-content-blocks',
		link: 'tile_container_content_block_id',
	},
};

/** A catalog-page content block also gets its typed detail record (HTML, tile container...). */
function createContentBlock(ctx: HookContext, body: Item): HookResult {
	const { store } = ctx;
	const id = store.newId();
	const type = String(body.type);
	const detail = BLOCK_DETAILS[type] ?? {
		collection: 'component-content-blocks',
		link: 'component_content_block_id',
	};
	const pagePath = ctx.listPath.slice(0, ctx.listPath.lastIndexOf('/'));
	const detailId = store.newId();
	store.insert(`${pagePath}/${detail.collection}`, {
		id: detailId,
		content_block_id: id,
		...(type === 'HTML' ? { html: '' } : { header_text: '', header_sub_text: '' }),
	});
	const item = store.insert(ctx.listPath, {
		id,
		order: body.order ?? store.collection(ctx.listPath).length,
		type,
		html_content_block_id: null,
		tile_container_content_block_id: null,
		component_content_block_id: null,
		[detail.link]: detailId,
	});
	return { status: 201, item };
}

export const HOOKS: Record<string, CollectionHooks> = {
	'/v1/domains/{domain_name}/users/{user_id}/manager-access': { create: putManagerAccess },
	'/v1/domains/{domain_name}/catalog-pages/{catalog_page_id}/content-blocks': {
		create: createContentBlock,
	},
	'/v1/domains/{domain_name}/users': { create: createDomainUser, update: updateDomainUser },
	'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments': {
		create: createEnrollment('course'),
	},
	'/v1/domains/{domain_name}/plan/{plan_id}/plan-enrollments': { create: createEnrollment('plan') },
	'/v1/domains/{domain_name}/published-paths/{published_path_id}/published-path-enrollments': {
		create: createEnrollment('path'),
	},
	'/v1/groups/{group_id}/users': { create: createGroupUser, removed: removeGroupUser },
	'/v1/groups/{group_id}/access-code-pools': { create: createGroupPool },
	'/v1/promo-code-pools/{promo_code_pool_id}/offers': { create: createPoolOffer },
	'/v1/domains/{domain_name}/users/{user_id}/signup-fields': { create: createSignupValue },
	'/v1/users': { update: updateOrgUser },
	'/v1/domains/{domain_name}/users/{user_id}/invites': {
		defaults: (ctx) => {
			const token = randomBytes(10).toString('hex');
			return {
				token,
				sent_at: ctx.now,
				used_at: null,
				invite_url: `https://${ctx.params.domain_name}/accounts/invite/${token}`,
			};
		},
	},
	'/v1/webhooks': {
		defaults: () => ({
			active: true,
			event_type: null,
			basic_auth_username: '',
			basic_auth_password: '',
			additional_headers: {},
			deactivate_reason: null,
		}),
		update: (_ctx, item, body) => {
			deepMerge(item, body);
			// Re-activating clears why it was deactivated.
			if (body.active === true) item.deactivate_reason = null;
			return item;
		},
	},
	'/v1/courses': {
		defaults: (ctx) => ({
			labels: [],
			long_description_html: '',
			draft_origin_id: null,
			promo_image_url: '',
			display_course_and_lesson_time: false,
			manual_course_time: '',
			display_manual_course_time: false,
			course_and_lesson_time_format: 'HOURS_MINUTES',
			course_time: '0:00',
			created_at: ctx.now,
			modified_at: ctx.now,
			average_rating: null,
		}),
	},
	'/v1/lessons': {
		defaults: () => ({
			content_asset_id: null,
			content_html: '',
			content_quiz_id: null,
			content_web_package_id: null,
			description_html: '',
			display_fullscreen: false,
			optional: false,
			search_keywords: '',
			time_seconds: null,
			tooltip_html: '',
		}),
	},
	'/v1/lessons/{lesson_id}/content-items': {
		defaults: (ctx) => ({
			lesson_id: ctx.params.lesson_id,
			content_rating_id: '',
			content_html: '',
		}),
	},
	'/v1/promo-codes': {
		defaults: () => ({ use_count: 0, active: true }),
		create: (ctx, body) => {
			if (!ctx.store.find('/v1/promo-code-pools', String(body.promo_code_pool_id))) {
				return { status: 400, error: invalidPk('promo_code_pool_id', body.promo_code_pool_id) };
			}
			return {
				status: 201,
				item: ctx.store.insert(ctx.listPath, { use_count: 0, active: true, ...body }),
			};
		},
	},
	'/v1/domains/{domain_name}/access-code-pools': {
		defaults: () => ({
			active: true,
			start_date: null,
			end_date: null,
			expire_linked_to_domain_membership: false,
			channel: 'api',
			code_count: 0,
		}),
	},
	'/v1/domains/{domain_name}/access-code-pools/{access_code_pool_id}/access-codes': {
		defaults: () => ({
			active: true,
			max_uses: 1,
			use_count: 0,
			duration: null,
			duration_unit: 'MONTHS',
			users: [],
		}),
	},
	'/v1/groups': {
		defaults: () => ({
			user_count: 0,
			discount_percent: null,
			group_category_id: null,
			rule_email_domains: [],
		}),
	},
	'/v1/training-credit-codes': {
		defaults: () => ({
			credits_used: 0,
			expiration_date: null,
			expire_content: false,
			tracking_identifier: '',
		}),
	},
	'/v1/question-banks': { defaults: () => ({ question_count: 0, quiz_association_count: 0 }) },
	'/v1/vilt-session-registrations': {
		defaults: () => ({ attended: false, student_lesson_progress: null }),
	},
	'/v1/quiz-questions': {
		create: (ctx, body) => {
			const answers = Array.isArray(body.answers) ? body.answers : [];
			const item = ctx.store.insert(ctx.listPath, {
				...body,
				answers: answers.map((a, order) => ({
					id: ctx.store.newId(),
					correct: false,
					...(isRecord(a) ? a : {}),
					order,
				})),
			});
			return { status: 201, item };
		},
	},
	'/v1/web-packages': {
		create: (ctx, body) => {
			const meta = isRecord(body.web_package) ? body.web_package : {};
			const id = ctx.store.newId();
			const item = ctx.store.insert(ctx.listPath, {
				id,
				type: 'SCORM_12',
				download_url: String(body.content_url),
				redirect_on_completion: meta.redirect_on_completion ?? false,
				state: 'PROCESSING',
				sync_completion: meta.sync_completion ?? false,
				title: meta.title,
			});
			return { status: 201, item };
		},
		listView: (item) => omit(item, 'download_url'),
	},
	'/v1/assets': {
		create: (ctx, body) => {
			const meta = isRecord(body.asset) ? body.asset : {};
			// Until processing completes the answer has no download URL or type (as documented).
			const item = ctx.store.insert(ctx.listPath, {
				type: null,
				embed_link_url: meta.embed_link_url ?? '',
				download_url: typeof body.content_url === 'string' ? body.content_url : '',
				name: meta.name ?? '',
				aspect_ratio: meta.aspect_ratio ?? '16:9',
				sync_completion: meta.sync_completion ?? false,
			});
			return { status: 201, item: omit(item, 'download_url') };
		},
		listView: (item) => omit(item, 'download_url'),
		// Each read signs a new link, valid an hour (FACTS.md), to the file host (files.ts).
		readView: (item, ctx) => {
			const stored = typeof item.download_url === 'string' ? item.download_url : '';
			if (!stored || !ctx.signDownload) return item;
			const fileName = decodeURIComponent(new URL(stored).pathname.split('/').pop() ?? '');
			return {
				...item,
				download_url: ctx.signDownload(String(item.id), fileName || String(item.id)),
			};
		},
	},
};
