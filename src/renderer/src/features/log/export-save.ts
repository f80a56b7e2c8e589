import type { ApiClient } from '../../../../shared/api/client';
import type { LogExportRequestInput, LogExportSummary } from '../../../../shared/domain/log-export';
import { TOKEN_STORAGE_KEY } from '../../api/token';
import { saveBlob } from '../../lib/download';

export interface SaveOutcome {
  /** False: the Save dialog was cancelled, nothing written. */
  saved: boolean;
  summary: LogExportSummary | null;
  fileName: string | null;
}

/** Writes an export where this window's host can: a file from the desktop Save dialog, or a download. */
export type ExportSaver = (request: LogExportRequestInput, job: { exportId: string; signal: AbortSignal; onBytes(bytes: number): void }) => Promise<SaveOutcome>;

/**
 * In the desktop app, `exports.save` asks the main process for a Save dialog and streams to that
 * file. In a browser (the headless host), the host streams the file as a download; the bytes are
 * gathered into one Blob here, which the browser then saves.
 */
export const defaultSaver =
  (api: ApiClient): ExportSaver =>
  async (request, job) => {
    if (typeof window !== 'undefined' && 'inlet' in window) {
      const { path, summary } = await api.call('exports.save', { ...request, exportId: job.exportId });
      return { saved: path !== null, summary, fileName: path };
    }
    const res = await fetch('/api/exports/download', {
      method: 'POST',
      headers: { authorization: `Bearer ${sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? ''}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...request, exportId: job.exportId }),
      signal: job.signal,
      cache: 'no-store',
    });
    if (!res.ok || !res.body) {
      const answer = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      throw new Error(answer?.error?.message ?? `The host answered ${res.status}.`);
    }
    const parts: Uint8Array[] = [];
    let bytes = 0;
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      bytes += value.length;
      job.onBytes(bytes);
    }
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'inlet-export';
    saveBlob(fileName, new Blob(parts as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
    // The summary travels as an HTTP trailer, which fetch does not expose: the exports.progress push says how many.
    return { saved: true, summary: null, fileName };
  };
