import { describe, expect, it } from 'vitest';
import { replayModeText, replayTooltip } from './replay-mode';

describe('replay mode words', () => {
  it('says “verification ignored” for a replay that ignored it, and nothing for other events', () => {
    expect(replayModeText('ignore_verification')).toBe('verification ignored');
    expect(replayModeText('as_is')).toBe('verified as configured');
    expect(replayModeText('resign')).toBe('re-signed');
    expect(replayModeText(null)).toBeNull();
  });

  it('puts the original and the mode in a replay’s tooltip', () => {
    expect(replayTooltip({ replayOf: 7, replayMode: 'ignore_verification' })).toBe('Replay of event #7 — verification ignored');
    expect(replayTooltip({ replayOf: 7, replayMode: 'resign', edited: true })).toBe('Replay of event #7 — re-signed, edited before sending');
    expect(replayTooltip({ replayOf: null, replayMode: null })).toBeUndefined();
  });
});
