import type { ApiOperation } from './apiFacts';
import { compositeOf } from './composites';
import { fieldsOf } from './fields';
import { V1_FACTS, V2_FACTS, tableFor, type FactsTable } from './factsTable';
import { camelCase, humanize, kindTexts, nounOf, pluralOf, withArticle } from './naming';
import { defaultPicker } from './pickers';
import { markV2Twins, v2Details, v2Fields, v2Texts } from './v2/catalog';
import { v2PickerOf } from './v2/pickers';
import type {
	CompositeOverlay,
	NodeOverlay,
	OperationKind,
	OperationOverlay,
	ResourceOverlay,
	SkilljarField,
	SkilljarOperation,
	SkilljarResource,
} from './types';

/**
 * Merges the generated facts with a node's overlay into the runtime tables. Every rule that is the
 * same for all nodes lives here (kinds, names, PUT twins, pickers); the overlay holds only what is
 * particular to one operation.
 */

/** The facts of an operation ID, v1's or v2's (throws naming an ID neither document has). */
export function factsOf(id: string): ApiOperation {
	return tableFor(id).get(id);
}

export function kindOf(facts: ApiOperation, table: FactsTable = V1_FACTS): OperationKind {
	switch (facts.method) {
		case 'GET':
			return facts.pagination ? 'list' : 'get';
		case 'PUT':
		case 'PATCH':
			return 'update';
		case 'DELETE':
			return 'delete';
		default:
			// A POST creates a record where the path is a collection (it is listed, read or has
			// records below it); otherwise it is a verb such as `/anonymize` or `/ping`.
			return table.isCollection(facts) ? 'create' : 'action';
	}
}

export function normalise(entry: string | OperationOverlay): OperationOverlay {
	return typeof entry === 'string' ? { id: entry } : entry;
}

export function isComposite(entry: unknown): entry is CompositeOverlay {
	return typeof entry === 'object' && entry !== null && 'composite' in entry;
}

const builtTables = new WeakMap<NodeOverlay, SkilljarResource[]>();

/**
 * The runtime table of one node's overlay over its API's facts, built once per process: every
 * operation carries what the run time needs (method, path, paging, answer kind, schemas), so
 * nothing downstream looks the facts up again.
 */
export function resourcesOf(
	overlay: NodeOverlay,
	table: FactsTable = V1_FACTS,
): SkilljarResource[] {
	let resources = builtTables.get(overlay);
	if (!resources) {
		resources = overlay.map((resource) => ({
			value: resource.value,
			name: resource.name,
			operations: markV2Twins(
				resource.operations.map((entry) =>
					isComposite(entry)
						? buildComposite(entry.composite)
						: buildOperation(resource, normalise(entry), table),
				),
			),
		}));
		builtTables.set(overlay, resources);
	}
	return resources;
}

/** A composite's table entry: its declared fields get the usual pickers; it serves no apiIds. */
function buildComposite(name: string): SkilljarOperation {
	const composite = compositeOf(name);
	return {
		value: composite.value,
		name: composite.name,
		action: composite.action,
		description: composite.description,
		kind: 'composite',
		method: composite.method,
		path: composite.path,
		answer: 'object',
		fields: attachPickers(composite.fields.map((field) => applyFieldOverlay(field, {}))),
		apiIds: [],
		composite: name,
		uses: [...composite.uses],
	};
}

function buildOperation(
	resource: ResourceOverlay,
	entry: OperationOverlay,
	nodeTable: FactsTable,
): SkilljarOperation {
	const ids = typeof entry.id === 'string' ? [entry.id] : [...entry.id];
	// A node's overlay may also name API v2 operations: they are read from v2's own table.
	const table = tableFor(ids[0], nodeTable);
	const v2 = table === V2_FACTS;
	const facts = table.get(ids[0]);
	// An overlay's pagination makes a list of what the document declares as one free object.
	const kind = entry.pagination ? 'list' : kindOf(facts, table);
	const noun = resource.noun ?? nounOf(resource.name);
	const texts = kindTexts(kind, noun, resource.plural ?? pluralOf(noun));
	if (kind === 'action') {
		const verb = facts.path.split('/').filter(Boolean).pop() ?? '';
		texts.value = camelCase(verb.replace(/-/g, '_'));
		texts.name = humanize(verb.replace(/-/g, '_'));
		texts.action = `${texts.name} ${withArticle(noun)}`;
	}

	const v2Wording = v2 ? v2Texts(texts, facts, kind, resource.plural ?? pluralOf(noun)) : undefined;
	if (v2Wording) Object.assign(texts, { ...v2Wording, description: undefined });

	const base = baseFields(entry, table);
	const path = base.path;
	let fields = v2 ? v2Fields(base.fields, facts) : base.fields;

	const overrides = entry.fields ?? {};
	// Keys are wire names; `body:name` / `path:name` pick one where path and body share a name.
	const overrideOf = (field: SkilljarField) =>
		overrides[`${field.in}:${field.name}`] ?? overrides[field.name] ?? {};
	fields = fields
		.filter((field) => !overrideOf(field).hidden)
		// v2 fields get v2 pickers (v1's list v1 records with the v1 credential).
		.map((field) =>
			applyFieldOverlay(
				field,
				v2 ? { picker: v2PickerOf(field, facts) ?? false, ...overrideOf(field) } : overrideOf(field),
			),
		);
	fields.push(...(entry.extraFields ?? []));
	fields = attachPickers(fields);

	const twin = table.putTwinOf(facts);
	const operation: SkilljarOperation = {
		value: entry.value ?? texts.value,
		name: entry.name ?? texts.name,
		action: entry.action ?? texts.action,
		kind,
		// The method the document gives the first operation: an Update whose PATCH has a PUT twin
		// sends PATCH (only the fields the user set change); one documented only as PUT sends PUT.
		method: facts.method,
		path,
		fields,
		answer: facts.response.kind,
		apiIds: [...ids, ...(twin ? [twin.id] : [])],
	};
	if (facts.response.schema) operation.responseSchema = facts.response.schema;
	if (facts.body) operation.requestSchema = facts.body.schema;
	const description = entry.description ?? v2Wording?.description;
	if (description) operation.description = description;
	const pagination = entry.pagination ?? facts.pagination;
	if (pagination) operation.pagination = pagination;
	if (pagination && (entry.pageSize ?? facts.pageSize)) operation.pageSize = true;
	if (entry.idempotentPost) operation.idempotentPost = entry.idempotentPost;
	if (entry.download) operation.download = entry.download;
	if (entry.largeList) operation.largeList = true;
	if (entry.idNotice) operation.idNotice = entry.idNotice;
	if (v2) operation.v2 = v2Details(facts);
	return operation;
}

/** Path and fields from the facts alone, before the overlay's field overrides. */
export function baseFields(
	entry: OperationOverlay,
	preferred: FactsTable = V1_FACTS,
): { path: string; fields: SkilljarField[] } {
	const ids = typeof entry.id === 'string' ? [entry.id] : [...entry.id];
	const table = tableFor(ids[0], preferred);
	const facts = table.get(ids[0]);
	const fields = fieldsOf(facts, entry.json);
	return ids.length > 1
		? joinVariants(
				ids.map((id) => table.get(id)),
				entry.path ?? '',
				fields,
			)
		: { path: facts.path, fields };
}

/**
 * Several operations whose paths differ in one segment (`/v1/webhooks/sample-course-completion`,
 * …) become one action: the differing part is a required option filled into `template`.
 */
function joinVariants(
	variants: ApiOperation[],
	template: string,
	fields: SkilljarField[],
): { path: string; fields: SkilljarField[] } {
	const placeholder = /\{([a-z_]+)\}/.exec(template)?.[1];
	if (!placeholder) {
		throw new Error(`Joined operations ${variants[0].id}… need a path with a placeholder`);
	}
	const [before, after] = template.split(`{${placeholder}}`);
	const options = variants.map(({ id, path }) => {
		if (!path.startsWith(before) || !path.endsWith(after)) {
			throw new Error(`${id} (${path}) does not fit ${template}`);
		}
		return path.slice(before.length, path.length - after.length);
	});
	const variant: SkilljarField = {
		name: placeholder,
		in: 'path',
		type: 'options',
		required: true,
		options,
	};
	return { path: template, fields: [variant, ...fields] };
}

function applyFieldOverlay(
	field: SkilljarField,
	overlay: NonNullable<OperationOverlay['fields']>[string],
): SkilljarField {
	const merged: SkilljarField = { ...field };
	for (const [key, value] of Object.entries(overlay)) {
		if (key !== 'hidden' && key !== 'picker')
			(merged as unknown as Record<string, unknown>)[key] = value;
	}
	if (field.name === 'domain_name' && !merged.placeholder) merged.placeholder = 'learn.example.com';
	// A field naming a record gets that record's picker (pickers.ts) unless the overlay chose
	// another or none.
	const picker = overlay.picker === undefined ? defaultPicker(field) : overlay.picker || undefined;
	if (picker) merged.picker = picker;
	return merged;
}

/**
 * A picker whose dependencies the action lacks could only fail: it is left out. Two pickers of
 * one action that would share a label (a published course in the path and another in the body)
 * name the second after its wire name (`item_catalog_page_id` → Item Catalog Page); overlays
 * name such pickers themselves.
 */
function attachPickers(fields: SkilljarField[]): SkilljarField[] {
	const present = new Set(fields.filter((field) => field.required).map((field) => field.name));
	const nouns = new Set<string>();
	return fields.map((field) => {
		if (!field.picker) return field;
		if (field.picker.dependsOn.every((name) => present.has(name))) {
			if (!nouns.has(field.picker.noun)) {
				nouns.add(field.picker.noun);
				return field;
			}
			const noun = field.label ?? humanize(field.name).replace(/ ID$/, '');
			return { ...field, picker: { ...field.picker, noun } };
		}
		const withoutPicker = { ...field };
		delete withoutPicker.picker;
		return withoutPicker;
	});
}
