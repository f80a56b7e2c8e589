import { request } from 'node:http';
import type { Writable } from 'node:stream';
import { fail, ok, type ApiResult } from '../shared/api/result';
import { LogExportSummarySchema, type LogExportSummary } from '../shared/domain/log-export';
import type { ExportStreamOptions } from '../main/core/exports/export-stream';
import { EXPORT_DOWNLOAD_PATH, SUMMARY_TRAILER } from '../main/host/export-download';

/**
 * A log export streamed from a running host's download route into `out` (a file, stdout): the
 * command holds no more of the file than the socket hands it.
 */
export function downloadExport(host: { url: string; token: string }, input: unknown, out: Writable, options: ExportStreamOptions = {}): Promise<ApiResult<LogExportSummary>> {
  const body = JSON.stringify(input);
  return new Promise((resolve) => {
    const req = request(`${host.url}${EXPORT_DOWNLOAD_PATH}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${host.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    req.on('error', (error) => resolve(fail('internal', `Lost the connection to Inlet: ${error.message}`)));
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text) as ApiResult<LogExportSummary>);
          } catch {
            resolve(fail('internal', `Inlet answered ${res.statusCode ?? 0}: ${text.slice(0, 200)}`));
          }
        });
        return;
      }
      const match = /filename="([^"]+)"/.exec(res.headers['content-disposition'] ?? '');
      options.onStart?.({ contentType: res.headers['content-type'] ?? '', fileName: match?.[1] ?? 'inlet-export' });
      res.pipe(out, { end: options.end !== false });
      res.on('error', (error) => resolve(fail('internal', `The export stopped: ${error.message}`)));
      res.on('close', () => {
        if (!res.complete) resolve(fail('internal', 'Inlet stopped the export before it was complete.'));
      });
      res.on('end', () => {
        const summary = LogExportSummarySchema.safeParse(JSON.parse(res.trailers[SUMMARY_TRAILER] ?? 'null'));
        const done = () => resolve(summary.success ? ok(summary.data) : fail('internal', 'The export ended before it was complete.'));
        if (options.end === false || out.writableFinished) done();
        else out.once('finish', done);
      });
    });
    req.end(body);
  });
}
