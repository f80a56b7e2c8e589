/**
 * Which URLs the Electron window may load, which pages may call the API, and which links may leave
 * the app. Pure so it can be tested without Electron; every decision in the shell goes through here.
 */

export interface UrlPolicy {
  /** The URL the window opens at start. */
  readonly startUrl: string;
  /** True for the app's own page: the built renderer file, or the dev server in development. */
  isAppUrl(url: string): boolean;
  /** True for links the user may open in their browser (http/https that are not the app). */
  isExternalLink(url: string): boolean;
}

export interface UrlPolicyOptions {
  /** Absolute `file:` URL of the built `out/renderer/index.html`. */
  rendererFileUrl: string;
  /** electron-vite's dev server URL (`ELECTRON_RENDERER_URL`), only when running `electron-vite dev`. */
  devServerUrl?: string | undefined;
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A dev server is trusted only on loopback over plain http: an env var pointing the window at a
 * remote origin would hand that origin the whole API.
 */
export const parseDevServerUrl = (raw: string | undefined): URL | null => {
  if (!raw) return null;
  const url = parse(raw);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) return null;
  return url;
};

export function createUrlPolicy(options: UrlPolicyOptions): UrlPolicy {
  const rendererFile = parse(options.rendererFileUrl);
  if (!rendererFile || rendererFile.protocol !== 'file:') {
    throw new Error(`renderer URL must be a file: URL, got ${options.rendererFileUrl}`);
  }
  const dev = parseDevServerUrl(options.devServerUrl);

  const isAppUrl = (raw: string): boolean => {
    const url = parse(raw);
    if (!url) return false;
    if (dev) return url.origin === dev.origin;
    // file: URLs have an opaque origin, so compare the exact file; hash and query are the app's own.
    return url.protocol === 'file:' && url.host === rendererFile.host && url.pathname === rendererFile.pathname;
  };

  return {
    startUrl: dev ? dev.href : rendererFile.href,
    isAppUrl,
    isExternalLink(raw) {
      const url = parse(raw);
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
      // Credentials in a link are a phishing pattern; nothing in the app produces them.
      if (url.username || url.password) return false;
      return !isAppUrl(raw);
    },
  };
}
