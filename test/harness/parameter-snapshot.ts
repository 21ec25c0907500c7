import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { shownInVersion } from './versions';

/**
 * What a saved workflow depends on, per node and action: each parameter's name, type, default and
 * (for optional fields) the collection it sits in. Display names and descriptions are left out:
 * changing them never breaks a saved workflow.
 */
export type ParameterSnapshot = Record<string, Record<string, string[]>>;

function describeParameter(
	property: INodeProperties,
	collection?: string,
	ofVersion?: number,
): string {
	const where = collection ? `${collection}.` : '';
	const required = property.required ? ' required' : '';
	// Shown only to some node versions (`'@version': [{ _cnd: { gte: 1.1 } }]`), unless the snapshot
	// is already of one version.
	const since =
		ofVersion === undefined &&
		property.displayOptions?.show?.['@version']
			?.map((condition) =>
				typeof condition === 'object' ? JSON.stringify(condition._cnd) : condition,
			)
			.join(',');
	const versions = since ? ` @version ${since}` : '';
	return `${where}${property.name}: ${property.type} = ${JSON.stringify(property.default)}${required}${versions}`;
}

/** Every version's parameters, or (with `version`) only those a node of that version shows. */
export function snapshotOf(
	descriptions: INodeTypeDescription[],
	version?: number,
): ParameterSnapshot {
	const snapshot: ParameterSnapshot = {};
	for (const description of descriptions) {
		const actions: Record<string, string[]> = {};
		const resourceSelector = description.properties.find(
			(property) => property.name === 'resource',
		);
		const resources = (resourceSelector?.options ?? []) as Array<{ value: string }>;
		for (const { value: resource } of resources) {
			const selector = description.properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource),
			);
			for (const { value: operation } of (selector?.options ?? []) as Array<{ value: string }>) {
				const lines: string[] = [];
				for (const property of description.properties) {
					const show = property.displayOptions?.show;
					if (!show?.resource?.includes(resource) || !show.operation?.includes(operation)) continue;
					if (version !== undefined && !shownInVersion(property, version)) continue;
					if (property.type === 'collection') {
						for (const option of (property.options ?? []) as INodeProperties[]) {
							lines.push(describeParameter(option, property.name, version));
						}
					} else {
						lines.push(describeParameter(property, undefined, version));
					}
				}
				// A parameter built alike for two versions (e.g. a picker) is one line.
				actions[`${resource}/${operation}`] = [...new Set(lines)].sort();
			}
		}
		snapshot[description.name] = actions;
	}
	return snapshot;
}
