import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { DEMO } from '../sandbox/seed';
import { runNode, type RunNodeResult } from '../test/harness/run-node';
import { RemoteSandbox } from './remote-sandbox';

/**
 * Bulk enrollment: enrolling LEARNERS new learners by email in one published course, through
 * API v2's *Enroll Emails in Bulk* (one request per 100 emails) against API v1's *Enroll User by
 * Email* (add to the domain, read the user's courses, enroll: three requests per new learner).
 * Same sandbox (on its own thread), same per-request latency, same client-side limiter on both
 * credentials. Prints requests used and wall time, and their v2 : v1 ratios (no timed assertions).
 */

const LEARNERS = Math.max(1, Number(process.env.BENCH_LEARNERS ?? 1000));
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 20);
/**
 * Both credentials' limiter. At the credential default (600 a minute) v1 alone would take five
 * minutes; the ratio of requests does not depend on it, the ratio of wall times does (v1 is
 * limiter-bound, v2 is not).
 */
const PER_MINUTE = Number(process.env.BENCH_PER_MINUTE ?? 3000);
/** The credentials' default limiter, for the bound printed beside the measurement. */
const DEFAULT_PER_MINUTE = 600;
/** Skilljar's published v1 budget, for the projection. */
const SKILLJAR_PER_HOUR = 5000;
const COURSE = DEMO.publishedCourseIds[2];
const ENROLLMENTS = `/v1/domains/${DEMO.domainName}/published-courses/${COURSE}/enrollments`;

const report: string[] = [];
function print(line = ''): void {
	report.push(line);
	process.stdout.write(`${line}\n`);
}
const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '—');

interface Outcome {
	requests: number;
	ms: number;
	/** Every email enrolled exactly once, every output item paired to its input, no error. */
	correct: string;
}

const emailsFor = (count: number) =>
	Array.from({ length: count }, (_, i) => `learner.${i + 1}@bench.example.org`);

function check(result: RunNodeResult, emails: string[], counts: Record<string, number>): string {
	if (result.error) return `node failed: ${result.error.message.slice(0, 80)}`;
	if (result.items.length !== emails.length)
		return `${result.items.length} items for ${emails.length}`;
	const unpaired = result.items.filter(
		(item, index) => (item.pairedItem as { item: number } | undefined)?.item !== index,
	).length;
	const missing = emails.filter((email) => counts[email] !== 1).length;
	return unpaired || missing ? `${unpaired} unpaired, ${missing} not enrolled once` : 'all correct';
}

type Enroll = (sandbox: RemoteSandbox, items: IDataObject[]) => Promise<RunNodeResult>;

/** One run on a fresh sandbox (and so fresh credentials and limiters). */
async function run(enroll: Enroll, count: number): Promise<Outcome> {
	const sandbox = await RemoteSandbox.start(`sk-bench-${randomBytes(8).toString('hex')}`);
	try {
		await sandbox.switches(LATENCY_MS);
		const emails = emailsFor(count);
		const t0 = performance.now();
		const result = await enroll(
			sandbox,
			emails.map((email) => ({ email })),
		);
		const ms = performance.now() - t0;
		const { requests } = await sandbox.received();
		return {
			requests,
			ms,
			correct: check(result, emails, await sandbox.countByEmail(ENROLLMENTS)),
		};
	} finally {
		await sandbox.close();
	}
}

const limiter = { requestsPerMinute: PER_MINUTE, requestsPerHour: 0 };

const v1: Enroll = (sandbox, items) =>
	runNode({
		type: 'skilljarDomain',
		typeVersion: 1.1,
		parameters: {
			resource: 'enrollment',
			operation: 'enrollByEmail',
			domainName: { __rl: true, mode: 'id', value: DEMO.domainName },
			publishedCourseId: { __rl: true, mode: 'id', value: COURSE },
			email: '={{ $json.email }}',
		},
		items,
		credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, ...limiter },
	});

const v2: Enroll = (sandbox, items) =>
	runNode({
		type: 'skilljarDomain',
		typeVersion: 1.1,
		parameters: {
			resource: 'enrollment',
			operation: 'enrollManyV2',
			publishedCourseId: COURSE,
			email: '={{ $json.email }}',
		},
		items,
		credentials: { apiKey: sandbox.apiKey, baseUrl: sandbox.url, ...limiter },
		credentialsV2: {
			clientId: sandbox.v2ClientId,
			clientSecret: sandbox.v2ClientSecret,
			baseUrl: sandbox.url,
			...limiter,
		},
	});

/** v1 is limiter-bound: three requests per learner at PER_MINUTE, plus room for everything else. */
const TIMEOUT_MS = 180_000 + Math.ceil((3 * LEARNERS) / Math.max(1, PER_MINUTE)) * 60_000;

test(
	`bulk enroll: ${LEARNERS} learners by email, API v2 bulk vs v1 Enroll User by Email`,
	async () => {
		// A small run of each first, so that neither measured run pays for loading and compiling.
		await run(v2, 5);
		await run(v1, 5);
		const ours = await run(v2, LEARNERS);
		const baseline = await run(v1, LEARNERS);
		const requestRatio = ours.requests / baseline.requests;
		print('');
		print(
			`Enrolling ${LEARNERS.toLocaleString('en-US')} new learners by email in one published course; ` +
				`${LATENCY_MS} ms latency per request; both credentials limited to ${PER_MINUTE}/min.`,
		);
		print('');
		print('| Action | Requests | Wall time (s) | Result |');
		print('| --- | ---: | ---: | --- |');
		print(
			`| v1 *Enroll User by Email* | ${baseline.requests} | ${fmt(baseline.ms / 1000)} | ${baseline.correct} |`,
		);
		print(
			`| v2 *Enroll Emails in Bulk* | ${ours.requests} | ${fmt(ours.ms / 1000)} | ${ours.correct} |`,
		);
		print('');
		print(
			`Requests v2 : v1 = 1 : ${fmt(1 / requestRatio, 0)} (${fmt(requestRatio, 4)}; target ≤ 1/20 = 0.05): ` +
				`${requestRatio <= 0.05 && ours.correct === 'all correct' ? 'PASS' : 'MISS'}`,
		);
		print(
			`Wall time v2 : v1 = 1 : ${fmt(baseline.ms / ours.ms, 0)} (${fmt(ours.ms / baseline.ms, 4)})`,
		);
		print(
			`Under Skilljar's ${SKILLJAR_PER_HOUR}/hour: v1 needs ${fmt(baseline.requests / SKILLJAR_PER_HOUR)} h of budget, ` +
				`v2 ${fmt((ours.requests / SKILLJAR_PER_HOUR) * 3600, 0)} s.`,
		);
		// A bound, not a measurement: request 601 cannot start before the first minute is over.
		const floor = (requests: number) => Math.floor((requests - 1) / DEFAULT_PER_MINUTE);
		print(
			`At the credentials' default ${DEFAULT_PER_MINUTE}/min, v1 cannot finish in under ${floor(baseline.requests)} min; ` +
				`v2's ${ours.requests} requests fit in its first minute (BENCH_PER_MINUTE=${DEFAULT_PER_MINUTE} measures it).`,
		);
		// Ratios of wrong work mean nothing: both runs must have enrolled every email exactly once.
		expect([ours.correct, baseline.correct]).toEqual(['all correct', 'all correct']);
		mkdirSync(join(process.cwd(), 'test-output'), { recursive: true });
		writeFileSync(
			join(process.cwd(), 'test-output', 'bench-bulk-enroll.md'),
			`${report.join('\n')}\n`,
		);
	},
	TIMEOUT_MS,
);
