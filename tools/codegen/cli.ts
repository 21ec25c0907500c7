/**
 * `npm run codegen [-- --spec FILE] [-- --spec-v2 FILE] [-- --out DIR]`: regenerates
 * nodes/shared/generated/ from Skilljar's OpenAPI documents (default: the vendored copies,
 * spec/skilljar-openapi.yml for API v1 and spec/skilljar-openapi-v2.json for API v2).
 */
import { resolve } from 'path';

import { writeGenerated } from './generate';

export const DEFAULT_SPEC = resolve(__dirname, '../../../spec/skilljar-openapi.yml');
export const DEFAULT_SPEC_V2 = resolve(__dirname, '../../../spec/skilljar-openapi-v2.json');

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

const spec = resolve(option('--spec') ?? process.env.SKILLJAR_OPENAPI ?? DEFAULT_SPEC);
const specV2 = resolve(option('--spec-v2') ?? process.env.SKILLJAR_OPENAPI_V2 ?? DEFAULT_SPEC_V2);
const out = resolve(option('--out') ?? resolve(__dirname, '../../../nodes/shared/generated'));
const files = writeGenerated(spec, specV2, out);
process.stdout.write(`codegen: ${spec} + ${specV2} → ${out}: ${files.join(', ')}\n`);
