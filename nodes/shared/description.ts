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
import { VERSION_1_1, byVersion, fieldIn } from './versioned';
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
			options: mostUsedFirst(resources).map((resource) => ({
				name: resource.name,
				value: resource.value,
			})),
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

/**
 * The resources a node's users reach for most (ranked in its overlay) first, then the others by
 * name. n8n's node panel groups a node's actions in this order. The default resource stays the
 * overlay's first: saved workflows that never changed it rely on it.
 */
function mostUsedFirst(resources: SkilljarResource[]): SkilljarResource[] {
	const ranked = resources
		.filter((resource) => resource.rank !== undefined)
		.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
	return [...ranked, ...sortByName(resources.filter((resource) => resource.rank === undefined))];
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

/** A Set or Replace action changes the record too, but "Update Fields" would misname it. */
function collectionLabel(name: string, operation: SkilljarOperation): string {
	if (name === 'updateFields' && operation.value !== 'update') return 'Additional Fields';
	return COLLECTIONS[name].displayName;
}

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
			.map((field) => ({ ...fieldProperty(field, operation, true, version), displayOptions })),
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
			fieldProperty(field, operation, false, version),
		]);
	}
	for (const [name, options] of optional) {
		collections.push({
			displayName: collectionLabel(name, operation),
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

function fieldProperty(
	declared: SkilljarField,
	operation: SkilljarOperation,
	required: boolean,
	version: number,
): INodeProperties {
	// An optional field shows its current shape in every version: n8n saves a collection's values
	// as they were set (defaults included), so a new default or type there changes no saved
	// workflow. A required field's default is not saved when left as is: it changes from 1.1 only.
	const field = fieldIn(declared, required ? version : VERSION_1_1);
	const picker = showsPicker(field.picker, version) ? field.picker : undefined;
	const base = {
		displayName: fieldDisplayName(field, version),
		name: fieldParameterName(field),
		description: picker
			? pickerDescription(picker, field.description?.trim(), version)
			: describeField(field, operation),
		...(required ? { required: true } : {}),
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.secret ? { typeOptions: { password: true } } : {}),
	};
	if (picker) return pickerProperty(base, picker, field.placeholder, version);
	switch (field.type) {
		case 'number':
			return { ...base, type: 'number', default: field.default ?? 0, ...numberBounds(field) };
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

/** The document's bounds, so the editor's number field cannot go past them. */
function numberBounds(field: SkilljarField): Pick<INodeProperties, 'typeOptions'> {
	const typeOptions: Record<string, number> = {};
	if (field.minimum !== undefined) typeOptions.minValue = field.minimum;
	// 2147483647 is the database's integer limit, not a limit anyone means.
	if (field.maximum !== undefined && field.maximum < 2147483647) typeOptions.maxValue = field.maximum;
	return Object.keys(typeOptions).length ? { typeOptions } : {};
}

/**
 * Said once for every date field: the format, and which time zone a value without one is in. The
 * same words in both node versions, so a collection holding a date is not kept twice.
 */
const DATE_FORMAT =
	'ISO 8601 (2026-01-31T09:00:00Z); without offset: workflow time zone (node version 1.1)';

function describeField(
	field: SkilljarField,
	operation: SkilljarOperation,
): string | undefined {
	const own = withNullHint(field, operation, field.description?.trim());
	if (field.type === 'dateTime') {
		return `${own ? own.replace(/\.?$/, '. ') : ''}${DATE_FORMAT}.`;
	}
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

/**
 * Nullable fields other than options (which offer their own null option) say how to clear them,
 * where there is a value to clear: not when creating.
 */
function withNullHint(
	field: SkilljarField,
	operation: SkilljarOperation,
	own: string | undefined,
): string | undefined {
	if (!field.nullable || field.type === 'options' || field.type === 'boolean') return own;
	if (operation.kind !== 'update') return own;
	return `${own ? own.replace(/\.?$/, '. ') : ''}Enter null to clear the value.`;
}
