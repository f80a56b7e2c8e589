import type { Session, WebContents } from 'electron';
import type { Logger } from '../core/ports';
import { buildCsp } from './csp';
import type { UrlPolicy } from './url-policy';

/** Writing to the clipboard is what the "copy URL" buttons need; everything else stays denied. */
const APP_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Pure: may this page hold this permission? */
export const isPermissionAllowed = (permission: string, requestingUrl: string, policy: UrlPolicy): boolean =>
  APP_PERMISSIONS.has(permission) && policy.isAppUrl(requestingUrl);

/**
 * Session-wide rules: CSP on every response the window loads and permission handlers. The CSP header
 * covers the dev server; `file:` responses carry no headers, so the renderer's CSP meta tag is what
 * enforces it on the built app — both are kept identical in spirit, and browsers apply both.
 */
export function hardenSession(session: Session, policy: UrlPolicy, devServerOrigin: string | undefined): void {
  const csp = buildCsp({ devServerOrigin });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl ?? webContents.getURL(), policy));
  });
  // A file: page's origin is opaque, so judge the page by its full URL when there is one.
  session.setPermissionCheckHandler((webContents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, webContents?.getURL() ?? requestingOrigin, policy),
  );
}

/**
 * Per-window rules: no navigation away from the app, no new windows, no <webview>. A link to an
 * external http(s) page opens in the user's browser instead, after the policy says it is one.
 */
export function hardenWebContents(
  contents: WebContents,
  policy: UrlPolicy,
  openExternal: (url: string) => Promise<void>,
  logger: Logger,
): void {
  const leave = (url: string): void => {
    if (policy.isExternalLink(url)) {
      openExternal(url).catch((error: unknown) => logger.warn('could not open link', { url, error: String(error) }));
    } else {
      logger.warn('blocked navigation', { url });
    }
  };
  contents.on('will-navigate', (event, url) => {
    if (policy.isAppUrl(url)) return;
    event.preventDefault();
    leave(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!policy.isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    leave(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
