import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { ACTION_NODES } from './harness/node-types';
import { canvasSubtitle as subtitleOf } from './harness/subtitle';

const ROOT = join(__dirname, '..');
const codexOf = (className: string) =>
	JSON.parse(readFileSync(join(ROOT, 'nodes', className, `${className}.node.json`), 'utf8')) as {
		alias: string[];
		resources: { primaryDocumentation: Array<{ url: string }> };
	};
const nodeNamed = (name: string) => {
	const node = ACTION_NODES.find((candidate) => candidate.description.name === name);
	if (!node) throw new Error(`no node ${name}`);
	return node;
};

/** The subtitle as n8n's editor shows it under the node on the canvas (its own expression engine). */
function canvasSubtitle(nodeType: string, parameters: Record<string, string>): unknown {
	return subtitleOf(nodeNamed(nodeType), parameters, 1.1);
}

describe('finding the right action', () => {
	test('the canvas subtitle names the operation and resource, not their internal values', () => {
		expect(canvasSubtitle('skilljarDomain', { resource: 'domainUser', operation: 'getAll' })).toBe(
			'Get Many: Domain User',
		);
		expect(
			canvasSubtitle('skilljarDomain', { resource: 'enrollment', operation: 'enrollByEmail' }),
		).toBe('Enroll User by Email: Course Enrollment');
		expect(canvasSubtitle('skilljarUser', { resource: 'user', operation: 'get' })).toBe('Get: User');
		// A value whose name differs in one resource (a v2 twin marked "(API v2)") reads as there.
		for (const node of ACTION_NODES) {
			for (const resource of node.resources) {
				for (const operation of resource.operations) {
					expect(
						canvasSubtitle(node.description.name, {
							resource: resource.value,
							operation: operation.value,
						}),
					).toBe(`${operation.name}: ${resource.name}`);
				}
			}
		}
	});

	test('Skilljar Domain lists its most used resources first, Course Enrollment at the top', () => {
		const selector = nodeNamed('skilljarDomain').description.properties.find(
			(property) => property.name === 'resource',
		);
		const names = (selector?.options as INodePropertyOptions[]).map((option) => option.name);
		expect(names.slice(0, 3)).toEqual(['Course Enrollment', 'Domain User', 'Published Course']);
		expect(names.indexOf('Catalog Page')).toBeGreaterThan(5);
		// The default stays what saved workflows that never changed it rely on.
		expect(selector?.default).toBe('domain');
	});

	test.each([
		['SkilljarUser', ['users', 'learners', 'certificate']],
		['SkilljarDomain', ['export', 'export users', 'enrollment']],
		['SkilljarGroup', ['group']],
		['SkilljarPromoCode', ['promo']],
		['SkilljarTrigger', ['completion']],
	])('%s is found by the words users type: %j', (className, words) => {
		expect(codexOf(className).alias).toEqual(expect.arrayContaining(words));
	});

	test('each node’s Docs link opens its section of the usage guide in this repository', () => {
		const guide = readFileSync(join(ROOT, 'docs', 'usage.md'), 'utf8');
		const anchors = new Set(
			[...guide.matchAll(/^#{2,3} (.+)$/gm)].map((match) =>
				match[1]
					.toLowerCase()
					.replace(/[^a-z0-9 -]/g, '')
					.replace(/ /g, '-'),
			),
		);
		for (const className of [...ACTION_NODES.map((node) => node.constructor.name), 'SkilljarTrigger']) {
			const [{ url }] = codexOf(className).resources.primaryDocumentation;
			const match = /\/blob\/main\/(docs\/usage\.md)#(.+)$/.exec(url);
			expect(match).not.toBeNull();
			expect(existsSync(join(ROOT, match![1]))).toBe(true);
			expect(anchors).toContain(match![2]);
		}
	});

	test('Skilljar User says where users are created', () => {
		expect(nodeNamed('skilljarUser').description.description).toMatch(
			/created under Skilljar Domain › Domain User/,
		);
	});
});
