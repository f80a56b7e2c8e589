import { describe, expect, it } from 'vitest';
import { logCountText } from './log-count';

describe('log count', () => {
  it.each([
    [{ count: 2013, capped: false }, 100, false, '2,013 events · showing 100'],
    [{ count: 405, capped: false }, 100, true, '405 matching · showing 100'],
    [{ count: 100_000, capped: true }, 100, false, 'more than 100,000 events · showing 100'],
    [{ count: 100_000, capped: true }, 100, true, 'more than 100,000 matching · showing 100'],
    [{ count: 1, capped: false }, 1, false, '1 event'],
    [{ count: 30, capped: false }, 30, true, '30 matching'],
  ])('says %j with %i loaded (filtered: %s) as "%s"', (total, shown, filtered, text) => {
    expect(logCountText(total, shown, filtered)).toBe(text);
  });

  it('says only what is loaded before the host has counted', () => {
    expect(logCountText(null, 100, false)).toBe('showing 100');
  });
});
