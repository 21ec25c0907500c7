import type { DisplayCondition, INodeProperties } from 'n8n-workflow';

import { PICKERS_VERSION } from './pickers';
import type { SkilljarField } from './types';

/**
 * A field as a node of this version shows and reads it: version 1 keeps release 0.1.0's shape,
 * 1.1 applies the field's `current` shape (Skilljar's defaults, date pickers, option lists).
 */
export function fieldIn(field: SkilljarField, version: number): SkilljarField {
	if (version < PICKERS_VERSION || !field.current) return field;
	return { ...field, ...field.current };
}

/**
 * Parameters that differ between node versions. An action's parameters are built once for
 * version 1 (the release 0.1.0 shape saved workflows depend on) and once for the current
 * version; what both share is kept once, and each differing parameter is kept in both forms,
 * each shown only to its versions (n8n's `@version` display option).
 */
export function byVersion(build: (version: number) => INodeProperties[]): INodeProperties[] {
	const released = build(1);
	const current = build(PICKERS_VERSION);
	if (released.length !== current.length) {
		throw new Error('Both versions of an action must have the same parameters in the same order');
	}
	return released.flatMap((property, index) => {
		const now = current[index];
		if (JSON.stringify(property) === JSON.stringify(now)) return [property];
		return [
			shownTo(property, { _cnd: { lt: PICKERS_VERSION } }),
			shownTo(now, { _cnd: { gte: PICKERS_VERSION } }),
		];
	});
}

function shownTo(property: INodeProperties, versions: DisplayCondition): INodeProperties {
	const show = { ...(property.displayOptions?.show ?? {}), '@version': [versions] };
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}
