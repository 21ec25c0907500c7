import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { FOLDER_README, emitOperations, emitSchemas } from './emit';
import { extractOperations, extractSchemas } from './facts';
import { loadSpec } from './spec';

/** File name → content of the generated folder, for the given OpenAPI document. */
export function generate(specFile: string): Record<string, string> {
	const spec = loadSpec(specFile);
	const operations = extractOperations(spec);
	return {
		'operations.ts': emitOperations(operations),
		'schemas.ts': emitSchemas(extractSchemas(spec, operations)),
		'README.md': FOLDER_README,
	};
}

export function writeGenerated(specFile: string, outDir: string): string[] {
	mkdirSync(outDir, { recursive: true });
	const files = generate(specFile);
	for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
	return Object.keys(files);
}
