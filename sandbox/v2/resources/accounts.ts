// Signup-field values and web packages.

import { getField, type Item } from '../../store';
import { fail, runBatch } from '../batch';
import type { V2Context, V2Handler, V2Reply } from '../context';
import { errorReply, notFound } from '../errors';
import { findStudent, ref, V2 } from '../views';
import {
	attrsOf,
	createBatch,
	findLive,
	listOf,
	live,
	readOf,
	toResource,
	updateBatch,
	type StoredKind,
} from './stored';

const VALUES: StoredKind = {
	type: 'signup-field-values',
	path: V2.signupFieldValues,
	label: 'Signup field value',
	hidden: ['student_id', 'signup_field_id', 'domain_name'],
	relationships: (r) => ({
		student: ref('students', r.student_id),
		'signup-field': { data: { type: 'signup-fields', id: String(r.signup_field_id) } },
	}),
};

/** Signup fields of every domain, with the domain each belongs to. */
function signupFields(ctx: V2Context): Array<{ field: Item; domain: string }> {
	return ctx.store
		.collection(V2.domains)
		.flatMap((d) =>
			ctx.store
				.collection(`/v1/domains/${String(d.name)}/signup-fields`)
				.map((field) => ({ field, domain: String(d.name) })),
		);
}

function memberDomains(ctx: V2Context, studentId: string): string[] {
	return ctx.store
		.collection(V2.domains)
		.map((d) => String(d.name))
		.filter((name) => ctx.store.find(`/v1/domains/${name}/users`, studentId, 'user.id'));
}

/** Upsert values for one student; the student must be a member of some domain. */
function createValues(ctx: V2Context): V2Reply {
	const studentId = String((ctx.body as Item).student_id);
	const domains = findStudent(ctx.store, studentId) ? memberDomains(ctx, studentId) : [];
	if (domains.length === 0) return notFound('Student');
	const fields = signupFields(ctx);
	return runBatch(ctx, {
		dedupe: { key: (item) => String(item.id), at: '/id' },
		run: (item) => {
			const found = fields.find((f) => f.field.id === item.id && domains.includes(f.domain));
			if (!found) return fail('not_found', 'No such signup field in the student’s domains.', '/id');
			const value = String(attrsOf(item).value);
			let record = live(ctx, VALUES).find(
				(v) => v.student_id === studentId && v.signup_field_id === item.id,
			);
			if (record) record.value = value;
			else {
				record = ctx.store.insert(V2.signupFieldValues, {
					id: ctx.store.newId(),
					label: String(found.field.label ?? ''),
					value,
					student_id: studentId,
					signup_field_id: item.id,
					domain_name: found.domain,
				});
			}
			return { result: toResource(VALUES, record) };
		},
	});
}

function listValues(ctx: V2Context): V2Reply {
	const q = ctx.query;
	const domains =
		q['filter[domains]'] == null ? undefined : String(q['filter[domains]']).split(',');
	return listOf(
		ctx,
		VALUES,
		(v) => {
			if (q['filter[student.id]'] != null && v.student_id !== q['filter[student.id]']) return false;
			if (
				q['filter[signup-field.id]'] != null &&
				v.signup_field_id !== q['filter[signup-field.id]']
			)
				return false;
			return !domains || domains.includes(String(v.domain_name));
		},
		(r) => getField(r, 'relationships.student.data.id') + String(r.id),
	);
}

// ---- web packages ----

const PACKAGES: StoredKind = { type: 'web-packages', path: V2.webPackages, label: 'Web package' };

/**
 * Creation is asynchronous: the create answer shows PROCESSING, and the next read finds the
 * fetch finished: READY for a `.zip` link, ERROR for anything else (a malformed archive).
 */
function settle(record: Item): Item {
	if (record.state === 'PROCESSING' && record.content_url !== undefined) {
		const ok = /\.zip(\?.*)?$/i.test(String(record.content_url));
		record.state = ok ? 'READY' : 'ERROR';
		record.display_name = ok ? record.title : `ERROR: ${String(record.file_name)}`;
	}
	return record;
}

const PACKAGE_VIEW: StoredKind = { ...PACKAGES, hidden: ['content_url', 'file_name'] };

function createPackages(ctx: V2Context): V2Reply {
	return createBatch(ctx, PACKAGE_VIEW, (a) => {
		const fileName = String(a.content_url).split('?')[0].split('/').pop() ?? '';
		return {
			type: 'SCORM_12',
			state: 'PROCESSING',
			title: a.title,
			display_name: `PROCESSING: ${fileName}`,
			base_path: '',
			created_at: ctx.now,
			modified_at: ctx.now,
			content_url: a.content_url,
			file_name: fileName,
		};
	});
}

function readPackage(ctx: V2Context): V2Reply {
	const record = findLive(ctx, PACKAGES, ctx.params.id);
	if (record) settle(record);
	return readOf(ctx, PACKAGE_VIEW);
}

/** Soft delete, refused (409) while a lesson of a published course uses the package. */
function deletePackage(ctx: V2Context): V2Reply {
	const record = findLive(ctx, PACKAGES, ctx.params.id);
	if (!record) return notFound(PACKAGES.label);
	const published = new Set(
		live(ctx, { type: '', path: V2.publishedCourses, label: '' }).map((p) => p.course_id),
	);
	const inUse = ctx.store
		.collection('/v1/lessons')
		.some((l) => l.content_web_package_id === record.id && published.has(l.course_id));
	if (inUse)
		return errorReply(409, 'conflict', 'A lesson of a published course uses this web package.');
	record.deleted_at = ctx.now;
	return { status: 204 };
}

export const ACCOUNT_HANDLERS: Record<string, V2Handler> = {
	create_signup_field_values: createValues,
	update_signup_field_values: (ctx) =>
		updateBatch(ctx, VALUES, (record, a) => {
			record.value = a.value;
		}),
	list_signup_field_values: listValues,
	get_signup_field_value: (ctx) => readOf(ctx, VALUES, 'signup_field_value_id'),
	list_web_packages: (ctx) => {
		live(ctx, PACKAGES).forEach(settle);
		return listOf(ctx, PACKAGE_VIEW);
	},
	create_web_packages: createPackages,
	update_web_packages: (ctx) =>
		updateBatch(ctx, PACKAGE_VIEW, (record, a) => {
			record.title = a.title;
			if (settle(record).state === 'READY') record.display_name = a.title;
		}),
	get_web_package: readPackage,
	delete_web_package: deletePackage,
};
