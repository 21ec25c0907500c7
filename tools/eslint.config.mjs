// Lint rules for the tooling around the package: tools/, the sandbox, the tests and the
// benchmarks. They are Node programs, not n8n node code, so n8n's community-node rules (no
// `process`, no `node:` imports, no console) do not apply to them; the package's
// eslint.config.mjs keeps those for credentials/ and nodes/.
//
// `npm run lint` runs ESLint with config lookup from the linted file (ESLint 10's default,
// enabled in ESLint 9 by ESLINT_FLAGS=unstable_config_lookup_from_file): each tooling folder's
// eslint.config.mjs re-exports this file.

import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['**/fixtures/**'] },
	{
		files: ['**/*.ts', '**/*.mjs', '**/*.js', '**/*.cjs'],
		extends: [js.configs.recommended, tseslint.configs.recommended],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'prefer-spread': 'off',
		},
	},
	{
		files: ['**/*.cjs'],
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
);
