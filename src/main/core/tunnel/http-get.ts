import http from 'node:http';
import https from 'node:https';

/** Where to open the TCP connection for a URL, when DNS must not decide (tests, split horizons). */
export type ConnectTo = (url: URL) => { host: string; port: number } | undefined;

export interface HttpGetOptions {
  timeoutMs: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
  connectTo?: ConnectTo;
  /** Bodies beyond this are cut off; callers here only read small JSON or nothing. */
  maxBodyBytes?: number;
}

export interface HttpGetResult {
  status: number;
  body: string;
}

/**
 * A one-shot GET with a hard deadline. Node's http rather than fetch: the Host header must be
 * settable (fetch forbids it) so a request can go to one address while naming another host, and
 * `agent: false` leaves no pooled keep-alive socket holding the process open after stop.
 */
export function httpGet(url: URL, options: HttpGetOptions): Promise<HttpGetResult> {
  const target = options.connectTo?.(url);
  const secure = url.protocol === 'https:';
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request({
      host: target?.host ?? url.hostname,
      port: target?.port ?? (url.port || (secure ? 443 : 80)),
      servername: secure ? url.hostname : undefined,
      method: 'GET',
      path: `${url.pathname}${url.search}`,
      headers: { host: url.host, connection: 'close', ...options.headers },
      agent: false,
      timeout: options.timeoutMs,
      signal: options.signal,
    });
    // The socket timeout only counts idle time; this bounds the whole exchange.
    const deadline = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    request.on('timeout', () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)));
    request.on('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBody) chunks.push(chunk);
      });
      response.on('end', () => {
        clearTimeout(deadline);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      response.on('error', (error) => {
        clearTimeout(deadline);
        reject(error);
      });
    });
    request.end();
  });
}
