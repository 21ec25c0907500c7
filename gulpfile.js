// Copies node and credential icons next to the compiled files: n8n resolves `file:` icons
// relative to the compiled node, and tsc copies only code.
const { src, dest, task } = require('gulp');

task('build:icons', () =>
	src(['nodes/**/*.svg', 'credentials/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist')),
);
