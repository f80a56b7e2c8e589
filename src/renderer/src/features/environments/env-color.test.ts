import { describe, expect, it } from 'vitest';
import { envTone, isProductionEnv } from './env-color';

describe('envTone', () => {
  it('colours production red, development green and staging amber', () => {
    expect(envTone('production')).toBe('red');
    expect(envTone('prod-eu')).toBe('red');
    expect(envTone('development')).toBe('green');
    expect(envTone('local')).toBe('green');
    expect(envTone('staging')).toBe('amber');
  });

  it('gives other environments a stable palette colour', () => {
    const tone = envTone('acme-demo');
    expect(['blue', 'purple', 'teal', 'pink']).toContain(tone);
    expect(envTone('acme-demo')).toBe(tone);
  });

  it('warns only for production-like keys', () => {
    expect(isProductionEnv('production')).toBe(true);
    expect(isProductionEnv('products')).toBe(false);
    expect(isProductionEnv('development')).toBe(false);
  });
});
