import { Worker } from 'node:worker_threads';
import { DEFAULT_LIMITS, type PreprocessInput, type PreprocessResult, type ScriptError } from './types.js';

export interface SlotTiming {
  /** Time beyond the script's own limit before the worker is terminated. */
  graceMs: number;
  /** A worker that does not even start a run in this long is stuck or dead, and is replaced. */
  startTimeoutMs: number;
}

interface Pending {
  id: number;
  started(): void;
  settle(result: PreprocessResult): void;
}

type WorkerMessage = { id: number; started?: true; result?: PreprocessResult };

/**
 * One worker thread running one script at a time. A run that overstays its time limit plus a
 * grace period (a script blocked inside a native built-in) terminates the worker, and a fresh
 * one starts warming up at once. Every way a run can end — result, deadline, a worker that dies, a
 * request that can't be posted — resolves the run; nothing throws out of here.
 */
export class WorkerSlot {
  private worker: Worker | undefined;
  private pending: Pending | undefined;
  private nextId = 0;
  private closed = false;

  /**
   * No thread until the first run: a worker holds ~10 MiB, and most hosts never run a script. The
   * first run waits for the warm-up, which doesn't count against its time limit (see `started`).
   */
  constructor(
    private readonly workerPath: string,
    private readonly timing: SlotTiming,
  ) {}

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** A worker thread is running (or warming up) for this slot. */
  get live(): boolean {
    return this.worker !== undefined;
  }

  run(input: PreprocessInput): Promise<PreprocessResult> {
    return new Promise((resolve) => {
      const id = this.nextId++;
      let startedAt = performance.now();
      const limitMs = (input.limits?.timeoutMs ?? DEFAULT_LIMITS.timeoutMs) + this.timing.graceMs;
      let current: Worker;
      try {
        current = this.worker ?? this.spawn();
      } catch (error) {
        return resolve(failed('sandbox', `The script sandbox could not start: ${error instanceof Error ? error.message : String(error)}`, 0));
      }
      let timer: NodeJS.Timeout | undefined;
      const settle = (result: PreprocessResult) => {
        if (this.pending?.id !== id) return;
        this.pending = undefined;
        clearTimeout(timer);
        resolve(result);
      };
      const stop = (message: string) => {
        settle(failed('timeout', message, performance.now() - startedAt));
        this.discard(current);
      };
      timer = setTimeout(() => stop('The script sandbox did not start the script in time; it was restarted.'), this.timing.startTimeoutMs);
      this.pending = {
        id,
        settle,
        started() {
          startedAt = performance.now();
          clearTimeout(timer);
          timer = setTimeout(
            () => stop(`The script was stopped after ${Math.round(performance.now() - startedAt)} ms (it blocked inside a built-in function).`),
            limitMs,
          );
        },
      };
      try {
        current.postMessage({ id, input });
      } catch (error) {
        // Structured clone refuses some values (too deep for its recursion, functions…): the
        // request never reached the worker, which stays healthy.
        settle(failed('sandbox', handOffMessage(error), 0));
      }
    });
  }

  /** Stops the worker; a run in flight answers that the sandbox was shut down. */
  async close(): Promise<void> {
    this.closed = true;
    this.pending?.settle(failed('busy', 'Inlet shut its script sandbox down before the script finished; retry later.', 0));
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private spawn(): Worker {
    const w = new Worker(this.workerPath);
    this.worker = w;
    w.unref();
    w.on('message', (message: WorkerMessage) => {
      const run = this.pending;
      if (this.worker !== w || !run || run.id !== message.id) return;
      if (message.started) return run.started();
      run.settle(message.result ?? failed('sandbox', 'The script sandbox answered without a result.', 0));
    });
    // An uncaught error in the worker ends it; 'exit' follows and answers the run.
    w.on('error', () => undefined);
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      // Not respawned here: a worker that can't start would loop; the next run starts one.
      this.worker = undefined;
      this.pending?.settle(failed('sandbox', `The script sandbox stopped unexpectedly (exit code ${code}); it will be restarted.`, 0));
    });
    return w;
  }

  /** Terminates a stuck worker and starts its replacement warming up for the next run. */
  private discard(worker: Worker): void {
    if (this.worker !== worker) return void worker.terminate();
    this.worker = undefined;
    void worker.terminate();
    if (!this.closed) this.spawn();
  }
}

export function failed(kind: ScriptError['kind'], message: string, durationMs: number): PreprocessResult {
  return { ok: false, error: { kind, message }, durationMs, logs: [] };
}

function handOffMessage(error: unknown): string {
  if (error instanceof RangeError) {
    return `The request is nested too deeply to hand to the script sandbox (${error.message}); the script did not run.`;
  }
  const reason = error instanceof Error ? error.message : String(error);
  return `The request could not be handed to the script sandbox (${reason}); the script did not run.`;
}
