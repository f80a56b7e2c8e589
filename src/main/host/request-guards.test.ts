import { describe, expect, it } from 'vitest';
import { hasValidBearer, isAllowedHost, isAllowedOrigin } from './request-guards';

describe('request guards', () => {
  it.each([
    ['127.0.0.1:4751', true],
    ['localhost:4751', true],
    ['LOCALHOST:4751', true],
    ['[::1]:4751', true],
    ['127.0.0.1:9999', false],
    ['127.0.0.1', false],
    ['evil.example:4751', false],
    ['localhost.evil.example:4751', false],
    [undefined, false],
  ])('Host %s allowed: %s', (host, allowed) => {
    expect(isAllowedHost(host, 4751)).toBe(allowed);
  });

  it.each([
    [undefined, true],
    ['http://127.0.0.1:4751', true],
    ['http://localhost:4751', true],
    ['http://evil.example', false],
    ['null', false],
    ['https://127.0.0.1:4751', false],
    ['http://127.0.0.1:4752', false],
  ])('Origin %s allowed: %s', (origin, allowed) => {
    expect(isAllowedOrigin(origin, 4751)).toBe(allowed);
  });

  it('accepts only the exact bearer token', () => {
    const token = 'tok_0123456789abcdef';
    expect(hasValidBearer(`Bearer ${token}`, token)).toBe(true);
    expect(hasValidBearer(`Bearer ${token}x`, token)).toBe(false);
    expect(hasValidBearer(token, token)).toBe(false);
    expect(hasValidBearer(undefined, token)).toBe(false);
    expect(hasValidBearer('Bearer ', token)).toBe(false);
  });
});
