import { createWriteStream } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../../context';
import { exportLog, previewExport } from '../../exports/export-log';
import type { Handlers } from '../dispatcher';

type ExportHandlers = Pick<Handlers, 'exports.preview' | 'exports.save'>;

export function exportHandlers(ctx: CoreContext): ExportHandlers {
  return {
    'exports.preview': ({ limit, ...request }) => previewExport(ctx, request, limit),
    'exports.save': async ({ path, exportId, ...request }, call) => {
      // A web page must never name a file on this machine to write: over HTTP the file is a download.
      if (call.transport === 'http') throw new ApiFailure('forbidden', 'Exports over HTTP are downloads: POST /api/exports/download streams the file.');
      if (path === undefined) throw new ApiFailure('invalid_input', 'Choose where to save the export.');
      if (!isAbsolute(path)) throw new ApiFailure('invalid_input', `Save the export to a full path, not "${path}".`);
      const out = createWriteStream(path);
      const summary = await exportLog(ctx, request, out, {
        onProgress: exportId ? (done, total) => ctx.emit('exports.progress', { exportId, done, total, state: 'running' }) : undefined,
      }).catch((error: unknown) => {
        out.destroy();
        if (exportId) ctx.emit('exports.progress', { exportId, done: 0, total: 0, state: 'failed' });
        throw new ApiFailure('internal', `Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
      });
      if (exportId) ctx.emit('exports.progress', { exportId, done: summary.count, total: summary.count, state: 'finished' });
      return { path, summary };
    },
  };
}
