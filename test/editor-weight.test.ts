import { resolve } from 'path';
import type { INodeType } from 'n8n-workflow';

import packageJson from '../package.json';
import { servedNodes } from './harness/served-types';

const ROOT = resolve(__dirname, '..');

/** n8n's largest built-in node description (Notion: 283,595 bytes in n8n 1.123, about 305 KB in 2.x). */
const NOTION_BYTES = 305_000;
/**
 * What the whole package may add to `/types/nodes.json` (each action node is served twice, once
 * as an AI tool): 1 MB, pickers on API v2 filters and bulk entries included.
 */
const PACKAGE_BUDGET = 1_000_000;

/** The built nodes (dist/, as n8n loads them) with their codex files. */
function builtNodes() {
	return packageJson.n8n.nodes.map((file) => {
		const path = resolve(ROOT, file);
		const className = /([A-Za-z]+)\.node\.js$/.exec(file)![1];
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- n8n loads these files the same way
		const module = require(path) as Record<string, new () => INodeType>;
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- the codex next to the node
		const codex = require(path.replace(/\.js$/, '.json')) as object;
		return { description: new module[className]().description, codex };
	});
}

/**
 * n8n sends every node description to the browser in `/types/nodes.json` before the editor opens.
 * This package's share of that file, and its largest node, must stay light.
 */
describe('weight in the editor', () => {
	const nodes = servedNodes(builtNodes());
	const total = nodes.reduce((sum, node) => sum + node.bytes, 0);
	const largest = [...nodes].sort((a, b) => b.bytes - a.bytes)[0];

	test('the package stays within its budget in /types/nodes.json, and no node outweighs Notion', () => {
		process.stdout.write(
			`/types/nodes.json: the package adds ${total.toLocaleString('en-US')} bytes in ${nodes.length} entries; largest ${largest.name} ${largest.bytes.toLocaleString('en-US')} bytes\n`,
		);
		expect(total).toBeLessThanOrEqual(PACKAGE_BUDGET);
		expect(largest.bytes).toBeLessThanOrEqual(NOTION_BYTES);
	});

	test('every action node is served twice (as a node and as an AI tool), each trigger once', () => {
		const names = nodes.map((node) => node.name);
		const triggers = packageJson.n8n.nodes.filter((file) => /Trigger\.node\.js$/.test(file));
		expect(triggers.length).toBeGreaterThanOrEqual(2);
		expect(names).toContain('n8n-nodes-skilljar.skilljarDomainTool');
		expect(names).not.toContain('n8n-nodes-skilljar.skilljarTriggerTool');
		expect(names).not.toContain('n8n-nodes-skilljar.skilljarPollTriggerTool');
		expect(nodes).toHaveLength(packageJson.n8n.nodes.length * 2 - triggers.length);
	});
});
