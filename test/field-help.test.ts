import { readFileSync, readdirSync } from 'fs';
import { join } from 'path';

import { load } from 'js-yaml';
import type { INodeProperties } from 'n8n-workflow';

import { fieldParameterName } from '../nodes/shared/naming';
import { unusedWordingKeys } from '../nodes/shared/wording';
import { ACTION_NODES } from './harness/node-types';
import { TABLES, allActions } from './harness/tables';
import { VERSIONS, shownInVersion } from './harness/versions';

/** Fields that name a record by its ID: pickers and `…_id` fields describe themselves. */
const isIdField = (name: string) =>
	/(^|[._])id$|_ids?$/.test(name.replace(/^filter\[(.*)\]$/, '$1'));

/** The parameters one action shows in one node version, collection options included. */
function shownParameters(nodeName: string, resource: string, operation: string, version: number) {
	const node = ACTION_NODES.find((candidate) => candidate.description.name === nodeName);
	const shown = (node?.description.properties ?? []).filter(
		(property) =>
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes(operation) &&
			shownInVersion(property, version),
	);
	return shown.flatMap((property) =>
		property.type === 'collection'
			? ((property.options ?? []) as INodeProperties[]).map((option) => ({
					...option,
					collection: property.displayName,
				}))
			: [{ ...property, collection: undefined as string | undefined }],
	);
}

function parameterOf(
	nodeName: string,
	resource: string,
	operation: string,
	version: number,
	name: string,
) {
	const found = shownParameters(nodeName, resource, operation, version).find(
		(property) => property.name === name,
	);
	if (!found) throw new Error(`${nodeName} ${resource}/${operation} v${version} has no ${name}`);
	return found;
}

/** Skilljar's documents as vendored in spec/ (the v1 OpenAPI document, and any later one). */
const SPEC = join(__dirname, '..', 'spec');
const DOCUMENTS = readdirSync(SPEC)
	.filter((name) => /openapi.*\.(ya?ml|json)$/.test(name))
	.map((name) => join(SPEC, name));

/** Every sentence of six words or more that Skilljar's documents use to describe something. */
function documentSentences(): string[] {
	const sentences = new Set<string>();
	const visit = (value: unknown): void => {
		if (Array.isArray(value)) value.forEach(visit);
		else if (typeof value === 'object' && value !== null) {
			for (const [key, inner] of Object.entries(value)) {
				if (key === 'description' && typeof inner === 'string') {
					for (const sentence of inner.split(/[.!?\n]|<[^>]+>/)) {
						const words = sentence.toLowerCase().match(/[a-z0-9']+/g) ?? [];
						if (words.length >= 6) sentences.add(words.join(' '));
					}
				} else visit(inner);
			}
		}
	};
	for (const file of DOCUMENTS) visit(load(readFileSync(file, 'utf8')));
	return [...sentences];
}

describe('every field explains itself', () => {
	test.each(VERSIONS)(
		'every field of every action that is not an ID has a description (version %s)',
		(version) => {
			const missing: string[] = [];
			for (const { node, resource, operation } of allActions()) {
				const name = node.description.name;
				const shown = shownParameters(name, resource.value, operation.value, version);
				for (const field of operation.fields) {
					if (isIdField(field.name)) continue;
					const property = shown.find((p) => p.name === fieldParameterName(field));
					if (!property?.description?.trim()) {
						missing.push(`${name} ${resource.value}/${operation.value}: ${field.name}`);
					}
				}
			}
			expect(missing).toEqual([]);
		},
	);

	test('every entry of the wording table describes some field (none misspelt or stale)', () => {
		expect(unusedWordingKeys('v1')).toEqual([]);
		expect(unusedWordingKeys('v2')).toEqual([]);
	});

	test("help texts are our own words: none repeats a sentence of Skilljar's document", () => {
		const sentences = documentSentences();
		expect(sentences.length).toBeGreaterThan(200);
		const copied: string[] = [];
		for (const node of ACTION_NODES) {
			for (const property of node.description.properties) {
				const all = [
					property,
					...((property.type === 'collection' ? property.options : []) as INodeProperties[]),
				];
				for (const { description } of all) {
					const words = (description ?? '').toLowerCase().match(/[a-z0-9']+/g) ?? [];
					const text = ` ${words.join(' ')} `;
					const hit = sentences.find((sentence) => text.includes(` ${sentence} `));
					if (hit) copied.push(`${node.description.name}: "${hit}"`);
				}
			}
		}
		expect([...new Set(copied)]).toEqual([]);
	});

	test('a field shared by many actions reads the same in each', () => {
		const texts = new Set(
			allActions().flatMap(({ node, resource, operation }) =>
				operation.fields
					.filter(
						(field) =>
							field.name === 'expires_at' &&
							resource.value.endsWith('nrollment') &&
							operation.kind === 'create' &&
							!operation.v2,
					)
					.map(
						(field) =>
							parameterOf(
								node.description.name,
								resource.value,
								operation.value,
								1.1,
								fieldParameterName(field),
							).description,
					),
			),
		);
		expect(texts.size).toBe(1);
		expect([...texts][0]).toMatch(/^When the access ends\. Leave empty for no end date/);
	});

	test('the facts that bite are said where they bite', () => {
		const filter = (name: string) => parameterOf('skilljarDomain', 'domainUser', 'getAll', 1.1, name);
		expect(filter('accessCode').description).toMatch(/null/);
		expect(filter('userFirstName').description).toMatch(/Case-sensitive/);
		expect(filter('signupFieldValue').description).toMatch(/Case-sensitive/);
		const enrolledAt = parameterOf('skilljarDomain', 'enrollment', 'create', 1.1, 'enrolledAt');
		expect(enrolledAt.description).toMatch(/Leave empty for now/);
		expect(enrolledAt.description).toMatch(/time zone/);
		const inactive = parameterOf('skilljarUser', 'user', 'getAll', 1.1, 'isInactive');
		expect(inactive.description).toMatch(/^Whether to list only inactive users/);
	});

	test('"Enter null to clear" shows where there is a value to clear, never when creating', () => {
		const hinted = allActions().flatMap(({ node, resource, operation }) =>
			shownParameters(node.description.name, resource.value, operation.value, 1.1)
				.filter((property) => /Enter null to clear/.test(property.description ?? ''))
				.map(() => operation.kind),
		);
		expect(hinted.length).toBeGreaterThan(10);
		expect(new Set(hinted)).toEqual(new Set(['update']));
	});
});

describe('labels read as words, not wire names', () => {
	const labels = allActions().flatMap(({ node, resource, operation }) =>
		VERSIONS.flatMap((version) =>
			shownParameters(node.description.name, resource.value, operation.value, version).map(
				(property) => property.displayName,
			),
		),
	);

	test('no doubled words, "Ids", "Optin" or comparison suffixes', () => {
		const bad = [...new Set(labels)].filter(
			(label) =>
				/\b(\w+) \1\b/i.test(label) || /\bIds\b|Optin|\b(Gte|Lte|Gt|Lt)\b/.test(label),
		);
		expect(bad).toEqual([]);
		expect(labels).toEqual(expect.arrayContaining(['Course IDs', 'Marketing Opt-In']));
	});

	test('date comparison filters are date pickers named "… After" / "… Before" from version 1.1', () => {
		const starts = parameterOf('skilljarViltSessionEvent', 'viltSessionEvent', 'getAll', 1.1, 'startsAtGte');
		const ends = parameterOf('skilljarViltSessionEvent', 'viltSessionEvent', 'getAll', 1.1, 'endsAtLte');
		expect([starts.displayName, starts.type]).toEqual(['Starts After', 'dateTime']);
		expect([ends.displayName, ends.type]).toEqual(['Ends Before', 'dateTime']);
		// A filter's saved value is kept as set, so version 1 shows the date picker too.
		const released = parameterOf('skilljarViltSessionEvent', 'viltSessionEvent', 'getAll', 1, 'startsAtGte');
		expect(released.type).toBe('dateTime');
	});

	test('a filter across relations picks its record: Session Lesson Course ID is a Course picker from 1.1', () => {
		const filter = (version: number) =>
			parameterOf('skilljarViltSessionEvent', 'viltSessionEvent', 'getAll', version, 'sessionLessonCourseId');
		expect([filter(1.1).displayName, filter(1.1).type]).toEqual(['Course', 'resourceLocator']);
		expect([filter(1).displayName, filter(1).type]).toEqual(['Course ID', 'string']);
	});

	test('a Set action collects its optional fields under a name that fits', () => {
		const names = shownParameters('skilljarDomain', 'managerAccess', 'set', 1.1)
			.filter((property) => property.collection)
			.map((property) => property.collection);
		expect(new Set(names)).toEqual(new Set(['Additional Fields']));
	});
});

describe("Skilljar's defaults and limits", () => {
	test('toggles Skilljar turns on start on when added (optional fields: saved values stay as set)', () => {
		for (const [resource, operation] of [
			['accessCode', 'create'],
			['domainUser', 'create'],
			['enrollment', 'create'],
		]) {
			for (const version of VERSIONS) {
				expect(parameterOf('skilljarDomain', resource, operation, version, 'active').default).toBe(
					true,
				);
			}
		}
	});

	test("a required field's new default applies from version 1.1 only (version 1 leaves it unsaved)", () => {
		const cycle = (version: number) =>
			parameterOf('skilljarDomain', 'reenrollmentRule', 'create', version, 'cycleDuration');
		expect(cycle(1.1).default).toBe(1);
		expect(cycle(1).default).toBe(0);
	});

	test('numbers start at and cannot go below Skilljar’s minimum', () => {
		const duration = parameterOf('skilljarDomain', 'accessCode', 'create', 1.1, 'duration');
		expect(duration.default).toBe(1);
		expect(duration.typeOptions?.minValue).toBe(1);
		const percent = parameterOf('skilljarGroup', 'group', 'create', 1.1, 'discountPercent');
		expect(percent.typeOptions).toEqual({ minValue: 0, maxValue: 100 });
	});

	test("the domain users' null-only Access Code filter offers its one value from version 1.1", () => {
		const filter = parameterOf('skilljarDomain', 'domainUser', 'getAll', 1.1, 'accessCode');
		expect(filter.type).toBe('options');
		expect(filter.options).toEqual([expect.objectContaining({ value: 'null' })]);
	});

	test('every resource table is built from the same data the nodes show', () => {
		expect(Object.keys(TABLES).length).toBe(ACTION_NODES.length);
	});
});
