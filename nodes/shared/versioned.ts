import type { INodeProperties } from 'n8n-workflow';

/**
 * The one rule for node versions. Version 1 is release 0.1.0's shape, which saved workflows
 * depend on; version 1.1 (what new nodes get) adds what would change existing workflows' results
 * if it applied to them: pickers for fields 0.1.0 had as plain text, Simplify, and Download.
 * Everything a version adds or changes is marked with the helpers below, in the parameters (n8n's
 * `@version` display condition) and at run time alike.
 */
export const RELEASED_VERSION = 1;
export const VERSION_1_1 = 1.1;
export const ACTION_NODE_VERSIONS = [RELEASED_VERSION, VERSION_1_1];

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** Whether a node of `version` has what version `since` added. */
export function hasSince(version: number, since: number): boolean {
	return version >= since;
}

/** `show` narrowed to nodes of version `since` and later. */
export function showSince<T extends Show>(since: number, show: T): T {
	return { ...show, '@version': [{ _cnd: { gte: since } }] };
}

/** `show` narrowed to nodes older than version `until`. */
export function showBefore<T extends Show>(until: number, show: T): T {
	return { ...show, '@version': [{ _cnd: { lt: until } }] };
}

/**
 * Parameters that differ between version 1 and 1.1. An action's parameters are built once for
 * each; what both share is kept once, and each differing parameter is kept in both forms, each
 * shown only to its versions.
 */
export function byVersion(build: (version: number) => INodeProperties[]): INodeProperties[] {
	const released = build(RELEASED_VERSION);
	const current = build(VERSION_1_1);
	if (released.length !== current.length) {
		throw new Error('Both versions of an action must have the same parameters in the same order');
	}
	return released.flatMap((property, index) => {
		const now = current[index];
		if (JSON.stringify(property) === JSON.stringify(now)) return [property];
		return [
			withShow(property, showBefore(VERSION_1_1, property.displayOptions?.show ?? {})),
			withShow(now, showSince(VERSION_1_1, now.displayOptions?.show ?? {})),
		];
	});
}

function withShow(property: INodeProperties, show: Show): INodeProperties {
	return { ...property, displayOptions: { ...property.displayOptions, show } };
}
