import { expect, it } from 'vitest';
import { newRunId } from './run-ids';

it('makes ids that sort in the order of their times and never repeat within a millisecond', () => {
  const times = [0, 1, 63, 64, 4095, 4096, 1_700_000_000_000, 1_700_000_000_001, 1_800_000_000_000];
  const ids = times.map((t) => newRunId('run', t));
  expect([...ids].sort()).toEqual(ids);
  const same = new Set(Array.from({ length: 10_000 }, () => newRunId('run', 1_700_000_000_000)));
  expect(same.size).toBe(10_000);
  expect(ids[0]).toMatch(/^run_[-\w]{20}$/);
});
