// @ts-check
// node:test reporter that writes one JSON document: every test (not suites) with its result,
// and the totals `.ci/run` adds to jest's. Used by tools/e2e.mjs next to the spec reporter.

/**
 * @param {AsyncIterable<{ type: string, data: any }>} source
 * @returns {AsyncGenerator<string>}
 */
export default async function* jsonReport(source) {
	/** @type {Array<{ name: string, file: string | undefined, ok: boolean, skipped: boolean, durationMs: number, error?: string }>} */
	const tests = [];
	for await (const event of source) {
		if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
		const { data } = event;
		// A describe() block reports too; its tests are counted one by one.
		if (data.details?.type === 'suite') continue;
		tests.push({
			name: data.name,
			file: data.file,
			ok: event.type === 'test:pass',
			skipped: Boolean(data.skip || data.todo),
			durationMs: Math.round(data.details?.duration_ms ?? 0),
			...(event.type === 'test:fail'
				? {
						error: String(
							data.details?.error?.cause?.message ?? data.details?.error?.message ?? '',
						),
					}
				: {}),
		});
	}
	const passed = tests.filter((t) => t.ok && !t.skipped).length;
	const failed = tests.filter((t) => !t.ok).length;
	yield `${JSON.stringify({ passed, failed, skipped: tests.length - passed - failed, tests }, null, 2)}\n`;
}
