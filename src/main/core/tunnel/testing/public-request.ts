import http from 'node:http';
import type { LtServer } from './lt-server.js';

/** A response read in full. */
export interface PublicResponse {
  status: number;
  body: Buffer;
}

/**
 * Sends a request to a public URL the way the internet would reach it: to the tunnel server,
 * naming the tunnel in the Host header (the server routes by nothing else). Plain node:http, not
 * the code under test.
 */
export function requestThroughTunnel(
  server: LtServer,
  publicUrl: string,
  request: { method: string; path: string; body?: Buffer; timeoutMs?: number },
): Promise<PublicResponse> {
  const timeoutMs = request.timeoutMs ?? 5_000;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: server.port,
      method: request.method,
      path: request.path,
      headers: {
        host: new URL(publicUrl).host,
        ...(request.body ? { 'content-type': 'application/octet-stream', 'content-length': request.body.length } : {}),
      },
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    });
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.end(request.body);
  });
}
