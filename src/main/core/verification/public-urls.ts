import type { Diagnosis } from '../../../shared/domain/verification';
import type { VerifyRequest } from './types';

// Split by hand, not with `new URL()`, which would re-encode characters the provider signed as-is.
const SPLIT = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is;
/** A Host header can't be trusted to be sane; this many candidates is plenty for any real setup. */
const MAX_CANDIDATES = 24;

interface UrlParts {
  scheme: string;
  userInfo: string;
  host: string;
  port: string;
  rest: string;
}

function splitUrl(url: string): UrlParts | null {
  const m = SPLIT.exec(url);
  if (!m) return null;
  const [, scheme = '', authority = '', rest = ''] = m;
  const at = authority.lastIndexOf('@');
  const hostPort = authority.slice(at + 1);
  // A colon starts the port only after an IPv6 literal's closing bracket.
  const colon = hostPort.indexOf(':', hostPort.lastIndexOf(']') + 1);
  return {
    scheme,
    userInfo: authority.slice(0, at + 1),
    host: colon === -1 ? hostPort : hostPort.slice(0, colon),
    port: colon === -1 ? '' : hostPort.slice(colon),
    rest,
  };
}

/**
 * The URL as given, without its port, and with the scheme's default port: a provider may sign
 * `https://host/…` while the request says `host:443`, or the reverse (twilio-node tries the same).
 */
export function portVariants(url: string): string[] {
  const p = splitUrl(url);
  if (!p) return [url];
  const withoutPort = p.scheme + p.userInfo + p.host + p.rest;
  const defaultPort = p.scheme.toLowerCase() === 'https://' ? ':443' : ':80';
  const withPort = p.port ? url : p.scheme + p.userInfo + p.host + defaultPort + p.rest;
  return [...new Set([url, withoutPort, withPort])];
}

/**
 * The full URL under a configured base: `https://x.loca.lt` + `/in/tok?a=1`. A base that already
 * ends with the request's path (the user pasted the whole URL) only gets the query added.
 */
export function underBase(base: string, requestUrl: string): string {
  const q = requestUrl.indexOf('?');
  const path = q === -1 ? requestUrl : requestUrl.slice(0, q);
  const query = q === -1 ? '' : requestUrl.slice(q);
  const p = splitUrl(base);
  if (!p) return base;
  const origin = p.scheme + p.userInfo + p.host + p.port;
  if (p.rest.includes('?')) return base;
  const basePath = p.rest.replace(/\/+$/, '');
  if (path !== '/' && basePath.endsWith(path)) return origin + basePath + query;
  return origin + basePath + requestUrl;
}

const firstValue = (value: string | undefined) => value?.split(',')[0]?.trim() ?? '';

/**
 * Every full URL the provider may have signed for this request, most specific first: the
 * receiver's `publicUrls`, the configured base, then the Host (and X-Forwarded-Host) header over
 * https and http; each with and without the port.
 */
export function candidateUrls(request: VerifyRequest, publicBaseUrl: string | undefined): string[] {
  const given = [...(request.publicUrls ?? [])];
  if (publicBaseUrl) given.push(underBase(publicBaseUrl, request.url));
  const hosts = [firstValue(request.headers['x-forwarded-host']), firstValue(request.headers.host)].filter(Boolean);
  const forwardedProto = firstValue(request.headers['x-forwarded-proto']).toLowerCase();
  const protocols = [...new Set([forwardedProto, 'https', 'http'].filter((p) => p === 'https' || p === 'http'))];
  for (const host of new Set(hosts)) for (const proto of protocols) given.push(`${proto}://${host}${request.url}`);
  const all = new Set<string>();
  for (const url of given) for (const variant of portVariants(url)) all.add(variant);
  return [...all].slice(0, MAX_CANDIDATES);
}

/** The `public_url` hint: which URLs were tried, and that the provider's URL must match exactly. */
export function publicUrlHint(provider: string, tried: readonly string[]): Diagnosis['hints'][number] {
  const list = tried.length === 0 ? 'none (no public URL configured and no Host header)' : tried.join(', ');
  return {
    code: 'public_url',
    message:
      `${provider} signs the full URL it calls, and Inlet only sees the path. URLs tried: ${list}. ` +
      `The URL configured at ${provider} must match one of them exactly (scheme, host, port, path and query); ` +
      "if it goes through a tunnel or proxy, set that URL as this source's public base URL.",
  };
}
