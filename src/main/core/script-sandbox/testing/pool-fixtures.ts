import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The worker as the hosts run it; tests that need it require `npm run build` first. */
export const BUILT_WORKER = resolve(__dirname, '../../../../../out/main/preprocess-worker.js');
if (!existsSync(BUILT_WORKER)) throw new Error(`${BUILT_WORKER} is missing: run \`npm run build\` first`);

/**
 * A catastrophic regex: QuickJS doesn't poll its interrupt handler inside the regex engine, so
 * this blocks its thread until the pool's hard deadline terminates the worker.
 */
export const STUCK_SCRIPT = `function main(ctx) {
  return { verified: /(a+)+$/.test("a".repeat(40) + "!") };
}`;
