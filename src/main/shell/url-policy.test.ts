import { describe, expect, it } from 'vitest';
import { createUrlPolicy, parseDevServerUrl } from './url-policy';

const rendererFileUrl = 'file:///opt/inlet/out/renderer/index.html';

describe('url policy (built renderer)', () => {
  const policy = createUrlPolicy({ rendererFileUrl });

  it('starts at the built renderer file', () => {
    expect(policy.startUrl).toBe(rendererFileUrl);
  });

  it.each([
    [rendererFileUrl, true],
    [`${rendererFileUrl}#/sources/src_1`, true],
    [`${rendererFileUrl}?env=production`, true],
    ['file:///opt/inlet/out/renderer/other.html', false],
    ['file:///etc/passwd', false],
    ['file:///opt/inlet/out/renderer/../renderer/index.html', true],
    ['file:///opt/inlet/out/renderer/%2e%2e/evil/index.html', false],
    ['http://localhost:5173/', false],
    ['https://example.com/', false],
    ['about:blank', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s is an app URL: %s', (url, expected) => {
    expect(policy.isAppUrl(url)).toBe(expected);
  });

  it.each([
    ['https://docs.stripe.com/webhooks', true],
    ['http://example.com/', true],
    ['https://user:pass@example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['mailto:someone@example.com', false],
    ['data:text/html,<script>1</script>', false],
    [rendererFileUrl, false],
  ])('%s may open in the browser: %s', (url, expected) => {
    expect(policy.isExternalLink(url)).toBe(expected);
  });

  it('refuses a renderer URL that is not a file', () => {
    expect(() => createUrlPolicy({ rendererFileUrl: 'https://example.com/index.html' })).toThrow(/file:/);
  });
});

describe('url policy (dev server)', () => {
  const policy = createUrlPolicy({ rendererFileUrl, devServerUrl: 'http://localhost:5173' });

  it('starts at the dev server', () => {
    expect(policy.startUrl).toBe('http://localhost:5173/');
  });

  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5174/', false],
    ['http://127.0.0.1:5173/', false],
    [rendererFileUrl, false],
  ])('%s is an app URL: %s', (url, expected) => {
    expect(policy.isAppUrl(url)).toBe(expected);
  });

  it('does not treat the dev server as an external link', () => {
    expect(policy.isExternalLink('http://localhost:5173/x')).toBe(false);
  });
});

describe('dev server URL', () => {
  it.each([
    ['http://localhost:5173', true],
    ['http://127.0.0.1:5173/', true],
    ['http://[::1]:5173/', true],
    ['https://localhost:5173', false],
    ['http://evil.example:5173', false],
    ['http://localhost.evil.example:5173', false],
    ['', false],
    [undefined, false],
  ])('%s is trusted: %s', (raw, expected) => {
    expect(parseDevServerUrl(raw) !== null).toBe(expected);
  });
});
