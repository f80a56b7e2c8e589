import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail as failure, type ApiResult } from '../../shared/api/result';
import { nestedDeeperThan, tooDeepMessage } from '../../shared/json/nesting';
import type { Core } from '../core/create-core';
import { EXPORT_DOWNLOAD_PATH, streamExportDownload } from './export-download';
import { hasValidBearer, isAllowedHost, isAllowedOrigin, STATUS_BY_CODE } from './request-guards';
import { openSseStream } from './sse';
import { serveStatic } from './static';

export interface ControlServerOptions {
  core: Pick<Core, 'dispatch' | 'subscribe'> & Partial<Pick<Core, 'exportLog'>>;
  token: string;
  /** The control server is never reachable from another machine. */
  host?: '127.0.0.1';
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer); without it only the API is served. */
  staticDir?: string;
  bodyLimitBytes?: number;
  pingIntervalMs?: number;
}

export interface ControlServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_BODY_LIMIT = 32 * 1024 * 1024;

const sendJson = (res: ServerResponse, status: number, body: ApiResult<unknown>, extra: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  res.end(text);
};

class BodyTooLarge extends Error {}

const readBody = (req: IncomingMessage, limit: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** HTTP transport of the contract for the headless host (SPEC §10): API, push events and the UI. */
export async function createControlServer(options: ControlServerOptions): Promise<ControlServer> {
  const { core, token, staticDir } = options;
  const limit = options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT;
  const streams = new Set<ServerResponse>();
  let port = options.port;

  const handleCall = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    let raw: Buffer;
    try {
      raw = await readBody(req, limit);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(res, 413, failure('invalid_input', `request body exceeds ${limit} bytes`), { connection: 'close' });
        return;
      }
      throw error;
    }
    let input: unknown = {};
    if (raw.length > 0) {
      // Nothing in the contract nests this deep; a deeper value would only overflow whoever walks it.
      if (nestedDeeperThan(raw)) return sendJson(res, 400, failure('invalid_input', `body is JSON ${tooDeepMessage()}`));
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        sendJson(res, 400, failure('invalid_input', `body is not valid JSON: ${(error as Error).message}`));
        return;
      }
    }
    const result = await core.dispatch(method, input, { transport: 'http' });
    sendJson(res, result.ok ? 200 : STATUS_BY_CODE[result.error.code], result);
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (!hasValidBearer(req.headers.authorization, token)) {
      sendJson(res, 401, failure('unauthorized', 'missing or wrong token: use the UI URL printed by npm run serve'), {
        'www-authenticate': 'Bearer',
      });
      return;
    }
    if (path === '/api/events') {
      if (req.method !== 'GET') return sendJson(res, 405, failure('invalid_input', 'use GET for /api/events'), { allow: 'GET' });
      streams.add(res);
      openSseStream(req, res, {
        subscribe: (listener) => core.subscribe(listener),
        pingIntervalMs: options.pingIntervalMs ?? 15_000,
        onClose: () => streams.delete(res),
      });
      return;
    }
    if (path === EXPORT_DOWNLOAD_PATH && core.exportLog) return streamExportDownload(core.exportLog, req, res, sendJson);
    if (req.method !== 'POST') return sendJson(res, 405, failure('invalid_input', 'use POST for API calls'), { allow: 'POST' });
    let method: string;
    try {
      method = decodeURIComponent(path.slice('/api/'.length));
    } catch {
      return sendJson(res, 400, failure('invalid_input', 'malformed method name'));
    }
    await handleCall(req, res, method);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!isAllowedHost(req.headers.host, port)) {
      return sendJson(res, 403, failure('forbidden', `Host "${req.headers.host ?? ''}" is not this server`));
    }
    if (!isAllowedOrigin(req.headers.origin, port)) {
      return sendJson(res, 403, failure('forbidden', `Origin "${req.headers.origin ?? ''}" may not use this server`));
    }
    // The raw path, not a URL-normalised one, so traversal attempts are seen (and refused) as sent.
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/api' || path.startsWith('/api/')) return handleApi(req, res, path);
    if (staticDir) return serveStatic(req, res, staticDir, path);
    return sendJson(res, 404, failure('not_found', 'no UI is served here; the API lives under /api/'));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, failure('internal', error instanceof Error ? error.message : String(error)));
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of streams) res.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
