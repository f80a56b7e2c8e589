import { describe, expect, it } from 'vitest';
import { bundleFileName, readBundleText } from './config-file';

describe('reading a bundle file', () => {
  it('accepts a bundle and an older configuration file', () => {
    expect(readBundleText('{"format":"inlet.bundle","version":2}')).toEqual({ ok: true, json: { format: 'inlet.bundle', version: 2 } });
    expect(readBundleText('{"format":"inlet.config","version":1}')).toMatchObject({ ok: true });
  });
  it('says what else a file is: not JSON, captures, or another format', () => {
    expect(readBundleText('{nope')).toMatchObject({ ok: false, error: expect.stringContaining('not JSON') });
    expect(readBundleText('[]')).toMatchObject({ ok: false, error: expect.stringContaining('captured requests') });
    expect(readBundleText('{"format":"har"}')).toMatchObject({ ok: false, error: expect.stringContaining('not an Inlet bundle') });
  });
  it('names the file by the local date', () => {
    expect(bundleFileName(new Date(2026, 0, 5))).toBe('inlet-bundle-2026-01-05.json');
  });
});
