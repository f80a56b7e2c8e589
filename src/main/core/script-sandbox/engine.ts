import { newQuickJSWASMModule, type QuickJSWASMModule } from 'quickjs-emscripten';

/**
 * One WebAssembly instance of QuickJS for the whole process: compiling and instantiating it costs
 * tens of milliseconds, while a fresh runtime inside it costs well under one. If a run ever leaves
 * the instance in a bad state (a host-side exception from the engine), it is discarded and the
 * next run loads a new one, so one bad script can't take preprocessing down for good.
 */
let current: Promise<QuickJSWASMModule> | undefined;
let loaded: QuickJSWASMModule | undefined;

/** The shared engine, loaded on first use. */
export function loadEngine(): Promise<QuickJSWASMModule> {
  current ??= newQuickJSWASMModule().then(
    (engine) => (loaded = engine),
    (error: unknown) => {
      current = undefined;
      throw error;
    },
  );
  return current;
}

/** Forgets `engine` if it is still the shared one; the next `loadEngine()` builds a new one. */
export function discardEngine(engine: QuickJSWASMModule): void {
  if (loaded !== engine) return;
  loaded = undefined;
  current = undefined;
}
