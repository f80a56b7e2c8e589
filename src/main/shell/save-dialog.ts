import { ok } from '../../shared/api/result';
import type { Core } from '../core/create-core';

const EXTENSIONS: Record<string, string> = { jsonl: 'jsonl', har: 'har', http: 'http', bundle: 'inlet-bundle.json' };

/**
 * `exports.save` from the window: the file is always the one the user picks in the Save dialog,
 * never a path the page sends (a compromised page must not write anywhere it likes). A cancelled
 * dialog answers `{path: null}` and writes nothing.
 */
export function withSaveDialog(dispatch: Core['dispatch'], askPath: (defaultName: string) => Promise<string | null>): Core['dispatch'] {
  return async (method, input, ctx) => {
    if (method !== 'exports.save') return dispatch(method, input, ctx);
    const request: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...(input as Record<string, unknown>) } : {};
    delete request.path;
    const extension = EXTENSIONS[String(request.format)] ?? 'txt';
    const path = await askPath(`inlet-export-${new Date().toISOString().slice(0, 10)}.${extension}`);
    if (path === null) return ok({ path: null, summary: null });
    return dispatch(method, { ...request, path }, ctx);
  };
}
