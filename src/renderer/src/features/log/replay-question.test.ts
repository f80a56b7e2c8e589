import { describe, expect, it } from 'vitest';
import { replayQuestion } from './replay-question';

describe('replayQuestion', () => {
  it('asks with the count before a bulk replay', () => {
    expect(replayQuestion({ count: 1234, capped: false })).toBe('Replay 1,234 events?');
    expect(replayQuestion({ count: 1, capped: false })).toBe('Replay 1 event?');
  });

  it('says only the oldest 10,000 are replayed when more match', () => {
    expect(replayQuestion({ count: 12_345, capped: false })).toBe('Replay the oldest 10,000 of 12,345 events?');
    expect(replayQuestion({ count: 100_000, capped: true })).toBe('Replay the oldest 10,000 of more than 100,000 events?');
  });

  it('says there is nothing to replay when nothing matches', () => {
    expect(replayQuestion({ count: 0, capped: false })).toBe('No events match: nothing to replay.');
  });
});
