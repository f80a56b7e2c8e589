import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, type ApiResult } from '../../shared/api/result';
import type { Core } from '../core/create-core';
import { STATUS_BY_CODE } from './request-guards';

/** Where the control server streams log exports (issue #13): `POST` the `exports.save` input, minus `path`. */
export const EXPORT_DOWNLOAD_PATH = '/api/exports/download';
/** The trailer that carries the export's summary (`LogExportSummary` as JSON). */
export const SUMMARY_TRAILER = 'x-inlet-export-summary';
/** An export's input is a filter and rules, never large. */
const INPUT_LIMIT = 1024 * 1024;

type Reply = (res: ServerResponse, status: number, body: ApiResult<unknown>, extra?: Record<string, string>) => void;

async function readInput(req: IncomingMessage): Promise<{ ok: true; input: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > INPUT_LIMIT) return { ok: false, message: `the export's input exceeds ${INPUT_LIMIT} bytes` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return { ok: true, input: text === '' ? {} : (JSON.parse(text) as unknown) };
  } catch (error) {
    return { ok: false, message: `body is not valid JSON: ${(error as Error).message}` };
  }
}

/**
 * Streams a log export as a download: the headers go out once the input is valid, then the file
 * page by page. The caller has checked the token, Host and Origin. A client that goes away stops
 * the export at its next page; a failure after the first byte ends the response abruptly, so a
 * truncated file is never mistaken for a whole one.
 */
export async function streamExportDownload(exportLog: Core['exportLog'], req: IncomingMessage, res: ServerResponse, reply: Reply): Promise<void> {
  if (req.method !== 'POST') return reply(res, 405, fail('invalid_input', `use POST for ${EXPORT_DOWNLOAD_PATH}`), { allow: 'POST' });
  const read = await readInput(req);
  if (!read.ok) return reply(res, 400, fail('invalid_input', read.message));
  const gone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) gone.abort();
  });
  const result = await exportLog(read.input, res, {
    signal: gone.signal,
    end: false,
    onStart: ({ contentType, fileName }) =>
      res.writeHead(200, {
        'content-type': contentType,
        'content-disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        trailer: SUMMARY_TRAILER,
      }),
  });
  if (result.ok) {
    // How many events went out is known only at the end: a client that reads trailers (the CLI) gets it.
    res.addTrailers({ [SUMMARY_TRAILER]: JSON.stringify(result.value) });
    res.end();
    return;
  }
  if (res.headersSent) res.destroy();
  else reply(res, STATUS_BY_CODE[result.error.code], result);
}
