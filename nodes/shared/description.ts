import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { downloadProperties } from './binaryOutput';
import { idHintProperties, returnAllNoticeProperties } from './hints';
import { simplifyProperty } from './simplify';
import { fieldDisplayName, fieldParameterName, humanize, optionLabel } from './naming';
import { pickerDescription, pickerProperty } from './pickerProperty';
import { showsPicker } from './pickers';
import { NULL_OPTION, collectionFor } from './collections';
import { shareAlikeProperties } from './sharedProperties';
import { requestOptionsFor } from './v2/batchOptions';
import { byVersion } from './versioned';
import type { SkilljarField, SkilljarOperation, SkilljarResource } from './types';

/**
 * Builds a node's parameters from its operation table: the usual `resource` and `operation`
 * selectors, required fields at the top, optional ones in Filters / Additional Fields /
 * Update Fields, and Return All + Limit on list actions.
 */
export function buildProperties(resources: SkilljarResource[]): INodeProperties[] {
	const firstResource = resources[0].value;
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: sortByName(
				resources.map((resource) => ({ name: resource.name, value: resource.value })),
			),
			default: firstResource,
		},
	];
	for (const resource of resources) properties.push(operationSelector(resource));
	// Each action's parameters in their places (see operationPlaces), place by place across all
	// actions: every action keeps its order, and alike parameters of different actions end up
	// next to each other, where they can be kept once (sharedProperties.ts).
	const places: INodeProperties[][] = [];
	for (const resource of resources) {
		for (const operation of resource.operations) {
			operationPlaces(resource, operation).forEach((place, index) => {
				(places[index] ??= []).push(...place);
			});
		}
	}
	properties.push(...places.flat(), requestOptionsFor(resources));
	return shareAlikeProperties(properties);
}

function sortByName<T extends { name: string }>(options: T[]): T[] {
	return [...options].sort((a, b) => a.name.localeCompare(b.name));
}

function operationSelector(resource: SkilljarResource): INodeProperties {
	const options = sortByName(
		resource.operations.map((operation) => ({
			name: operation.name,
			value: operation.value,
			action: operation.action,
			description: operation.description,
		})),
	);
	const preferred =
		resource.operations.find((operation) => operation.value === 'getAll') ?? resource.operations[0];
	const defaultOperation = preferred.value;
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource.value] } },
		options,
		default: defaultOperation,
	};
}

const COLLECTIONS: Record<string, { displayName: string; placeholder: string }> = {
	filters: { displayName: 'Filters', placeholder: 'Add Filter' },
	additionalFields: { displayName: 'Additional Fields', placeholder: 'Add Field' },
	updateFields: { displayName: 'Update Fields', placeholder: 'Add Field' },
};

/** An action's parameters in their places, each place with what both node versions show. */
function operationPlaces(
	resource: SkilljarResource,
	operation: SkilljarOperation,
): INodeProperties[][] {
	const built = new Map<number, INodeProperties[][]>();
	const ofVersion = (version: number) => {
		if (!built.has(version)) built.set(version, operationPlacesOf(resource, operation, version));
		return built.get(version) as INodeProperties[][];
	};
	return ofVersion(1).map((_place, index) => byVersion((version) => ofVersion(version)[index]));
}

/**
 * The parameters of one action as a node of this version shows them, in the order shown, by
 * place: which ID it wants and its required fields; Return All and Limit; Simplify; Download;
 * the collections of optional fields.
 */
function operationPlacesOf(
	resource: SkilljarResource,
	operation: SkilljarOperation,
	version: number,
): INodeProperties[][] {
	const displayOptions = { show: { resource: [resource.value], operation: [operation.value] } };
	const required: INodeProperties[] = [
		...idHintProperties(displayOptions.show, operation),
		...operation.fields
			.filter((field) => field.required)
			.map((field) => ({ ...fieldProperty(field, true, version), displayOptions })),
	];

	const list: INodeProperties[] = [];
	if (operation.pagination) {
		list.push(
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
				displayOptions,
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 50,
				description: 'Max number of results to return',
				displayOptions: { show: { ...displayOptions.show, returnAll: [false] } },
			},
			...returnAllNoticeProperties(displayOptions.show, operation),
		);
	}
	const simplify = simplifyProperty(displayOptions.show, operation);
	const download = downloadProperties(operation, displayOptions);
	const collections: INodeProperties[] = [];

	const optional = new Map<string, INodeProperties[]>();
	for (const field of operation.fields.filter((candidate) => !candidate.required)) {
		const collection = collectionFor(operation, field);
		optional.set(collection, [
			...(optional.get(collection) ?? []),
			fieldProperty(field, false, version),
		]);
	}
	for (const [name, options] of optional) {
		collections.push({
			displayName: COLLECTIONS[name].displayName,
			name,
			type: 'collection',
			placeholder: COLLECTIONS[name].placeholder,
			default: {},
			displayOptions,
			options: [...options].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		});
	}
	return [required, list, simplify, download, collections];
}

function fieldProperty(field: SkilljarField, required: boolean, version: number): INodeProperties {
	const picker = showsPicker(field.picker, version) ? field.picker : undefined;
	const base = {
		displayName: fieldDisplayName(field, version),
		name: fieldParameterName(field),
		description: picker
			? pickerDescription(picker, field.description?.trim(), version)
			: describeField(field),
		...(required ? { required: true } : {}),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.secret ? { typeOptions: { password: true } } : {}),
	};
	if (picker) return pickerProperty(base, picker, field.placeholder, version);
	switch (field.type) {
		case 'number':
			return { ...base, type: 'number', default: field.default ?? 0 };
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false };
		case 'dateTime':
			return { ...base, type: 'dateTime', default: field.default ?? '' };
		case 'options': {
			const options: INodePropertyOptions[] = sortByName(
				(field.options ?? []).map((value) => ({
					name: field.optionLabels?.[value] ?? optionLabel(value),
					value,
				})),
			);
			if (field.nullable) {
				options.unshift({ name: field.nullLabel ?? 'None (Null)', value: NULL_OPTION });
			}
			return {
				...base,
				type: 'options',
				options,
				default: field.default ?? field.options?.[0] ?? '',
			};
		}
		case 'json':
			return { ...base, type: 'json', default: field.default ?? '' };
		case 'idList':
		case 'stringList':
		case 'string':
		default:
			return { ...base, type: 'string', default: field.default ?? '' };
	}
}

function describeField(field: SkilljarField): string | undefined {
	const own = withNullHint(field, field.description?.trim());
	if (field.type === 'idList') {
		return `${own ? own.replace(/\.?$/, '. ') : ''}Comma-separated IDs, or an expression returning an array.`;
	}
	if (field.type === 'stringList') {
		return `${own ? own.replace(/\.?$/, '. ') : ''}Comma-separated list, or an expression returning an array.`;
	}
	if (field.type === 'json' && !own) return 'JSON value, checked before the request is sent';
	if (!own && field.in === 'path' && field.name.endsWith('_id')) {
		return `ID of the ${humanize(field.name.slice(0, -3))
			.toLowerCase()
			.replace(/\b(ilt|vilt)\b/g, (word) => word.toUpperCase())}`;
	}
	return own || undefined;
}

/** Nullable fields other than options (which offer their own null option) say how to clear them. */
function withNullHint(field: SkilljarField, own: string | undefined): string | undefined {
	if (!field.nullable || field.type === 'options' || field.type === 'boolean') return own;
	return `${own ? own.replace(/\.?$/, '. ') : ''}Enter null to clear the value.`;
}
