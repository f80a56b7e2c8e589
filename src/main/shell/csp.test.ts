import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp';

const directive = (csp: string, name: string): string | undefined =>
  csp
    .split('; ')
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe('content security policy', () => {
  const prod = buildCsp();

  it('is exactly the production policy', () => {
    expect(prod).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
        "frame-src 'none'; worker-src 'self'; frame-ancestors 'none'",
    );
  });

  it('never allows inline or evaluated scripts in production', () => {
    expect(directive(prod, 'script-src')).toBe("'self'");
    expect(prod).not.toContain('unsafe-eval');
  });

  it('allows no connection beyond the app itself in production (the API goes over IPC)', () => {
    expect(directive(prod, 'connect-src')).toBe("'self'");
  });

  it('allows the dev server websocket and inline preamble only in development', () => {
    const dev = buildCsp({ devServerOrigin: 'http://localhost:5173' });
    expect(directive(dev, 'connect-src')).toBe("'self' ws://localhost:5173");
    expect(directive(dev, 'script-src')).toBe("'self' 'unsafe-inline'");
    expect(dev).not.toContain('unsafe-eval');
  });

  it('keeps object, base and form targets closed', () => {
    expect(directive(prod, 'object-src')).toBe("'none'");
    expect(directive(prod, 'base-uri')).toBe("'none'");
    expect(directive(prod, 'form-action')).toBe("'none'");
  });
});
