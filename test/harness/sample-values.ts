import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { ApiField } from '../../nodes/shared/apiFacts';
import { NULL_OPTION, collectionFor } from '../../nodes/shared/collections';
import { factsOf } from '../../nodes/shared/catalog';
import { fieldParameterName } from '../../nodes/shared/naming';
import type { SkilljarField, SkilljarOperation } from '../../nodes/shared/types';
import { DEMO } from '../../sandbox/seed';
import { SAMPLE_IDS } from '../../sandbox/samples';
import { sampleValue as wireSample } from './sandbox-bodies';

/**
 * Values for running an action as a user would: what to type into each parameter, and the value
 * Skilljar must receive for it. Path IDs name the sandbox's sample records; body values come from
 * the generated schema (so they satisfy its constraints and point at records that exist).
 */

/** Query values that must name real records for the list to answer. */
const QUERY_VALUES: Record<string, string> = {
	course_id: DEMO.courseIds[0],
};

/** The sample record ID for each `{param}` of a path template. */
export function pathValues(template: string): Record<string, string> {
	const values: Record<string, string> = {};
	const segments = template.split('/');
	segments.forEach((segment, index) => {
		const match = /^\{([a-z_]+)\}$/.exec(segment);
		if (!match) return;
		const id = SAMPLE_IDS[segments.slice(0, index).join('/')];
		if (id !== undefined) values[match[1]] = id;
	});
	return values;
}

/** The document's schema of a dotted body member (`user.id`), if it has one. */
function apiFieldOf(operation: SkilljarOperation, dotted: string): ApiField | undefined {
	// A composite serves no single operation: its fields are its own (composites/*.ts).
	if (operation.apiIds.length === 0) return undefined;
	let fields = factsOf(operation.apiIds[0]).body?.fields ?? [];
	let found: ApiField | undefined;
	for (const key of dotted.split('.')) {
		found = fields.find((field) => field.name === key);
		fields = found?.properties ?? [];
	}
	return found;
}

export interface Sample {
	/** What the user enters in the editor. */
	input: string | number | boolean;
	/** What Skilljar must receive. */
	wire: unknown;
}

/** A value for one field: typed into the editor as `input`, arriving at Skilljar as `wire`. */
export function sampleFor(operation: SkilljarOperation, field: SkilljarField): Sample {
	if (field.in === 'path') {
		const value = pathValues(operation.path)[field.name] ?? field.options?.[0] ?? 'sample';
		return { input: value, wire: value };
	}
	let wire: unknown;
	if (field.in === 'query') {
		wire = QUERY_VALUES[field.name];
	} else {
		const schema = apiFieldOf(operation, field.name);
		if (schema) wire = wireSample(schema, field.name);
	}
	if (wire === undefined) {
		switch (field.type) {
			case 'number':
				wire = 1;
				break;
			case 'boolean':
				wire = true;
				break;
			case 'options':
				wire = field.options?.[0] ?? '';
				break;
			case 'string':
				wire = field.format === 'email' ? 'sample.user@example.com' : 'sample';
				break;
			case 'json':
				wire = {};
				break;
			default:
				wire = 'sample';
		}
	}
	return { input: editorInput(field, wire), wire };
}

/** The text or value a user would enter in the editor to send `wire`. */
function editorInput(field: SkilljarField, wire: unknown): string | number | boolean {
	switch (field.type) {
		case 'idList':
			return (wire as IDataObject[]).map((entry) => String(entry.id)).join(',');
		case 'stringList':
			return (wire as unknown[]).map(String).join(',');
		case 'json':
			return JSON.stringify(wire);
		case 'number':
		case 'boolean':
			return wire as number | boolean;
		default:
			return String(wire);
	}
}

/** Node parameters with every required field filled in. */
export function requiredParameters(
	resource: string,
	operation: SkilljarOperation,
	extra: INodeParameters = {},
): INodeParameters {
	const parameters: INodeParameters = { resource, operation: operation.value };
	for (const field of operation.fields.filter((candidate) => candidate.required)) {
		parameters[fieldParameterName(field)] = sampleFor(operation, field).input;
	}
	// One member of each "at least one of" group, as a user must.
	const groups = new Set(operation.fields.flatMap((field) => field.oneOf ?? []));
	for (const group of groups) {
		const first = operation.fields.find((field) => field.oneOf === group)!;
		const collection = collectionFor(operation, first);
		parameters[collection] = {
			...((parameters[collection] ?? {}) as INodeParameters),
			[fieldParameterName(first)]: sampleFor(operation, first).input,
		};
	}
	if (operation.pagination) {
		parameters.returnAll = false;
		parameters.limit = 5;
	}
	return { ...parameters, ...extra };
}

/**
 * Parameters with every field set, optional ones inside their collections; nullable optional
 * fields are cleared (`null`). Returns them with the body and query Skilljar must receive.
 */
export function allParameters(
	resource: string,
	operation: SkilljarOperation,
): { parameters: INodeParameters; body: IDataObject; qs: IDataObject } {
	const parameters = requiredParameters(resource, operation);
	const body: IDataObject = {};
	const qs: IDataObject = {};
	for (const field of operation.fields) {
		if (field.in === 'path') continue;
		const sample = sampleFor(operation, field);
		const clear = field.nullable && !field.required;
		const input = clear ? (field.type === 'options' ? NULL_OPTION : 'null') : sample.input;
		const wire = clear ? null : sample.wire;
		if (field.required) {
			parameters[fieldParameterName(field)] = input;
		} else {
			const collection = collectionFor(operation, field);
			const values = (parameters[collection] ?? {}) as INodeParameters;
			values[fieldParameterName(field)] = input;
			parameters[collection] = values;
		}
		if (field.in === 'query') qs[field.name] = wire as IDataObject[string];
		else setDotted(body, field.name, wire);
	}
	return { parameters, body, qs };
}

function setDotted(target: IDataObject, dotted: string, value: unknown): void {
	const keys = dotted.split('.');
	let node = target;
	for (const key of keys.slice(0, -1)) {
		node[key] = (node[key] as IDataObject) ?? {};
		node = node[key] as IDataObject;
	}
	node[keys[keys.length - 1]] = value as IDataObject[string];
}
