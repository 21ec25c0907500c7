import { readFileSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import baseline from './fixtures/parameters-0.1.0.json';
import { ACTION_NODES } from './harness/node-types';
import { snapshotOf, type ParameterSnapshot } from './harness/parameter-snapshot';

const SNAPSHOT = join(__dirname, 'fixtures', 'parameters.json');
const EXAMPLES = join(__dirname, '..', 'examples');
const current = snapshotOf(ACTION_NODES.map((node) => node.description));
/** What a node of version 1 (the version saved 0.1.0 workflows have) shows. */
const versionOne = snapshotOf(
	ACTION_NODES.map((node) => node.description),
	1,
);

/**
 * A collection's option (`additionalFields.active: boolean = false`) is kept when the option still
 * exists with the same or a compatible type: n8n saves a collection's values as they were set,
 * defaults included (NodeHelpers.getNodeParameters keeps every value set inside a collection), so
 * a new default or a date picker instead of text changes nothing a saved workflow sends.
 */
const COMPATIBLE: Readonly<Record<string, readonly string[]>> = {
	string: ['string', 'dateTime', 'options'],
};
function keptInCollection(line: string, now: readonly string[]): boolean {
	const match = /^(\w+\.\w+): (\w+) = /.exec(line);
	if (!match) return false;
	const [, name, type] = match;
	return now.some((candidate) => {
		const current = /^(\w+\.\w+): (\w+) = /.exec(candidate);
		return (
			current?.[1] === name &&
			(current[2] === type || (COMPATIBLE[type] ?? []).includes(current[2]))
		);
	});
}

describe('built parameters', () => {
	test('equal the committed snapshot (npm run snapshot:update after a deliberate change)', () => {
		if (process.env.UPDATE_SNAPSHOT) {
			writeFileSync(SNAPSHOT, `${JSON.stringify(current, null, '\t')}\n`);
		}
		const committed = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as ParameterSnapshot;
		expect(current).toEqual(committed);
	});

	test('keep every node, action and parameter of release 0.1.0 in version 1, so saved workflows still load', () => {
		const missing: string[] = [];
		for (const [node, actions] of Object.entries(baseline as ParameterSnapshot)) {
			for (const [action, lines] of Object.entries(actions)) {
				const now = versionOne[node]?.[action];
				if (!now) {
					missing.push(`${node} ${action}: action is gone`);
					continue;
				}
				for (const line of lines) {
					if (!now.includes(line) && !keptInCollection(line, now)) {
						missing.push(`${node} ${action}: ${line}`);
					}
				}
			}
		}
		expect(missing).toEqual([]);
	});
	test('the example workflows use only actions and parameters that exist', () => {
		const problems: string[] = [];
		for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'))) {
			const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as {
				nodes: Array<{ type: string; parameters: Record<string, unknown> }>;
			};
			for (const node of workflow.nodes) {
				const type = node.type.replace('n8n-nodes-skilljar.', '');
				if (type === node.type || type === 'skilljarTrigger') continue;
				const { resource, operation, ...rest } = node.parameters;
				const lines = current[type]?.[`${String(resource)}/${String(operation)}`];
				if (!lines) {
					problems.push(`${file}: ${type} ${String(resource)}/${String(operation)} does not exist`);
					continue;
				}
				const names = lines.map((line) => line.split(':')[0]);
				for (const [name, value] of Object.entries(rest)) {
					const isCollection = typeof value === 'object' && value !== null && !('__rl' in value);
					const used = isCollection
						? Object.keys(value as object).map((inner) => `${name}.${inner}`)
						: [name];
					for (const entry of used) {
						if (!names.includes(entry)) problems.push(`${file}: ${type} has no parameter ${entry}`);
					}
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
