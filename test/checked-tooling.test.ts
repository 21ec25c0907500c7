import { readdirSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';

/**
 * The tools and the end-to-end tests are plain JavaScript run by Node; `tsc -p tools/tsconfig.json`
 * (part of npm test) checks them, but only the files that opt in with `// @ts-check` on their
 * first line. A file without it is silently left unchecked, so every one must carry it.
 */

const ROOT = resolve(__dirname, '..');
const TOOLS_CONFIG = JSON.parse(readFileSync(join(ROOT, 'tools', 'tsconfig.json'), 'utf8')) as {
	include: string[];
	exclude: string[];
};

function mjsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? entry.name === 'node_modules'
				? []
				: mjsFiles(join(dir, entry.name))
			: entry.name.endsWith('.mjs')
				? [join(dir, entry.name)]
				: [],
	);
}

describe('checked JavaScript in tools/ and test/e2e/', () => {
	test('the tools type-check covers both folders', () => {
		expect(TOOLS_CONFIG.include).toEqual(expect.arrayContaining(['**/*.mjs', '../test/e2e/**/*.mjs']));
		// Only ESLint's own config is left out (it is no @ts-check file; see the config's comment).
		expect(TOOLS_CONFIG.exclude).toEqual(['eslint.config.mjs']);
	});

	test('every .mjs file there opts in to type-checking on its first line', () => {
		const files = [...mjsFiles(join(ROOT, 'tools')), ...mjsFiles(join(ROOT, 'test', 'e2e'))]
			.map((file) => relative(ROOT, file))
			.filter((file) => file !== join('tools', 'eslint.config.mjs'));
		expect(files.length).toBeGreaterThan(20);
		const unchecked = files.filter(
			(file) => readFileSync(join(ROOT, file), 'utf8').split('\n')[0].trim() !== '// @ts-check',
		);
		expect(unchecked).toEqual([]);
	});

	test('no file there switches checking off again', () => {
		const files = [...mjsFiles(join(ROOT, 'tools')), ...mjsFiles(join(ROOT, 'test', 'e2e'))];
		const offenders = files
			.filter((file) => /@ts-(nocheck|ignore)\b/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(ROOT, file));
		expect(offenders).toEqual([]);
	});
});
