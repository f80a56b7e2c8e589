import { describe, expect, it } from 'vitest';
import { sameConfig } from './same-config';

describe('sameConfig', () => {
  it('matches configs whatever the key order, and tells different ones apart', () => {
    expect(sameConfig({ scheme: 'hmac', a: 1, t: { from: 'signature', key: 't' } }, { t: { key: 't', from: 'signature' }, a: 1, scheme: 'hmac' })).toBe(true);
    expect(sameConfig({ scheme: 'hmac', a: 1 }, { scheme: 'hmac', a: 2 })).toBe(false);
    expect(sameConfig({ a: undefined, b: 1 }, { b: 1 })).toBe(true);
  });
});
