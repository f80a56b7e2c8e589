import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { BUILD_TIMEOUT_MS, ensureBuilt } from '../../main/core/testing/built-app';
import { exited, startHost, type HostProcess } from '../../main/host/testing/host-process';

/**
 * For a test file that runs the real `inlet` binary (which never builds): builds the app once before
 * the file's tests, and returns `freshDir`, which makes an empty data dir named `prefix…`. Every dir
 * it made is removed after the file's tests. Call it once at the top of the file.
 */
export function builtInletDataDirs(prefix: string): () => string {
  const dirs: string[] = [];
  beforeAll(() => ensureBuilt(), BUILD_TIMEOUT_MS);
  afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

export interface HostPerTest {
  /** Starts the headless host on `dataDir` (`node out/main/serve.js`, ports 0) and waits until it is ready. */
  start(dataDir: string): Promise<HostProcess>;
  /** Stops the running host (SIGTERM) and waits for it to exit; does nothing when none runs. */
  stop(): Promise<void>;
}

/**
 * For tests that each run a headless host beside the `inlet` commands they run: the host a test
 * started is stopped after it, pass or fail. Call it in the file or `describe` whose tests use it.
 */
export function hostStoppedAfterEach(): HostPerTest {
  let host: HostProcess | undefined;
  const stop = async () => {
    const running = host;
    host = undefined;
    if (!running) return;
    running.child.kill('SIGTERM');
    await exited(running.child);
  };
  afterEach(stop);
  return {
    async start(dataDir) {
      await stop();
      host = await startHost(dataDir);
      return host;
    },
    stop,
  };
}
