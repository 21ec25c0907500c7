import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { ACTION_NODES } from './harness/node-types';
import { allActions } from './harness/tables';

const descriptionOf = (name: string): INodeTypeDescription => {
	const node = ACTION_NODES.find((candidate) => candidate.description.name === name);
	if (!node) throw new Error(`no node ${name}`);
	return node.description;
};

/** The notices the editor shows for these parameter values (n8n's own display rules). */
function visibleNotices(
	nodeName: string,
	values: Record<string, unknown>,
	typeVersion = 1.1,
): string[] {
	const description = descriptionOf(nodeName);
	return description.properties
		.filter((property: INodeProperties) => property.type === 'notice')
		.filter((property) =>
			NodeHelpers.displayParameter(
				values as Parameters<typeof NodeHelpers.displayParameter>[0],
				property,
				{ typeVersion },
				description,
			),
		)
		.map((property) => property.displayName);
}

describe('notices on actions', () => {
	test('Return All on a large list shows what it costs, once switched on, in every node version', () => {
		const values = { resource: 'domainUser', operation: 'getAll', domainName: 'learn.example.com' };
		expect(visibleNotices('skilljarDomain', { ...values, returnAll: false })).toEqual([]);
		for (const typeVersion of [1, 1.1]) {
			const [notice] = visibleNotices(
				'skilljarDomain',
				{ ...values, returnAll: true },
				typeVersion,
			);
			expect(notice).toMatch(/^Return All reads every page, up to 1,000 records per request/);
			expect(notice).toContain('600 a minute and 5,000 an hour');
		}
	});

	test('the cursor-paged user list says its pages come one after another', () => {
		const [notice] = visibleNotices('skilljarUser', {
			resource: 'user',
			operation: 'getAll',
			returnAll: true,
		});
		expect(notice).toMatch(/one after another/);
		expect(notice).toMatch(/20,000 users take up to 200 requests/);
	});

	test('small lists carry no notice', () => {
		for (const [node, resource] of [
			['skilljarCourse', 'course'],
			['skilljarGroup', 'group'],
			['skilljarWebhook', 'webhook'],
		]) {
			expect(visibleNotices(node, { resource, operation: 'getAll', returnAll: true })).toEqual([]);
		}
	});

	test('enrollment actions say a published course ID is not a course ID; purchase actions say where purchase IDs come from', () => {
		for (const operation of ['getAll', 'create', 'get', 'update']) {
			expect(visibleNotices('skilljarDomain', { resource: 'enrollment', operation })).toEqual([
				expect.stringMatching(/its ID is not the ID of the course itself/),
			]);
		}
		expect(visibleNotices('skilljarPurchase', { resource: 'purchase', operation: 'get' })).toEqual([
			expect.stringMatching(/^Skilljar has no list of purchases/),
		]);
	});

	test('Return All notices sit only on paged lists; few actions have notices', () => {
		const actions = allActions();
		const hinted = actions.filter(({ operation }) => operation.largeList || operation.idNotice);
		for (const { operation } of actions.filter((action) => action.operation.largeList)) {
			expect(operation.pagination).toMatch(/^(pages|cursor)$/);
		}
		const withNotice = actions.filter(({ node, resource, operation }) =>
			node.description.properties.some(
				(property) =>
					property.type === 'notice' &&
					property.displayOptions?.show?.resource?.includes(resource.value) &&
					property.displayOptions.show.operation?.includes(operation.value),
			),
		);
		expect(withNotice.length).toBe(hinted.length);
		// On API v1 actions only: v2's lists page at most 100 records per request and carry none
		// (the editor's weight budget).
		expect(hinted.length).toBe(17);
		expect(withNotice.length / actions.length).toBeLessThan(0.1);
	});
});
