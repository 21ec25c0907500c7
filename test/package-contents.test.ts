import { execFileSync } from 'child_process';
import { resolve } from 'path';

import packageJson from '../package.json';

const ROOT = resolve(__dirname, '..');

interface PackResult {
	size: number;
	unpackedSize: number;
	files: Array<{ path: string; size: number }>;
}

/** What `npm pack` would publish, from the last build (npm test builds first). */
function packed(): PackResult {
	const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: ROOT,
		encoding: 'utf8',
		timeout: 60_000,
	});
	return (JSON.parse(output) as PackResult[])[0];
}

describe('the published package', () => {
	const result = packed();
	const paths = result.files.map((file) => file.path);

	test('ships what n8n runs: every listed node and credential, nothing only the sandbox or tests read', () => {
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
			expect(paths).toContain(file);
		}
		const unexpected = paths.filter(
			(path) =>
				!/^(dist\/|package\.json$|README\.md$|LICENSE)/.test(path) ||
				/generated\/schemas|^dist\/(sandbox|test|tools|bench)\//.test(path),
		);
		expect(unexpected).toEqual([]);
	});

	test('reports the tarball size', () => {
		process.stdout.write(
			`package tarball: ${result.size.toLocaleString('en-US')} bytes packed, ${result.unpackedSize.toLocaleString('en-US')} unpacked, ${paths.length} files\n`,
		);
		// The generated operations are the bulk (API v1's ~525 KB, v2's ~125 KB with source maps);
		// the sandbox's answer schemas (~300 KB) stay out. Measured with v2: 1,325,357 bytes.
		expect(result.unpackedSize).toBeLessThan(1_400_000);
	});
});
