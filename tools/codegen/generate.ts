import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';

import { FOLDER_README, emitOperations, emitSchemas } from './emit';
import { extractOperations, extractSchemas } from './facts';
import { extractV2Operations } from './factsV2';
import { loadSpec } from './spec';

/** File name → content of the generated folder, for the given OpenAPI documents (v1, v2). */
export function generate(specFile: string, v2SpecFile: string): Record<string, string> {
	const spec = loadSpec(specFile);
	const operations = extractOperations(spec);
	return {
		'operations.ts': emitOperations(operations),
		'schemas.ts': emitSchemas(extractSchemas(spec, operations)),
		'operationsV2.ts': emitOperations(
			extractV2Operations(loadSpec(v2SpecFile)),
			'API_V2_OPERATIONS',
		),
		'README.md': FOLDER_README,
	};
}

export function writeGenerated(specFile: string, v2SpecFile: string, outDir: string): string[] {
	mkdirSync(outDir, { recursive: true });
	const files = generate(specFile, v2SpecFile);
	for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, name), content);
	return Object.keys(files);
}
