import { describe, expect, it } from 'vitest';
import { forgetToken, takeToken, TOKEN_STORAGE_KEY, type TokenEnv } from './token';

const env = (hash: string, stored: string | null = null) => {
  const items = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const urls: string[] = [];
  const e: TokenEnv = {
    location: { hash, pathname: '/', search: '' },
    storage: {
      getItem: (k) => items.get(k) ?? null,
      setItem: (k, v) => void items.set(k, v),
      removeItem: (k) => void items.delete(k),
    },
    replaceUrl: (u) => void urls.push(u),
  };
  return { e, items, urls };
};

describe('token handling', () => {
  it('takes the token from the fragment, stores it and removes it from the visible URL', () => {
    const { e, items, urls } = env('#token=abc_DEF-123');
    expect(takeToken(e)).toBe('abc_DEF-123');
    expect(items.get(TOKEN_STORAGE_KEY)).toBe('abc_DEF-123');
    expect(urls).toEqual(['/']);
  });

  it('keeps other fragment parameters when removing the token', () => {
    const { e, urls } = env('#token=t&view=log');
    takeToken(e);
    expect(urls).toEqual(['/#view=log']);
  });

  it('uses the stored token after a reload without a fragment', () => {
    const { e, urls } = env('', 'stored-token');
    expect(takeToken(e)).toBe('stored-token');
    expect(urls).toEqual([]);
  });

  it('prefers a new token in the fragment over a stored one', () => {
    expect(takeToken(env('#token=new', 'old').e)).toBe('new');
  });

  it('returns null when there is no token anywhere, and after forgetting it', () => {
    expect(takeToken(env('').e)).toBeNull();
    const { e } = env('', 'stored');
    forgetToken(e);
    expect(takeToken(e)).toBeNull();
  });
});
