// Courses, lessons, published courses and domains: v2's copies of the v1 catalogue.

import { getField, type Item } from '../../store';
import { fail } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { errorReply, notFound } from '../errors';
import { listReply, type Resource } from '../pages';
import { studentsByEmail, V2 } from '../views';
import {
	assign,
	createBatch,
	findLive,
	listOf,
	live,
	readOf,
	sameText,
	toResource,
	updateBatch,
	updatedSince,
	type StoredKind,
} from './stored';

export const COURSES: StoredKind = { type: 'courses', path: V2.courses, label: 'Course' };
const LESSON_DETAIL: StoredKind = { type: 'lessons', path: V2.lessons, label: 'Lesson' };
/** Lists show lessons without their content items. */
const LESSON: StoredKind = { ...LESSON_DETAIL, hidden: ['content_items'] };
export const PUBLISHED: StoredKind = {
	type: 'published-courses',
	path: V2.publishedCourses,
	label: 'Published course',
	hidden: ['course_id', 'domain_id', 'domain_name'],
	relationships: (r) => ({
		course: { data: { type: 'courses', id: String(r.course_id) } },
		domain: { data: { type: 'domains', id: String(r.domain_id) } },
	}),
};
export const DOMAINS: StoredKind = { type: 'domains', path: V2.domains, label: 'Domain' };

// ---- courses ----

function listCourses(ctx: V2Context): V2Reply {
	const title = ctx.query['filter[title]'];
	return listOf(ctx, COURSES, (c) =>
		title == null ? true : String(c.title).toLowerCase().includes(String(title).toLowerCase()),
	);
}

function createCourses(ctx: V2Context): V2Reply {
	const people = studentsByEmail(ctx.store);
	return createBatch(ctx, COURSES, (a) => {
		if (typeof a.created_by_email === 'string' && !people.has(a.created_by_email.toLowerCase())) {
			return fail('not_found', 'No user has this email.', '/attributes/created_by_email');
		}
		return {
			external_id: '',
			title: a.title,
			short_description: a.short_description ?? '',
			long_description_html: a.long_description_html ?? '',
			enforce_sequential_navigation: a.enforce_sequential_navigation ?? false,
			lesson_count: 0,
			is_published: false,
			promo_image_url: '',
			average_rating: null,
			created_at: ctx.now,
			modified_at: ctx.now,
		};
	});
}

function updateCourses(ctx: V2Context): V2Reply {
	return updateBatch(ctx, COURSES, (record, a) => {
		for (const [key, value] of Object.entries(a)) if (value !== null) record[key] = value;
	});
}

// ---- lessons ----

function listLessons(ctx: V2Context): V2Reply {
	const q = ctx.query;
	return listOf(ctx, LESSON, (l) => {
		if (q['filter[course_id]'] != null && l.course_id !== q['filter[course_id]']) return false;
		if (q['filter[type]'] != null && l.type !== q['filter[type]']) return false;
		if (q['filter[title]'] != null && !sameText(l.title, q['filter[title]'])) return false;
		return updatedSince(l, q['filter[updated_since]']);
	});
}

function contentItems(ctx: V2Context, items: unknown): Item[] | null {
	if (!Array.isArray(items)) return null;
	return (items as Item[]).map((ci) => ({
		id: typeof ci.id === 'string' ? ci.id : ctx.store.newId(),
		type: ci.type,
		header: ci.header ?? '',
		content_html: ci.content_html ?? null,
		asset_id: ci.asset_id ?? null,
		quiz_id: ci.quiz_id ?? null,
		rating: ci.rating ?? null,
	}));
}

function lessonCountChanged(ctx: V2Context, courseId: unknown): void {
	const course = findLive(ctx, COURSES, courseId);
	if (course)
		course.lesson_count = live(ctx, LESSON).filter((l) => l.course_id === courseId).length;
}

function createLessons(ctx: V2Context): V2Reply {
	const reply = createBatch(ctx, LESSON_DETAIL, (a) => {
		if (!findLive(ctx, COURSES, a.course_id)) {
			return fail('not_found', 'No such course.', '/attributes/course_id');
		}
		if (
			a.quiz_id != null &&
			!findLive(ctx, { type: 'quizzes', path: V2.quizzes, label: 'Quiz' }, a.quiz_id)
		) {
			return fail('not_found', 'No such quiz.', '/attributes/quiz_id');
		}
		const siblings = live(ctx, LESSON).filter((l) => l.course_id === a.course_id);
		return {
			title: a.title,
			type: a.type,
			order: typeof a.order === 'number' ? a.order : siblings.length,
			course_id: a.course_id,
			description_html: a.description_html ?? '',
			content_html: a.content_html ?? null,
			quiz_id: a.quiz_id ?? null,
			external_id: '',
			created_at: ctx.now,
			modified_at: ctx.now,
			content_items: contentItems(ctx, a.content_items) ?? [],
		};
	});
	for (const course of live(ctx, COURSES)) lessonCountChanged(ctx, course.id);
	return reply;
}

function updateLessons(ctx: V2Context): V2Reply {
	return updateBatch(ctx, LESSON_DETAIL, (record, a) => {
		const { content_items: items, ...rest } = a;
		assign(record, rest);
		if (items !== undefined) record.content_items = contentItems(ctx, items) ?? [];
	});
}

// ---- published courses ----

const PC_INCLUDES = ['course', 'domain'];

function listPublished(ctx: V2Context): V2Reply {
	const q = ctx.query;
	const wanted =
		q.include == null
			? []
			: String(q.include)
					.split(',')
					.map((s) => s.trim())
					.filter(Boolean);
	const unknown = wanted.find((w) => !PC_INCLUDES.includes(w));
	if (unknown) {
		return errorReply(400, 'invalid_include', `include supports course, domain; not ${unknown}.`, {
			source: { parameter: 'include' },
		});
	}
	const items = live(ctx, PUBLISHED)
		.filter((p) => {
			if (q['filter[domain]'] != null && p.domain_id !== q['filter[domain]']) return false;
			if (q['filter[course]'] != null && p.course_id !== q['filter[course]']) return false;
			return q['filter[live]'] == null || p.live === q['filter[live]'];
		})
		.map((p) => toResource(PUBLISHED, p));
	return listReply(
		ctx,
		items,
		(r) => String(r.attributes.created_at),
		wanted.length === 0
			? undefined
			: (page) => {
					const out = new Map<string, Resource>();
					for (const r of page) {
						for (const name of wanted) {
							const id = getField(r.relationships, `${name}.data.id`);
							const record = findLive(ctx, name === 'course' ? COURSES : DOMAINS, id);
							if (record)
								out.set(
									`${name}/${String(id)}`,
									toResource(name === 'course' ? COURSES : DOMAINS, record),
								);
						}
					}
					return [...out.values()];
				},
	);
}

function slugOf(text: unknown): string {
	return String(text ?? '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function publish(ctx: V2Context): V2Reply {
	return createBatch(ctx, PUBLISHED, (a, item) => {
		const courseId = getField(item, 'relationships.course.data.id');
		const domainId = getField(item, 'relationships.domain.data.id');
		const course = findLive(ctx, COURSES, courseId);
		if (!course) return fail('not_found', 'No such course.', '/relationships/course/data/id');
		const domain = findLive(ctx, DOMAINS, domainId);
		if (!domain) return fail('not_found', 'No such domain.', '/relationships/domain/data/id');
		if (live(ctx, PUBLISHED).some((p) => p.course_id === courseId && p.domain_id === domainId)) {
			return fail(
				'already_published',
				'The course is already published on this domain.',
				'/relationships',
			);
		}
		course.is_published = true;
		return {
			course_id: courseId,
			domain_id: domainId,
			domain_name: domain.name,
			external_id: '',
			slug: a.slug ?? slugOf(course.title),
			live: true,
			is_hidden: a.is_hidden ?? false,
			visible_on_catalog: a.visible_on_catalog ?? true,
			open_access: a.open_access ?? false,
			strict_enforce_group_visibility: a.strict_enforce_group_visibility ?? false,
			visibility_override_type: a.visibility_override_type ?? 'GROUP',
			access_period_starts_at: a.access_period_starts_at ?? null,
			access_period_ends_at: a.access_period_ends_at ?? null,
			restrict_access_start_end_dates: a.restrict_access_start_end_dates ?? false,
			allow_self_service_reenroll: a.allow_self_service_reenroll ?? false,
			unique_progress_per_enrollment: a.unique_progress_per_enrollment ?? false,
			require_all_prerequisites: a.require_all_prerequisites ?? false,
			created_at: ctx.now,
			modified_at: ctx.now,
		};
	});
}

function updatePublished(ctx: V2Context): V2Reply {
	return updateBatch(ctx, PUBLISHED, (record, a) => {
		for (const [key, value] of Object.entries(a))
			if (value !== null || key.startsWith('access_period')) record[key] = value;
	});
}

function setLive(liveState: boolean): V2Handler {
	return (ctx) => {
		const record = findLive(ctx, PUBLISHED, ctx.params.id);
		if (!record) return notFound(PUBLISHED.label);
		if (liveState && record.live === true) {
			return errorReply(400, 'already_published', 'The published course is live already.');
		}
		record.live = liveState;
		record.modified_at = ctx.now;
		return { status: 200, body: { data: toResource(PUBLISHED, record) } };
	};
}

/** DELETE: soft, like v1 (the record is unpublished and gone for readers). */
function deletePublished(ctx: V2Context): V2Reply {
	const record = findLive(ctx, PUBLISHED, ctx.params.id);
	if (!record) return notFound(PUBLISHED.label);
	record.live = false;
	record.deleted_at = ctx.now;
	return { status: 204 };
}

// ---- domains ----

function listDomains(ctx: V2Context): V2Reply {
	const q = ctx.query;
	const include = q.include == null ? [] : String(q.include).split(',').filter(Boolean);
	if (include.some((i) => i !== 'theme')) {
		return errorReply(400, 'invalid_include', 'include supports theme.', {
			source: { parameter: 'include' },
		});
	}
	const items = live(ctx, DOMAINS)
		.filter((d) => {
			if (q['filter[access]'] != null && d.access !== q['filter[access]']) return false;
			return q['filter[name]'] == null || d.name === q['filter[name]'];
		})
		.map((d) => toResource(DOMAINS, d));
	// Themes are not part of the sandbox's data: an included list that stays empty.
	return listReply(
		ctx,
		items,
		(r) => String(r.attributes.created_at),
		include.length ? () => [] : undefined,
	);
}

export const CATALOG_HANDLERS: Record<string, V2Handler> = {
	list_courses: listCourses,
	create_courses: createCourses,
	update_courses: updateCourses,
	get_course: (ctx) => readOf(ctx, COURSES),
	list_lessons: listLessons,
	create_lessons: createLessons,
	update_lessons: updateLessons,
	get_lesson: (ctx) => readOf(ctx, LESSON_DETAIL),
	list_published_courses: listPublished,
	publish_courses: publish,
	update_published_courses: updatePublished,
	unpublish_published_course: setLive(false),
	republish_published_course: setLive(true),
	get_published_course: (ctx) => readOf(ctx, PUBLISHED),
	delete_published_course: deletePublished,
	list_domains: listDomains,
	get_domain: (ctx) => readOf(ctx, DOMAINS),
};
