/**
 * The control API token of the headless host. It arrives once in the URL fragment (never sent to
 * the server, never in logs), then lives in sessionStorage so a reload keeps working and the
 * visible URL no longer shows it.
 */
export const TOKEN_STORAGE_KEY = 'inlet.controlToken';

export interface TokenEnv {
  location: { hash: string; pathname: string; search: string };
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  replaceUrl(url: string): void;
}

export function takeToken(env: TokenEnv): string | null {
  const params = new URLSearchParams(env.location.hash.replace(/^#/, ''));
  const fromHash = params.get('token');
  if (fromHash) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    params.delete('token');
    const rest = params.toString();
    env.replaceUrl(`${env.location.pathname}${env.location.search}${rest ? `#${rest}` : ''}`);
    return fromHash;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY) || null;
}

/** After the host rejected it, so the next visit asks for a fresh UI URL. */
export const forgetToken = (env: Pick<TokenEnv, 'storage'>): void => env.storage.removeItem(TOKEN_STORAGE_KEY);
