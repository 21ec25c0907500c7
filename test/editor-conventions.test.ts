import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ACTION_NODES } from './harness/node-types';
import { TABLES } from './harness/tables';
import { VERSIONS, shownInVersion } from './harness/versions';

/**
 * What users see in the editor, checked on the descriptions n8n actually loads (built from the
 * tables at runtime, so the static linter cannot see them).
 */
describe.each(ACTION_NODES.map((node) => [node.description.displayName, node] as const))(
	'%s in the editor',
	(_name, node) => {
		const { description } = node;
		const properties = description.properties;
		const shownFor = (property: INodeProperties, resource: string, operation: string) =>
			property.displayOptions?.show?.resource?.includes(resource) &&
			property.displayOptions?.show?.operation?.includes(operation);

		test('is usable as an AI tool, has an icon, a subtitle and the Skilljar credential', () => {
			expect(description.usableAsTool).toBe(true);
			expect(description.icon).toEqual({
				light: 'file:../../icons/skilljar.svg',
				dark: 'file:../../icons/skilljar.dark.svg',
			});
			expect(description.subtitle).toBeTruthy();
			const operations = TABLES[description.name].flatMap((resource) => resource.operations);
			const values = (api: 'v1' | 'v2') =>
				operations.filter((op) => (api === 'v2') === Boolean(op.v2)).map((op) => op.value);
			const v1 = values('v1');
			const v2 = values('v2');
			// The editor shows the credential the chosen action needs, and only that one.
			expect(v1.filter((value) => v2.includes(value))).toEqual([]);
			const expected =
				v2.length === 0
					? [{ name: 'skilljarApi', required: true }]
					: v1.length === 0
						? [{ name: 'skilljarV2Api', required: true }]
						: [
								{ name: 'skilljarApi', required: true, displayOptions: { hide: { operation: [...new Set(v2)] } } },
								{ name: 'skilljarV2Api', required: true, displayOptions: { hide: { operation: [...new Set(v1)] } } },
							];
			expect(description.credentials).toEqual(expected);
			// n8n's editor treats a parameter that credentials `show` for all its values as the main
			// authentication field and hides it (the Operation and the action's fields disappear).
			for (const credential of description.credentials ?? []) {
				expect(credential.displayOptions?.show).toBeUndefined();
			}
		});

		test('every operation has an action sentence and every list has Return All and Limit', () => {
			for (const resource of TABLES[description.name]) {
				const selector = properties.find(
					(property) =>
						property.name === 'operation' &&
						property.displayOptions?.show?.resource?.includes(resource.value),
				);
				const options = selector?.options as INodePropertyOptions[];
				expect(options.map((option) => option.value).sort()).toEqual(
					resource.operations.map((operation) => operation.value).sort(),
				);
				for (const option of options) expect(option.action).toMatch(/^[A-Z][a-z]/);
				for (const operation of resource.operations.filter((candidate) => candidate.pagination)) {
					const names = properties
						.filter((property) => shownFor(property, resource.value, operation.value))
						.map((property) => property.name);
					expect(names).toEqual(expect.arrayContaining(['returnAll', 'limit']));
					const limit = properties.find(
						(property) =>
							property.name === 'limit' && shownFor(property, resource.value, operation.value),
					);
					expect(limit?.default).toBe(50);
					expect(limit?.typeOptions?.minValue).toBe(1);
				}
			}
		});

		test.each(VERSIONS)(
			'no two parameters of one operation share a name, and collections are sorted by name (version %s)',
			(version) => {
				for (const resource of TABLES[description.name]) {
					for (const operation of resource.operations) {
						const shown = properties.filter(
							(property) =>
								shownFor(property, resource.value, operation.value) &&
								shownInVersion(property, version),
						);
						const names = shown.map((property) => property.name);
						expect(new Set(names).size).toBe(names.length);
						for (const collection of shown.filter((property) => property.type === 'collection')) {
							const labels = (collection.options as INodeProperties[]).map(
								(option) => option.displayName,
							);
							expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
							expect(['Filters', 'Additional Fields', 'Update Fields']).toContain(
								collection.displayName,
							);
						}
					}
				}
			},
		);

		test('IDs are written "ID" and booleans are described as "Whether …"', () => {
			const all = properties.flatMap((property) => [
				property,
				...((property.type === 'collection' ? property.options : []) as INodeProperties[]),
			]);
			for (const property of all) {
				expect(property.displayName).not.toMatch(/\bId\b/);
				if (property.type === 'boolean' && property.description)
					expect(property.description).toMatch(/^Whether /);
			}
		});
	},
);
