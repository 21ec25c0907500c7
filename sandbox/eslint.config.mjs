// Tooling, not n8n node code: linted by tools/eslint.config.mjs (see there).
export { default } from '../tools/eslint.config.mjs';
