import type { INodeProperties } from 'n8n-workflow';

/** The node versions every action node offers (see nodes/shared/actionNode.ts). */
export const VERSIONS = [1, 1.1] as const;

interface VersionCondition {
	_cnd?: { lt?: number; lte?: number; gt?: number; gte?: number; eq?: number };
}

/** Whether a parameter's `@version` display options (exact numbers or `_cnd`) show it to `version`. */
export function shownInVersion(property: INodeProperties, version: number): boolean {
	const allowed = property.displayOptions?.show?.['@version'] as
		| Array<number | VersionCondition>
		| undefined;
	const hidden = property.displayOptions?.hide?.['@version'] as
		| Array<number | VersionCondition>
		| undefined;
	const matches = (entry: number | VersionCondition) => {
		if (typeof entry === 'number') return entry === version;
		const c = entry._cnd ?? {};
		return (
			(c.lt === undefined || version < c.lt) &&
			(c.lte === undefined || version <= c.lte) &&
			(c.gt === undefined || version > c.gt) &&
			(c.gte === undefined || version >= c.gte) &&
			(c.eq === undefined || version === c.eq)
		);
	};
	if (allowed && !allowed.some(matches)) return false;
	if (hidden && hidden.some(matches)) return false;
	return true;
}
