import { readdirSync, readFileSync } from 'fs';
import { join, relative, resolve } from 'path';
import ts from 'typescript';

const NODES_DIR = resolve(__dirname, '../nodes');
const MAX_LINES = 80;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** Every function (declaration, method, arrow, expression) longer than MAX_LINES lines. */
function longFunctions(file: string): string[] {
	const source = ts.createSourceFile(
		file,
		readFileSync(file, 'utf8'),
		ts.ScriptTarget.Latest,
		true,
	);
	const found: string[] = [];
	const visit = (node: ts.Node): void => {
		if (ts.isFunctionLike(node) && 'body' in node && node.body) {
			const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
			const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			if (end - start + 1 > MAX_LINES) {
				found.push(`${relative(NODES_DIR, file)}:${start + 1} (${end - start + 1} lines)`);
			}
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

describe('readable code', () => {
	test(`no function in nodes/ is longer than ${MAX_LINES} lines`, () => {
		expect(sourceFiles(NODES_DIR).flatMap(longFunctions)).toEqual([]);
	});
});
