import { parentPort } from 'node:worker_threads';
import { runPreprocess, warmUpSandbox } from './run-preprocess.js';
import type { PreprocessInput, PreprocessResult } from './types.js';

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
  ready = ready.then(() => runAndAnswer(message)).catch(() => undefined);
});

async function runAndAnswer({ id, input }: { id: number; input: PreprocessInput }): Promise<void> {
  port!.postMessage({ id, started: true });
  let result: PreprocessResult;
  try {
    result = await runPreprocess(input);
  } catch (error) {
    result = failure('sandbox', `The script sandbox failed: ${error instanceof Error ? error.message : String(error)}`, []);
  }
  try {
    port!.postMessage({ id, result });
  } catch (error) {
    // A result structured clone refuses (too deep, too large) must still answer the run, or the
    // core would wait for its deadline; the logs are plain strings and can still go back.
    const reason = error instanceof Error ? error.message : String(error);
    port!.postMessage({ id, result: failure('invalid_result', `The result could not be passed back from the sandbox (${reason}).`, result.logs) });
  }
}

function failure(kind: 'sandbox' | 'invalid_result', message: string, logs: string[]): PreprocessResult {
  return { ok: false, error: { kind, message }, durationMs: 0, logs };
}
