import { expect, vi } from 'vitest';
import type { CaptureProgress } from '../../../shared/api/contract-captures';
import type { TestCore } from './test-core';

/** A capture import's last report, once it stopped running (finished or failed); waits up to 15 s. */
export async function captureImportEnded(t: TestCore, jobId: string): Promise<CaptureProgress> {
  let last: CaptureProgress | null = null;
  await vi.waitFor(async () => {
    last = await t.call('captures.status', { jobId });
    expect(last?.state).not.toBe('running');
  }, { timeout: 15_000 });
  return last!;
}
