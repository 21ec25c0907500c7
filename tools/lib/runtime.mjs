// @ts-check
// Everything tools/ offers `npm start` and the end-to-end tests, from one import. Each helper
// lives in the file for its job: paths, log (console), processes (children, ports), package
// (build, install into n8n, examples), runtimes (installing n8n and Node), n8n (environment,
// CLI, server), n8n-client (REST API), sandbox (the emulator from outside).

export * from './log.mjs';
export * from './n8n-client.mjs';
export * from './n8n.mjs';
export * from './package.mjs';
export * from './paths.mjs';
export * from './processes.mjs';
export * from './runtime-cache.mjs';
export * from './runtimes.mjs';
export * from './sandbox.mjs';
