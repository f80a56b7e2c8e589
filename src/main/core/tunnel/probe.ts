import { randomBytes, timingSafeEqual } from 'node:crypto';
import { httpGet, type ConnectTo } from './http-get.js';

/** The receiver answers `GET <PROBE_PATH_PREFIX><token>` with 200 when the token is the manager's. */
export const PROBE_PATH_PREFIX = '/__inlet_probe/';

/** A secret only this process knows, so a 200 proves the request went through our tunnel. */
export function createProbeToken(): string {
  return randomBytes(24).toString('base64url');
}

/** Constant-time comparison; `candidate` comes from a public request. */
export function tokenMatches(expected: string, candidate: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ProbeOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  connectTo?: ConnectTo;
}

/** The outcome of one end-to-end request through the public URL. */
export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** Requests the probe route through the public URL; anything but a 200 in time is a failure. */
export async function probeTunnel(publicUrl: string, token: string, options: ProbeOptions): Promise<ProbeResult> {
  const url = new URL(`${PROBE_PATH_PREFIX}${token}`, publicUrl);
  try {
    const response = await httpGet(url, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      connectTo: options.connectTo,
      headers: {
        // localtunnel.me puts a reminder page in front of browser-like requests; this skips it.
        'bypass-tunnel-reminder': '1',
        'user-agent': 'inlet-tunnel-probe',
        'cache-control': 'no-store',
      },
      maxBodyBytes: 1024,
    });
    return response.status === 200 ? { ok: true } : { ok: false, reason: `probe answered ${response.status}` };
  } catch (error) {
    return { ok: false, reason: `probe failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
