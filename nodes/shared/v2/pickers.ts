import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { ApiOperation } from '../apiFacts';
import { V2_FACTS } from '../factsTable';
import type { Picker, SkilljarField } from '../types';
import { v2ListPage } from './list';

/**
 * "From list" pickers of API v2 fields: they list v2 records with the v2 credential (v1's pickers
 * would list v1 records with the v1 credential). The record a field chooses is read from its wire
 * name: `filter[course.id]`, `attributes.course_id`, `relationships.course.data.id`,
 * `published_course_id`, a path `{id}` after `/courses/`, a bulk entry's `id` of type `courses`.
 */

interface V2Record {
	/** The v2 list operation that offers the records. */
	list: string;
	noun: string;
	label: (item: IDataObject) => string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const titled = (item: IDataObject): string =>
	text(item.title) || text(item.name) || text(item.slug) || text(item.id);

const V2_RECORDS: Record<string, V2Record> = {
	student: {
		list: 'list_students',
		noun: 'Student',
		label: (item) =>
			`${text(item.first_name)} ${text(item.last_name)} <${text(item.email)}>`.trim(),
	},
	course: { list: 'list_courses', noun: 'Course', label: titled },
	published_course: { list: 'list_published_courses', noun: 'Published Course', label: titled },
	group: { list: 'list_groups', noun: 'Group', label: titled },
	lesson: { list: 'list_lessons', noun: 'Lesson', label: titled },
	quiz: { list: 'list_quizzes', noun: 'Quiz', label: titled },
	question_bank: { list: 'list_question_banks', noun: 'Question Bank', label: titled },
	web_package: { list: 'list_web_packages', noun: 'Web Package', label: titled },
	domain: { list: 'list_domains', noun: 'Domain', label: titled },
};

const searchName = (record: string): string =>
	`searchV2${record
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join('')}`;

/** `filter[course.id]`, `attributes.course_id`, `relationships.course.data.id` → `course`. */
function stemOf(field: SkilljarField, facts: ApiOperation): string | undefined {
	if (field.in === 'path' && field.name === 'id') {
		const segments = facts.path.split('/').filter(Boolean);
		return singular(segments[segments.indexOf('{id}') - 1] ?? '');
	}
	if (field.in === 'body' && field.name === 'id') return singular(facts.jsonApi?.type ?? '');
	// Only names that hold an ID (a filter on a record is one): `domain` alone is a domain's name.
	if (!/(\.id|_id)$|^filter\[/.test(field.name)) return undefined;
	const name = field.name
		.replace(/^filter\[(.+)\]$/, '$1')
		.replace(/^(attributes|relationships)\./, '')
		.replace(/\.data\.id$/, '')
		.replace(/(\.id|_id)$/, '');
	return name.replace(/[-.]/g, '_');
}

function singular(plural: string): string {
	const words = plural.replace(/-/g, '_');
	if (words.endsWith('zzes')) return words.slice(0, -3);
	return words.replace(/s$/, '');
}

/** The v2 picker of a field, if it chooses a record v2 can list. */
export function v2PickerOf(field: SkilljarField, facts: ApiOperation): Picker | undefined {
	const stem = stemOf(field, facts);
	const record = stem ? V2_RECORDS[stem] : undefined;
	if (!record || !stem) return undefined;
	// A list is not its own picker's source: the records it lists are what the user is after.
	if (record.list === facts.id) return undefined;
	return {
		search: searchName(stem),
		dependsOn: [],
		noun: record.noun,
		manual: 'id',
		sameInAllVersions: true,
	};
}

/**
 * A page of records at a time, as the list gives them (cursor pages of 100, or the whole list
 * where it has no pages), narrowed by what the user types; scrolling on asks for the next page.
 */
function makeSearch(record: V2Record) {
	const facts = V2_FACTS.get(record.list);
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = await v2ListPage.call(
			this,
			{ method: 'GET', path: facts.path, scopes: facts.scopes },
			{ pageSize: facts.pageSize, cursor: paginationToken },
		);
		const needle = (filter ?? '').trim().toLowerCase();
		const results = page.items
			.map((item) => ({ name: record.label(item) || text(item.id), value: text(item.id) }))
			.filter(
				(entry) =>
					entry.value && (!needle || `${entry.name} ${entry.value}`.toLowerCase().includes(needle)),
			);
		return { results, paginationToken: page.cursor };
	};
}

export const V2_LIST_SEARCH = Object.fromEntries(
	Object.entries(V2_RECORDS).map(([stem, record]) => [searchName(stem), makeSearch(record)]),
);
