// Copies the icons into dist/: n8n resolves `file:` icons relative to the compiled node or
// credential, and tsc copies only code.
const { src, dest, task } = require('gulp');

task('build:icons', () => src(['icons/**/*.svg'], { base: '.', encoding: false }).pipe(dest('dist')));
