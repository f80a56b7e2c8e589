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
void warmUpSandbox();
port.on('message', (message: { id: number; input: PreprocessInput }) => {
  void runPreprocess(message.input).then((result) => port.postMessage({ id: message.id, result }));
});
