import { describe, expect, it } from 'vitest';
import { fuzzyFilter, fuzzyScore } from './fuzzy';

describe('fuzzy matching', () => {
  it('matches characters in order, skipping others', () => {
    expect(fuzzyScore('gtl', 'Go to log')).not.toBeNull();
    expect(fuzzyScore('lgt', 'Go to log')).toBeNull();
  });

  it('ranks word-start matches above scattered ones', () => {
    const labels = ['Settings: tunnel URL', 'Go to log', 'Go to source: Stripe'];
    expect(fuzzyFilter(labels, 'gtl', (l) => l)[0]).toBe('Go to log');
    expect(fuzzyFilter(labels, 'stripe', (l) => l)).toEqual(['Go to source: Stripe']);
  });

  it('keeps every item, in order, for an empty query, and ignores case', () => {
    expect(fuzzyFilter(['b', 'a'], '  ', (l) => l)).toEqual(['b', 'a']);
    expect(fuzzyFilter(['Start tunnel'], 'START', (l) => l)).toEqual(['Start tunnel']);
  });
});
