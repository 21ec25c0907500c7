import { readdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';

import packageJson from '../package.json';
import { SkilljarActionNode } from '../nodes/shared/actionNode';
import { ACTION_NODE_CLASSES } from './harness/node-types';

const NODES_DIR = resolve(__dirname, '../nodes');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? sourceFiles(join(dir, entry.name))
			: entry.name.endsWith('.ts')
				? [join(dir, entry.name)]
				: [],
	);
}

/**
 * Dependencies point one way: a node folder imports the shared engine and hands it its own
 * overlay, so adding an action node touches only its own folder and package.json.
 */
describe('node layout', () => {
	test('nothing in nodes/shared imports a node folder', () => {
		const offenders = sourceFiles(join(NODES_DIR, 'shared')).filter((file) =>
			/from '(\.\.\/)+Skilljar/.test(readFileSync(file, 'utf8')),
		);
		expect(offenders).toEqual([]);
	});

	test.each(ACTION_NODE_CLASSES)(
		'%s is its class, its .node.json and its overlay, and package.json lists it',
		(className) => {
			const folder = join(NODES_DIR, className);
			expect(readdirSync(folder).sort()).toEqual(
				[`${className}.node.json`, `${className}.node.ts`, 'overlay.ts'].sort(),
			);
			expect(readFileSync(join(folder, `${className}.node.ts`), 'utf8')).toMatch(
				/import \{ overlay \} from '\.\/overlay';/,
			);
			expect(packageJson.n8n.nodes).toContain(`dist/nodes/${className}/${className}.node.js`);
		},
	);

	test("a node built from an overlay alone offers that overlay's actions", () => {
		const node = new SkilljarActionNode({
			name: 'skilljarExample',
			displayName: 'Skilljar Example',
			description: 'A node no registry knows',
			overlay: [{ value: 'tag', name: 'Tag', operations: ['tags_list', 'tags_create'] }],
		});
		const operation = node.description.properties.find((property) => property.name === 'operation');
		expect(operation?.options?.map((option) => ('value' in option ? option.value : ''))).toEqual([
			'create',
			'getAll',
		]);
		expect(node.resources[0].operations.map((entry) => entry.path)).toEqual([
			'/v1/tags',
			'/v1/tags',
		]);
	});
});
