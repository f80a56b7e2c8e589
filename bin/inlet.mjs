#!/usr/bin/env node
// The `inlet` command. From a checkout whose build is missing or older than the sources it builds
// first (the same check as `npm run serve`); the command itself is out/main/cli.js.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'out', 'main', 'cli.js');

if (existsSync(join(root, 'src')) && process.env.INLET_SKIP_BUILD !== '1') {
  const { buildIfStale } = await import(pathToFileURL(join(root, 'scripts', 'serve.mjs')).href);
  // Progress goes to stderr: stdout may be a --json consumer.
  if (!buildIfStale((line) => process.stderr.write(`${line.replace(/^inlet serve: /, 'inlet: ')}\n`), { stdio: ['ignore', 2, 2] })) {
    process.stderr.write('inlet: the build failed; see the errors above.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
