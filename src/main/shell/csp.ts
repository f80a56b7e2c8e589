/**
 * The Content-Security-Policy of the Electron window, as a pure function so the exact string is
 * tested. The renderer talks to the core over IPC only, so production needs no network at all.
 */

export interface CspOptions {
  /** Origin of electron-vite's dev server, when running `electron-vite dev`. */
  devServerOrigin?: string | undefined;
}

export function buildCsp(options: CspOptions = {}): string {
  const dev = options.devServerOrigin;
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    // Vite's dev client injects an inline React-refresh preamble; the production build has none.
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    // Inline styles cannot run code; component libraries and virtualized lists set them.
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    // The API goes over IPC, so only the app's own files; hot reload adds the dev server's websocket.
    'connect-src': dev ? ["'self'", dev.replace(/^http/, 'ws')] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-src': ["'none'"],
    'worker-src': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}
