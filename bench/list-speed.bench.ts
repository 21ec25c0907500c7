import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeSkilljarNode } from '../nodes/shared/execute';
import type { SkilljarResource } from '../nodes/shared/types';
import { SkilljarDomain } from '../nodes/SkilljarDomain/SkilljarDomain.node';
import { DEMO } from '../sandbox/seed';
import { runNode } from '../test/harness/run-node';
import { credentialsFor, startTestSandbox } from '../test/harness/sandbox';

/**
 * Compares the Domain node's list action with a baseline that pages the way a plain client does:
 * following `next` at Skilljar's default page size instead of asking for 1000 per page (or for
 * exactly the Limit). Both run in the same process, through real n8n-core, against the sandbox.
 */
const baselineResources: SkilljarResource[] = new SkilljarDomain().resources.map((resource) => ({
	...resource,
	operations: resource.operations.map((operation) => ({ ...operation, pageSize: false })),
}));

class BaselineDomain extends SkilljarDomain {
	constructor() {
		super();
		this.description = { ...this.description, name: 'skilljarDomainBaseline' };
		// `execute` is an own property of every action node (see nodes/shared/actionNode.ts).
		this.execute = async function (this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return await executeSkilljarNode.call(this, baselineResources);
		};
	}
}

const USERS = 5000;
const ROUNDS = 5;

test('list speed: ours vs default-page-size baseline', async () => {
	const sandbox = await startTestSandbox();
	const path = `/v1/domains/${DEMO.domainName}/users`;
	sandbox.insertMany(
		path,
		Array.from({ length: USERS }, (_, index) => ({
			user: {
				id: `bench${String(index).padStart(8, '0')}`,
				email: `bench${index}@example.com`,
				first_name: 'Bench',
				last_name: `${index}`,
			},
			active: true,
		})),
	);
	const total = sandbox.list(path).length;
	const measure = async (type: string, extra: Record<string, unknown>) => {
		let best = Infinity;
		let requests = 0;
		let items = 0;
		for (let round = 0; round < ROUNDS; round++) {
			sandbox.clearRequests();
			const started = performance.now();
			const result = await runNode({
				type,
				parameters: {
					resource: 'domainUser',
					operation: 'getAll',
					domainName: DEMO.domainName,
					...extra,
				},
				credentials: credentialsFor(sandbox),
				extraNodeTypes: [new BaselineDomain()],
			});
			best = Math.min(best, performance.now() - started);
			requests = sandbox.requests.length;
			items = result.items.length;
		}
		return { ms: best, requests, items };
	};
	const lines: string[] = [`Domain users: ${total}; best of ${ROUNDS} runs each`];
	for (const [label, extra] of [
		['Return All', { returnAll: true }],
		['Limit 50', { returnAll: false, limit: 50 }],
		['Limit 1500', { returnAll: false, limit: 1500 }],
	] as const) {
		const ours = await measure('skilljarDomain', extra);
		const baseline = await measure('skilljarDomainBaseline', extra);
		expect(ours.items).toBe(baseline.items);
		lines.push(
			`${label.padEnd(11)} ours ${ours.requests} requests, ${ours.ms.toFixed(0)} ms | baseline ${baseline.requests} requests, ${baseline.ms.toFixed(0)} ms | ratio requests ${(baseline.requests / ours.requests).toFixed(1)}x, time ${(baseline.ms / ours.ms).toFixed(2)}x`,
		);
	}
	await sandbox.close();
	process.stdout.write(`\n${lines.join('\n')}\n`);
});
