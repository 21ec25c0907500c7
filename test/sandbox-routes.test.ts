import { API_OPERATIONS } from '../nodes/shared/generated/operations';
import { ROUTES, type RouteDef } from '../sandbox/routes';
import { samplePath } from '../sandbox/samples';
import type { Sandbox } from '../sandbox/server';
import { sampleBody } from './harness/sandbox-bodies';
import { callSandbox, startTestSandbox } from './harness/sandbox';

/**
 * The sandbox serves every operation of Skilljar's OpenAPI document over real HTTP: each route
 * answers a well-formed request (seeded path ids, a body with every writable field) with the
 * status the document gives, from a freshly seeded store.
 */

const call = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
	callSandbox<unknown>(sandbox, method, path, body);

/** Query parameters a route needs to answer (documented departures of the live API). */
const REQUIRED_QUERY: Record<string, string> = {
	'/v1/lessons': '?course_id=crs0000000001',
};

function requestFor(route: RouteDef): { path: string; body?: unknown } {
	const path = samplePath(route.path) + (REQUIRED_QUERY[route.path] ?? '');
	if (route.method === 'GET' || route.method === 'DELETE') return { path };
	return { path, body: route.body ? sampleBody(route.body) : undefined };
}

describe('sandbox: every OpenAPI operation is served', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startTestSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	test('the route table is the generated layer: one route per operation', () => {
		expect(ROUTES).toHaveLength(API_OPERATIONS.length);
		expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(
			API_OPERATIONS.map((op) => `${op.method} ${op.path}`).sort(),
		);
	});

	test('each route answers a well-formed request with its documented 2xx', async () => {
		const failures: string[] = [];
		let passed = 0;
		for (const route of ROUTES) {
			sandbox.reset();
			const { path, body } = requestFor(route);
			const answer = await call(sandbox, route.method, path, body);
			const served = sandbox.requests.at(-1)?.template;
			if (answer.status !== route.status || served !== route.path) {
				failures.push(
					`${route.method} ${route.path} → ${answer.status} ${JSON.stringify(answer.body)}`,
				);
			} else {
				passed++;
			}
		}
		expect(failures).toEqual([]);
		expect(passed).toBe(API_OPERATIONS.length);
	});
});
