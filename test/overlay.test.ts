import { readdirSync } from 'fs';
import { resolve } from 'path';
import type { INodeProperties } from 'n8n-workflow';

import { baseFields, factsOf, isComposite, normalise } from '../nodes/shared/catalog';
import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { API_V2_OPERATIONS } from '../nodes/shared/generated/operationsV2';
import { listSearch } from '../nodes/shared/listSearch';
import { camelCase, fieldParameterName } from '../nodes/shared/naming';
import { V2_NOT_ACTIONS } from '../nodes/shared/v2/catalog';
import type { NodeOverlay } from '../nodes/shared/types';
import { loadSpec } from '../tools/codegen/spec';
import { ACTION_NODE_CLASSES, ACTION_NODES, classNameOf } from './harness/node-types';
import { TABLES, allActions } from './harness/tables';

const SPEC = resolve(__dirname, '../spec/skilljar-openapi.yml');
const NODES_DIR = resolve(__dirname, '../nodes');

/** What in an overlay names something the OpenAPI document lacks. */
function overlayProblems(nodeType: string, overlay: NodeOverlay): string[] {
	const problems: string[] = [];
	for (const resource of overlay) {
		for (const raw of resource.operations) {
			// Composites declare their own fields (checked in composites.test.ts).
			if (isComposite(raw)) continue;
			const entry = normalise(raw);
			const ids = typeof entry.id === 'string' ? [entry.id] : entry.id;
			const missing = ids.filter(
				(id) => ![...API_OPERATIONS, ...API_V2_OPERATIONS].some((operation) => operation.id === id),
			);
			for (const id of missing) {
				problems.push(
					`${nodeType}: Overlay names "${id}", which the OpenAPI document does not have`,
				);
			}
			if (missing.length) continue;
			const { fields } = baseFields(entry);
			for (const key of Object.keys(entry.fields ?? {})) {
				const [where, name] = key.includes(':') ? key.split(':') : [undefined, key];
				const found = fields.some(
					(field) => field.name === name && (where === undefined || field.in === where),
				);
				if (!found) problems.push(`${nodeType} ${ids[0]}: no field "${key}"`);
			}
			const body = factsOf(ids[0]).body?.fields ?? [];
			for (const name of entry.json ?? []) {
				if (!body.some((member) => member.name === name)) {
					problems.push(`${nodeType} ${ids[0]}: no body member "${name}" to send as JSON`);
				}
			}
		}
	}
	return problems;
}

/** The hand-written overlays held against Skilljar's OpenAPI document and against each other. */
describe('overlays', () => {
	test('every OpenAPI operation is served by exactly one action (ping by the credential test)', () => {
		const served = allActions().flatMap(({ operation }) => operation.apiIds);
		const counts = new Map<string, number>();
		for (const id of served) counts.set(id, (counts.get(id) ?? 0) + 1);
		expect([...counts].filter(([, count]) => count > 1)).toEqual([]);
		const unserved = API_OPERATIONS.map((operation) => operation.id).filter(
			(id) => !counts.has(id),
		);
		expect(unserved).toEqual(['ping_retrieve']);
		const unservedV2 = API_V2_OPERATIONS.map((operation) => operation.id).filter(
			(id) => !counts.has(id),
		);
		expect(unservedV2).toEqual([...V2_NOT_ACTIONS]);
		expect(served).toHaveLength(
			API_OPERATIONS.length - 1 + API_V2_OPERATIONS.length - V2_NOT_ACTIONS.length,
		);
	});

	test('every override names an operation and a field the document has', () => {
		const problems = ACTION_NODE_CLASSES.flatMap((className) => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports -- each node folder's overlay
			const { overlay } = require(`../nodes/${className}/overlay`) as { overlay: NodeOverlay };
			return overlayProblems(className, overlay);
		});
		expect(problems).toEqual([]);
	});

	test('a misspelled field, JSON member or operation in an overlay is reported', () => {
		const overlay: NodeOverlay = [
			{
				value: 'group',
				name: 'Group',
				operations: [
					{ id: 'groups_create', fields: { nmae: { label: 'Name' } }, json: ['sign_up_rule'] },
					'groups_creat',
				],
			},
		];
		expect(overlayProblems('test', overlay)).toEqual([
			'test groups_create: no field "nmae"',
			'test groups_create: no body member "sign_up_rule" to send as JSON',
			'test: Overlay names "groups_creat", which the OpenAPI document does not have',
		]);
	});

	test("every picker's dependencies are top-level parameters of its action", () => {
		const problems: string[] = [];
		for (const { node, resource, operation } of allActions()) {
			for (const field of operation.fields.filter((candidate) => candidate.picker)) {
				const picker = field.picker!;
				if (!(picker.search in listSearch)) problems.push(`unknown search ${picker.search}`);
				const topLevel = node.description.properties
					.filter(
						(property: INodeProperties) =>
							property.displayOptions?.show?.resource?.includes(resource.value) &&
							property.displayOptions?.show?.operation?.includes(operation.value) &&
							property.required,
					)
					.map((property) => property.name);
				for (const dependency of picker.dependsOn) {
					if (!topLevel.includes(camelCase(dependency))) {
						problems.push(
							`${node.description.name} ${resource.value}/${operation.value} ${fieldParameterName(field)}: needs ${dependency}`,
						);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});

	test('the three user actions below a user pick published courses from that user', () => {
		const user = TABLES.skilljarUser;
		const pickers = user
			.flatMap((resource) => resource.operations)
			.flatMap((operation) => operation.fields)
			.filter((field) => field.name === 'published_course_id' && field.picker)
			.map((field) => field.picker!.search);
		expect(pickers.length).toBeGreaterThanOrEqual(3);
		expect(new Set(pickers)).toEqual(new Set(['searchUserPublishedCourses']));
	});

	test('values are unique per node and resource', () => {
		for (const resources of Object.values(TABLES)) {
			const values = resources.map((resource) => resource.value);
			expect(new Set(values).size).toBe(values.length);
			for (const resource of resources) {
				const operations = resource.operations.map((operation) => operation.value);
				expect(new Set(operations).size).toBe(operations.length);
			}
		}
	});

	test('the node classes and package.json list the same nodes', () => {
		const folders = readdirSync(NODES_DIR).filter(
			(name) => name !== 'shared' && !name.endsWith('Trigger'),
		);
		expect(ACTION_NODE_CLASSES.slice().sort()).toEqual(folders.sort());
		expect(ACTION_NODES.map((node) => classNameOf(node.description.name)).sort()).toEqual(
			folders.sort(),
		);
	});
	test('texts users read are our own words, not the document prose or generator leftovers', () => {
		const texts = allActions().flatMap(({ operation }) => [
			operation.action,
			operation.description ?? '',
			...operation.fields.map((field) => `${field.label ?? ''} ${field.description ?? ''}`),
		]);
		const bad = texts.filter((text) =>
			/\ban (user|usage)\b|quizs\b|<\/?pre>|'[A-Z_]+', '[A-Z_]+'|\* `[A-Z_]+`/.test(text),
		);
		expect(bad).toEqual([]);
		// No description users read is a sentence of the document (action texts such as "Create an
		// access code pool" are derived from names and may coincide with a summary there).
		const spec = JSON.stringify(loadSpec(SPEC));
		const descriptions = allActions().flatMap(({ operation }) => [
			operation.description ?? '',
			...operation.fields.map((field) => field.description ?? ''),
		]);
		const copied = descriptions
			.map((text) => text.trim())
			.filter((text) => text.length > 25 && spec.includes(JSON.stringify(text).slice(1, -1)));
		expect(copied).toEqual([]);
	});
});
