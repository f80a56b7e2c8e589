import { afterEach } from 'vitest';
import { startTestCore, type TestCore } from './test-core';

type TestCoreOptions = NonNullable<Parameters<typeof startTestCore>[0]>;

/**
 * For a test file whose tests each start their own core(s): returns `startCore`, and closes every
 * core it started after each test (a failed assertion included), so no test sees another's data.
 * Call it once at the top of the file.
 */
export function coresClosedAfterEach(): (options?: TestCoreOptions) => Promise<TestCore> {
  const open: TestCore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((t) => t.close()));
  });
  return async (options) => {
    const t = await startTestCore(options);
    open.push(t);
    return t;
  };
}
