import { z } from 'zod';
import { httpGet } from '../http-get.js';
import { TunnelOpenError } from './provider.js';

/** The server's answer to a registration, checked before anything trusts it. */
export const RegistrationSchema = z.object({
  id: z.string().min(1),
  port: z.number().int().min(1).max(65_535),
  url: z.url(),
  ip: z.string().optional(),
  max_conn_count: z.number().int().min(1).max(100).optional(),
  cached_url: z.string().optional(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

/**
 * Asks a localtunnel server for a tunnel: `GET /<subdomain>` or `GET /?new`. Done here rather than
 * by the localtunnel client, whose own request retries every second forever — on a refused
 * subdomain too, with no way to cancel it, and with timers that outlive `close()`.
 */
export async function registerTunnel(
  serverUrl: string,
  subdomain: string | undefined,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<Registration> {
  const url = registrationUrl(serverUrl, subdomain);
  let response;
  try {
    response = await httpGet(url, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      headers: { accept: 'application/json' },
    });
  } catch (error) {
    throw new TunnelOpenError(`tunnel server ${url.origin} unreachable: ${messageOf(error)}`, false, { cause: error });
  }
  if (response.status !== 200) {
    throw new TunnelOpenError(
      `tunnel server answered ${response.status}${serverMessage(response.body)}`,
      isPermanentStatus(response.status),
    );
  }
  const parsed = RegistrationSchema.safeParse(parseJson(response.body));
  if (!parsed.success) {
    throw new TunnelOpenError(`tunnel server ${url.origin} sent an unexpected answer`, false);
  }
  return parsed.data;
}

function registrationUrl(serverUrl: string, subdomain: string | undefined): URL {
  let base: URL;
  try {
    base = new URL(serverUrl);
  } catch {
    throw new TunnelOpenError(`invalid tunnel server URL: ${serverUrl}`, true);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') {
    throw new TunnelOpenError(`tunnel server URL must be http(s): ${serverUrl}`, true);
  }
  const path = base.pathname.replace(/\/+$/, '');
  return subdomain
    ? new URL(`${path}/${encodeURIComponent(subdomain)}`, base)
    : new URL(`${path}/?new`, base);
}

/** 4xx means "not with these settings" (e.g. 403 for an invalid subdomain) — except these. */
function isPermanentStatus(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

function serverMessage(body: string): string {
  const parsed = z.object({ message: z.string() }).safeParse(parseJson(body));
  return parsed.success ? `: ${parsed.data.message.slice(0, 200)}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
