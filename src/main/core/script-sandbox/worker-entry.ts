import { parentPort } from 'node:worker_threads';
import { runPreprocess, warmUpSandbox } from './run-preprocess.js';
import type { PreprocessInput } from './types.js';

/**
 * The sandbox's own thread (built to out/main/preprocess-worker.js). A script stuck inside a
 * QuickJS built-in can outrun the interrupt handler; here it blocks only this thread, which the
 * core terminates at a hard deadline.
 */
const port = parentPort;
if (!port) throw new Error('preprocess-worker must run as a worker thread');
// Runs queue behind the warm-up; the core's hard deadline starts at each run's `started`, not at
// posting, so neither the warm-up nor a queue counts against a script.
let ready = warmUpSandbox().catch(() => undefined);
port.on('message', (message: { id: number; input: PreprocessInput }) => {
  ready = ready.then(async () => {
    port.postMessage({ id: message.id, started: true });
    port.postMessage({ id: message.id, result: await runPreprocess(message.input) });
  });
});
