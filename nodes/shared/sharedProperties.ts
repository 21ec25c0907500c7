import type { INodeProperties } from 'n8n-workflow';

/**
 * n8n sends every node description to the editor, and each action used to carry its own copy of
 * parameters that several actions of a resource show alike (a Domain picker on every domain
 * action, in both node versions). Identical parameters of one resource are kept once here, shown
 * to all of their actions, wherever that leaves each action's parameters in the same order.
 */

type Show = NonNullable<NonNullable<INodeProperties['displayOptions']>['show']>;

/** The action a parameter belongs to alone (one resource, one operation), else undefined. */
function ownAction(property: INodeProperties): { show: Show; operation: string } | undefined {
	const show = property.displayOptions?.show;
	const resource = show?.resource;
	const operation = show?.operation;
	if (!show || resource?.length !== 1 || operation?.length !== 1) return undefined;
	if (typeof operation[0] !== 'string') return undefined;
	return { show, operation: operation[0] };
}

/** The parameter with its operation left out: equal keys are the same parameter of one resource. */
function keyOf(property: INodeProperties, show: Show): string {
	const rest: Show = { ...show };
	delete rest.operation;
	return JSON.stringify({
		...property,
		displayOptions: { ...property.displayOptions, show: rest },
	});
}

/**
 * Shares alike parameters within each resource, then across resources wherever one pair of
 * resource and operation lists shows a parameter to exactly the actions that have it.
 */
export function shareAlikeProperties(properties: INodeProperties[]): INodeProperties[] {
	return shareAcrossResources(shareWithinResources(properties));
}

function shareWithinResources(properties: INodeProperties[]): INodeProperties[] {
	const output: INodeProperties[] = [];
	/** Per kept parameter, its key (undefined: not one resource's) and the actions it shows for. */
	const keys: Array<string | undefined> = [];
	/** Where the latest kept copy of each parameter is. */
	let keptAt = new Map<string, number>();
	/** Per action, the position of the last parameter it shows so far. */
	let lastOf = new Map<string, number>();
	const reindex = () => {
		keptAt = new Map();
		lastOf = new Map();
		output.forEach((kept, index) => {
			if (keys[index] !== undefined) keptAt.set(keys[index], index);
			for (const action of actionsOf(kept) ?? []) lastOf.set(action, index);
		});
	};
	for (const property of properties) {
		const own = ownAction(property);
		if (!own) {
			output.push(property);
			keys.push(undefined);
			continue;
		}
		const action = `${String(own.show.resource?.[0])}/${own.operation}`;
		const key = keyOf(property, own.show);
		let at = keptAt.get(key);
		// This action's parameters after the kept copy may move up in front of it when no other
		// action shows anything between (then every action's order stays).
		if (at !== undefined && at <= (lastOf.get(action) ?? -1) && moveUp(output, keys, at, action)) {
			reindex();
			at = keptAt.get(key);
		}
		// Sharing is allowed only after everything this action showed before: its order stays.
		if (at !== undefined && at > (lastOf.get(action) ?? -1)) {
			(output[at].displayOptions!.show!.operation as string[]).push(own.operation);
			lastOf.set(action, at);
			continue;
		}
		output.push({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { ...own.show, operation: [own.operation] },
			},
		});
		keys.push(key);
		keptAt.set(key, output.length - 1);
		lastOf.set(action, output.length - 1);
	}
	return output;
}

/**
 * Moves the parameters `action` shows after position `at` to just before it, when for each of
 * them none of its actions shows anything in between that stays behind. False when not allowed.
 */
function moveUp(
	output: INodeProperties[],
	keys: Array<string | undefined>,
	at: number,
	action: string,
): boolean {
	const moving = new Set<number>();
	for (let index = at + 1; index < output.length; index++) {
		if (actionsOf(output[index])?.includes(action)) moving.add(index);
	}
	if (moving.size === 0) return false;
	for (const index of moving) {
		const mine = new Set(actionsOf(output[index]) ?? []);
		for (let between = at; between < index; between++) {
			if (moving.has(between)) continue;
			if ((actionsOf(output[between]) ?? []).some((other) => mine.has(other))) return false;
		}
	}
	const order = [...moving].sort((a, b) => a - b);
	const moved = order.map((index) => [output[index], keys[index]] as const);
	for (const index of order.reverse()) {
		output.splice(index, 1);
		keys.splice(index, 1);
	}
	output.splice(at, 0, ...moved.map(([kept]) => kept));
	keys.splice(at, 0, ...moved.map(([, key]) => key));
	return true;
}

/** The actions a kept parameter shows for, as `resource/operation`, if it is one resource's. */
function actionsOf(property: INodeProperties): string[] | undefined {
	const show = property.displayOptions?.show;
	const resources = show?.resource;
	const operations = show?.operation;
	if (!resources?.length || !operations?.length) return undefined;
	return resources.flatMap((resource) =>
		operations.map((operation) => `${String(resource)}/${String(operation)}`),
	);
}

/** The values of two `show` lists, each once, in order of appearance. */
function union(kept: Show[string] | undefined, added: Show[string] | undefined): string[] {
	return [...new Set([...(kept ?? []), ...(added ?? [])].map(String))];
}

/**
 * Every action of the node as `resource/operation`: those its Operation selectors offer and those
 * its parameters show for.
 */
function allActions(properties: INodeProperties[]): Set<string> {
	const actions = new Set<string>();
	for (const property of properties) {
		for (const action of actionsOf(property) ?? []) actions.add(action);
		const resources = property.displayOptions?.show?.resource;
		if (property.name !== 'operation' || !resources) continue;
		for (const option of (property.options ?? []) as Array<{ value?: unknown }>) {
			for (const resource of resources) actions.add(`${String(resource)}/${String(option.value)}`);
		}
	}
	return actions;
}

/**
 * A parameter kept for one resource's actions joins an equal one kept for other resources when
 * the joined resources and operations show it to exactly the actions the two showed it to (no
 * other action of those resources has one of those operations), and no parameter of its actions
 * sits between the two (so that moving it up keeps every action's order).
 */
function shareAcrossResources(properties: INodeProperties[]): INodeProperties[] {
	const actions = allActions(properties);
	const output: INodeProperties[] = [];
	/** Per parameter body (resource and operation left out), where copies of it are kept. */
	const keptAt = new Map<string, number[]>();
	/** Per action, the positions in `output` of the parameters it shows. */
	const positions = new Map<string, number[]>();
	const place = (shownTo: string[], at: number) => {
		for (const action of shownTo) positions.set(action, [...(positions.get(action) ?? []), at]);
	};
	/** Whether `resources` × `operations` names only actions in `allowed` (or none at all). */
	const exactly = (resources: string[], operations: string[], allowed: Set<string>): boolean =>
		resources.every((resource) =>
			operations.every((operation) => {
				const action = `${resource}/${operation}`;
				return !actions.has(action) || allowed.has(action);
			}),
		);
	for (const property of properties) {
		const show = property.displayOptions?.show;
		const own = actionsOf(property);
		if (!show || !own || show.resource?.length !== 1) {
			output.push(property);
			if (own) place(own, output.length - 1);
			continue;
		}
		const rest: Show = { ...show };
		delete rest.resource;
		delete rest.operation;
		const key = JSON.stringify({
			...property,
			displayOptions: { ...property.displayOptions, show: rest },
		});
		const clearBefore = (at: number) => (action: string) =>
			(positions.get(action) ?? []).every((position) => position < at);
		const at = (keptAt.get(key) ?? []).find((candidate) => {
			const kept = output[candidate].displayOptions!.show!;
			const allowed = new Set([...(actionsOf(output[candidate]) ?? []), ...own]);
			const resources = union(kept.resource, show.resource);
			const operations = union(kept.operation, show.operation);
			return own.every(clearBefore(candidate)) && exactly(resources, operations, allowed);
		});
		if (at !== undefined) {
			const kept = output[at].displayOptions!.show!;
			kept.resource = union(kept.resource, show.resource);
			kept.operation = union(kept.operation, show.operation);
			place(own, at);
			continue;
		}
		output.push({
			...property,
			displayOptions: {
				...property.displayOptions,
				show: { ...show, resource: [...show.resource], operation: [...(show.operation ?? [])] },
			},
		});
		keptAt.set(key, [...(keptAt.get(key) ?? []), output.length - 1]);
		place(own, output.length - 1);
	}
	return output;
}
