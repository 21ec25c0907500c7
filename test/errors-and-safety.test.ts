import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Sandbox } from '../sandbox/server';
import { DEMO } from '../sandbox/seed';
import { runNode } from './harness/run-node';
import { credentialsFor, useTestSandbox } from './harness/sandbox';

const enrollmentsPath = `/v1/domains/${DEMO.domainName}/published-courses/${DEMO.publishedCourseId}/enrollments`;

describe('errors, input validation and request safety', () => {
	let sandbox: Sandbox;
	useTestSandbox((started) => (sandbox = started));

	const enrollment = (parameters: INodeParameters, items?: IDataObject[], continueOnFail = false) =>
		runNode({
			type: 'skilljarDomain',
			parameters: {
				resource: 'enrollment',
				domainName: DEMO.domainName,
				publishedCourseId: DEMO.publishedCourseId,
				...parameters,
			},
			items,
			continueOnFail,
			credentials: credentialsFor(sandbox),
		});

	test('a Skilljar 400 field error becomes a message naming the field', async () => {
		const result = await enrollment({ operation: 'create', userId: 'nosuchuser00' });
		expect(result.error?.httpCode).toBe('400');
		expect(result.error?.message).toMatch(/^Skilljar rejected the request: user\.id: /);
		expect(sandbox.requests).toHaveLength(1);
	});

	test('a 404 says no such record', async () => {
		const result = await enrollment({ operation: 'get', enrollmentId: 'doesnotexist1' });
		expect(result.error?.httpCode).toBe('404');
		expect(result.error?.message).toBe('Skilljar found no such record or endpoint: Not found.');
	});

	test('a missing required field fails before any request, naming the field', async () => {
		const result = await enrollment({ operation: 'create', userId: '  ' });
		expect(result.error?.message).toBe('User ID is required');
		expect(sandbox.requests).toHaveLength(0);
	});

	test.each([
		[
			{
				operation: 'update',
				enrollmentId: DEMO.enrollmentIds[0],
				updateFields: { expiresAt: 'next tuesday' },
			},
			/^Expires At must be a date and time/,
		],
		[
			{ operation: 'create', userId: DEMO.userId, additionalFields: { active: 'maybe' } },
			/^Active must be true or false, got "maybe"/,
		],
		[
			{ resource: 'domain', operation: 'update', updateFields: { access: 'SECRET' } },
			/^Access must be one of PUBLIC, PRIVATE, PRIVATE_CODE; got "SECRET"/,
		],
		[
			{ operation: 'create', userId: DEMO.userId, additionalFields: { purchase: '[1, 2]' } },
			/^Purchase must be a JSON object \(\{…\}\), got a list$/,
		],
	])('bad input %# is refused before sending', async (parameters, message) => {
		const result = await enrollment(parameters);
		expect(result.error?.message).toMatch(message);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('invalid JSON in a JSON field is refused before sending', async () => {
		const result = await runNode({
			type: 'skilljarDomain',
			parameters: {
				resource: 'userSignupField',
				operation: 'createMany',
				domainName: DEMO.domainName,
				userId: DEMO.userId,
				signupFields: '[{"id": ',
			},
			credentials: credentialsFor(sandbox),
		});
		expect(result.error?.message).toMatch(/^Signup Field Values is not valid JSON/);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('with Continue On Fail every input item yields exactly one item, paired to it', async () => {
		const items = [
			{ id: DEMO.enrollmentIds[0] },
			{ id: '' },
			{ id: 'doesnotexist1' },
			{ id: DEMO.enrollmentIds[1] },
		];
		const result = await enrollment(
			{ operation: 'get', enrollmentId: '={{ $json.id }}' },
			items,
			true,
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(result.items[0].json.id).toBe(DEMO.enrollmentIds[0]);
		expect(result.items[1].json.error).toBe('Enrollment ID is required');
		expect(result.items[2].json.error).toBe(
			'Skilljar found no such record or endpoint: Not found.',
		);
		expect(result.items[3].json.id).toBe(DEMO.enrollmentIds[1]);
		expect(sandbox.requests).toHaveLength(3);
	});

	test('without Continue On Fail the first failing item stops the node with its error', async () => {
		const result = await enrollment({ operation: 'get', enrollmentId: '={{ $json.id }}' }, [
			{ id: DEMO.enrollmentIds[0] },
			{ id: 'doesnotexist1' },
		]);
		expect(result.error?.message).toBe('Skilljar found no such record or endpoint: Not found.');
	});

	test.each(['abc/def', '../../users', 'x?page=2', 'a#b', '%2e%2e'])(
		'an id like %j stays inside its own path segment',
		async (id) => {
			const result = await enrollment({ operation: 'get', enrollmentId: id });
			expect(result.error?.httpCode).toBe('404');
			expect(sandbox.requests).toHaveLength(1);
			const [request] = sandbox.requests;
			expect(request.path).toBe(`${enrollmentsPath}/${encodeURIComponent(id)}`);
			expect(request.template).toBe(
				'/v1/domains/{domain_name}/published-courses/{published_course_id}/enrollments/{enrollment_id}',
			);
			expect(request.query).toEqual({});
		},
	);

	test.each(['.', '..'])('an id of %j is refused before sending', async (id) => {
		const result = await enrollment({ operation: 'get', enrollmentId: id });
		expect(result.error?.message).toBe(`The path parameter "enrollment_id" cannot be "${id}"`);
		expect(sandbox.requests).toHaveLength(0);
	});

	test('a next-page link to another host is not followed, so the API key never leaves the Base URL', async () => {
		const stray: string[] = [];
		const strayServer = http.createServer((req, res) => {
			stray.push(String(req.headers.authorization));
			res.end('{}');
		});
		await new Promise<void>((resolve) => strayServer.listen(0, '127.0.0.1', resolve));
		const strayPort = (strayServer.address() as AddressInfo).port;
		const origin = http.createServer((req, res) => {
			res.setHeader('content-type', 'application/json');
			res.end(
				JSON.stringify({
					count: 2,
					next: `http://localhost:${strayPort}/v1/courses?page=2`,
					previous: null,
					results: [{ id: 'c1' }],
				}),
			);
		});
		await new Promise<void>((resolve) => origin.listen(0, '127.0.0.1', resolve));
		const originPort = (origin.address() as AddressInfo).port;
		try {
			const result = await runNode({
				type: 'skilljarCourse',
				parameters: { resource: 'course', operation: 'getAll', returnAll: true },
				credentials: { apiKey: 'sk-secret-never-leaks', baseUrl: `http://127.0.0.1:${originPort}` },
			});
			expect(result.error?.message).toBe(
				`Refused to follow a next-page link to http://localhost:${strayPort}: it is not the credential's Base URL`,
			);
			expect(stray).toEqual([]);
			expect(JSON.stringify(result.run.data)).not.toContain('sk-secret-never-leaks');
		} finally {
			strayServer.close();
			origin.close();
		}
	});

	test('errors and outputs never contain the API key', async () => {
		const result = await enrollment({ operation: 'get', enrollmentId: 'doesnotexist1' });
		expect(JSON.stringify(result.run.data)).not.toContain(sandbox.apiKey);
	});
});
