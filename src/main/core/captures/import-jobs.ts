import { createReadStream, statSync } from 'node:fs';
import { ApiFailure } from '../../../shared/api/result';
import type { CaptureProgress } from '../../../shared/api/contract-captures';
import type { CoreContext } from '../context';
import { importEvents, type ImportItem } from '../portability/import-events';
import type { IngestQueue } from '../receiver/ingest-queue';
import { newId } from '../util/ids';
import { createChunkFeed, type ChunkFeed } from './chunk-feed';
import { errorText, whereText, type CaptureFormat, type CaptureRequest, type Chunks } from './entry';
import { readCaptures } from './read-captures';

/** Requests written per batch (and bytes of bodies): each batch is judged and committed before the next is read. */
const BATCH_ITEMS = 250;
const BATCH_BYTES = 4 * 1024 * 1024;
/** Errors reported by place and reason; the count covers them all. */
const MAX_ERRORS = 50;
/** The ids a job hands back (the most `events.replayMany` takes). */
const MAX_IDS = 100_000;
/** An ended job's last report stays readable this long (`captures.status`). */
const KEEP_ENDED_MS = 10 * 60_000;

export interface ImportJobInput {
  sourceId: string;
  environment: string;
  format?: CaptureFormat | undefined;
  select?: readonly number[] | undefined;
  text?: string | undefined;
  path?: string | undefined;
  streamed?: true | undefined;
}

interface Job {
  progress: CaptureProgress;
  cancelled: boolean;
  feed: ChunkFeed | null;
  endedAt: number | null;
  ids: number[];
}

/** Counts characters as they are read, for the progress bar. */
async function* counted(chunks: Chunks, job: Job): AsyncGenerator<string> {
  for await (const chunk of chunks) {
    job.progress.read += chunk.length;
    yield chunk;
  }
}

/** A file by path as text chunks; its size (in bytes, close to characters for text) sizes the progress bar. */
function fileChunks(path: string): { chunks: AsyncIterable<string>; size: number } {
  let size: number;
  try {
    size = statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ApiFailure('invalid_input', `Can't read ${path}: ${code === 'ENOENT' ? 'no such file' : errorText(error)}.`);
  }
  return { chunks: createReadStream(path, { encoding: 'utf8', highWaterMark: 1024 * 1024 }) as AsyncIterable<string>, size };
}

/**
 * Imports run in the background, reading their text as a stream and writing a batch at a time
 * through the import path, so a 100 MB file holds one batch in memory, not the file; progress is
 * pushed as `captures.progress` and Cancel stops between batches (what was written stays).
 */
export function createCaptureImports(ctx: CoreContext, queue: IngestQueue) {
  const jobs = new Map<string, Job>();

  const report = (job: Job) => ctx.emit('captures.progress', { ...job.progress, errors: [...job.progress.errors] });
  const forget = () => {
    const now = ctx.clock.now();
    for (const [id, job] of jobs) if (job.endedAt !== null && now - job.endedAt > KEEP_ENDED_MS) jobs.delete(id);
  };

  async function run(jobId: string, job: Job, input: ImportJobInput, chunks: Chunks): Promise<void> {
    const p = job.progress;
    const select = input.select ? new Set(input.select) : null;
    let batch: ImportItem[] = [];
    let batchBytes = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const items = batch;
      batch = [];
      batchBytes = 0;
      const ids = await importEvents(ctx, queue, { sourceId: input.sourceId, environment: input.environment, items });
      p.imported += ids.length;
      for (const id of ids) if (job.ids.length < MAX_IDS) job.ids.push(id);
      report(job);
    };
    const end = (state: CaptureProgress['state'], error?: string) => {
      p.state = state;
      if (error !== undefined) p.error = error;
      job.endedAt = ctx.clock.now();
      job.feed?.close();
      ctx.emit('captures.progress', { ...p, errors: [...p.errors], ids: job.ids });
    };
    try {
      const started = await readCaptures(counted(chunks, job), input.format);
      if (!started.ok) return end('failed', started.error);
      p.format = started.format;
      let ordinal = 0;
      for await (const entry of started.entries) {
        ordinal += 1;
        if (select && !select.has(ordinal)) continue;
        if (entry.kind === 'skipped') p.skipped += 1;
        else if (entry.kind === 'error') {
          p.failed += 1;
          if (p.errors.length < MAX_ERRORS) p.errors.push({ where: whereText(entry.at), error: entry.error });
        } else {
          batch.push(toItem(entry.request));
          batchBytes += entry.request.body.length;
          if (batch.length >= BATCH_ITEMS || batchBytes >= BATCH_BYTES) await flush();
        }
        if (job.cancelled) return end('cancelled');
      }
      await flush();
      end(job.cancelled ? 'cancelled' : 'finished');
    } catch (error) {
      end('failed', error instanceof ApiFailure ? error.message : `The import stopped: ${errorText(error)}`);
    }
  }

  return {
    start(input: ImportJobInput): { jobId: string } {
      forget();
      // Unknown source or environment: refused before anything is read.
      if (!ctx.routes.forSource(input.sourceId, input.environment)) throw new ApiFailure('not_found', `No source "${input.sourceId}" in environment "${input.environment}"`);
      const file = input.path !== undefined ? fileChunks(input.path) : null;
      const jobId = newId('import');
      const feed = input.streamed ? createChunkFeed() : null;
      const job: Job = {
        progress: { jobId, state: 'running', format: null, imported: 0, skipped: 0, failed: 0, errors: [], read: 0, total: file?.size ?? input.text?.length ?? null },
        cancelled: false,
        feed,
        endedAt: null,
        ids: [],
      };
      jobs.set(jobId, job);
      const chunks: Chunks = file?.chunks ?? feed?.chunks ?? [input.text ?? ''];
      void run(jobId, job, input, chunks);
      return { jobId };
    },
    async append(jobId: string, text: string, end: boolean): Promise<boolean> {
      const job = jobs.get(jobId);
      if (!job?.feed) throw new ApiFailure('not_found', `No streamed import ${jobId}`);
      return job.feed.push(text, end);
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job || job.endedAt !== null) return false;
      job.cancelled = true;
      // A streamed import waiting for its next part stops at once.
      job.feed?.close();
      return true;
    },
    status(jobId: string): CaptureProgress | null {
      const job = jobs.get(jobId);
      return job ? { ...job.progress, ...(job.endedAt !== null ? { ids: job.ids } : {}) } : null;
    },
    cancelAll(): void {
      for (const job of jobs.values()) {
        job.cancelled = true;
        job.feed?.close();
      }
    },
  };
}
export type CaptureImports = ReturnType<typeof createCaptureImports>;

const toItem = (r: CaptureRequest): ImportItem => ({ method: r.method, headers: r.headers, body: r.body, bodyEncoding: r.bodyEncoding, query: r.query, unsigned: r.unsigned, redacted: r.redacted });
