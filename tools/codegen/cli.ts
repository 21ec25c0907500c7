/**
 * `npm run codegen [-- --spec FILE] [-- --out DIR]`: regenerates nodes/shared/generated/ from
 * Skilljar's OpenAPI document (default: the vendored copy, spec/skilljar-openapi.yml).
 */
import { resolve } from 'path';

import { writeGenerated } from './generate';

export const DEFAULT_SPEC = resolve(__dirname, '../../../spec/skilljar-openapi.yml');

function option(name: string): string | undefined {
	const index = process.argv.indexOf(name);
	return index >= 0 ? process.argv[index + 1] : undefined;
}

const spec = resolve(option('--spec') ?? process.env.SKILLJAR_OPENAPI ?? DEFAULT_SPEC);
const out = resolve(option('--out') ?? resolve(__dirname, '../../../nodes/shared/generated'));
const files = writeGenerated(spec, out);
process.stdout.write(`codegen: ${spec} → ${out}: ${files.join(', ')}\n`);
