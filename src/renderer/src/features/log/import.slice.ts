import type { StateCreator } from 'zustand';
import type { ApiClient } from '../../../../shared/api/client';
import { MAX_CAPTURE_TEXT, type CapturePreview, type CaptureProgress } from '../../../../shared/api/contract-captures';
import type { EventSummary } from '../../../../shared/domain/event';
import { describeError } from '../../lib/errors';
import type { AppState } from '../../app/store';
import type { Capture } from './capture-format';
import { EMPTY_FILTER } from './log-filter';
import { modeInput, type BulkReplayOptions } from './replay.slice';

/** `events.import` takes at most 5,000 items; smaller chunks move the progress bar and stay far below the host's body limit. */
export const CHUNK_ITEMS = 500;
export const CHUNK_BYTES = 4 * 1024 * 1024;
/** Up to this many imported events are replayed one by one (each opens at once); more go as a bulk job. */
export const REPLAY_ONE_BY_ONE = 5;

/** A file bigger than this is previewed from its start and sent in parts. */
export const WHOLE_TEXT_BYTES = MAX_CAPTURE_TEXT;
const PREVIEW_HEAD_BYTES = 2 * 1024 * 1024;
const PART_BYTES = 4 * 1024 * 1024;

/** What captures are read from: pasted text, or a file (read in parts when large). */
export type CaptureSource = { name: string; text: string } | { name: string; file: File };

export interface CapturePreviewState {
  state: 'loading' | 'ready' | 'error';
  name: string;
  preview?: CapturePreview;
  error?: string;
}

export interface ImportJob {
  state: 'sending' | 'done' | 'cancelled' | 'failed';
  sourceId: string;
  environment: string;
  /** Requests, or characters for a captures import (its progress is how much was read). */
  total: number;
  sent: number;
  /** A captures import (`captures.import`): its job, and what it reported. */
  jobId?: string;
  imported?: number;
  skipped?: number;
  failed?: number;
  errors?: CaptureProgress['errors'];
  /** Log ids of what was imported so far, in order. */
  ids: number[];
  error?: string;
}

export interface ImportSlice {
  importJob: ImportJob | null;
  importReplay: { state: 'idle' | 'running' | 'failed'; error?: string };
  /** Sends captures in chunks with progress; Cancel stops before the next chunk (what was sent stays). */
  importCaptures(sourceId: string, environment: string, items: readonly Capture[]): Promise<void>;
  cancelImport(): void;
  clearImport(): void;
  capturePreview: CapturePreviewState | null;
  /** Detects the format and reads the captures without importing (a large file: its start). */
  previewCaptures(source: CaptureSource, where: { sourceId: string; environment: string }): Promise<void>;
  clearCapturePreview(): void;
  /** Imports captures as a job on the host; progress arrives as `captures.progress`. */
  importCaptureSource(sourceId: string, environment: string, source: CaptureSource, select?: number[]): Promise<void>;
  receiveCaptureProgress(progress: CaptureProgress): void;
  /** Replays what was imported through the current mappings, then shows the replays in the log. */
  replayImported(options: BulkReplayOptions): Promise<boolean>;
}

/** Consecutive chunks of at most `maxItems` items and about `maxBytes` on the wire (a bigger item goes alone). */
export function chunkCaptures<T>(items: readonly T[], maxItems = CHUNK_ITEMS, maxBytes = CHUNK_BYTES): T[][] {
  const chunks: T[][] = [];
  let chunk: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (chunk.length > 0 && (chunk.length >= maxItems || bytes + size > maxBytes)) {
      chunks.push(chunk);
      chunk = [];
      bytes = 0;
    }
    chunk.push(item);
    bytes += size;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

export const createImportSlice =
  (api: ApiClient): StateCreator<AppState, [], [], ImportSlice> =>
  (set, get) => {
    let cancelled = false;
    const patchJob = (patch: Partial<ImportJob>) => {
      const job = get().importJob;
      if (job) set({ importJob: { ...job, ...patch } });
    };

    const replayOneByOne = async (ids: readonly number[], options: BulkReplayOptions): Promise<EventSummary[]> => {
      const replays: EventSummary[] = [];
      for (const id of ids) replays.push(await api.call('events.replay', { id, ...modeInput(options) }));
      return replays;
    };

    let previewSeq = 0;
    /** Reports that came before `captures.import` answered with the job's id (a small import can end first). */
    let early: CaptureProgress[] = [];
    /** Sends a large file in parts, each once the host took the one before; UTF-8 split across parts is decoded whole. */
    const sendParts = async (jobId: string, file: File) => {
      const decoder = new TextDecoder();
      for (let at = 0; at < file.size; at += PART_BYTES) {
        const last = at + PART_BYTES >= file.size;
        const text = decoder.decode(await file.slice(at, at + PART_BYTES).arrayBuffer(), { stream: !last });
        if (!(await api.call('captures.append', { jobId, text, end: last })).accepted) return;
      }
      if (file.size === 0) await api.call('captures.append', { jobId, text: '', end: true });
    };

    return {
      importJob: null,
      importReplay: { state: 'idle' },
      capturePreview: null,
      async previewCaptures(source, where) {
        const seq = ++previewSeq;
        set({ capturePreview: { state: 'loading', name: source.name } });
        try {
          const whole = 'text' in source || source.file.size <= WHOLE_TEXT_BYTES;
          const text = 'text' in source ? source.text : await source.file.slice(0, whole ? source.file.size : PREVIEW_HEAD_BYTES).text();
          const preview = await api.call('captures.preview', { ...where, text, partial: !whole, limit: 500 });
          if (seq === previewSeq) set({ capturePreview: { state: 'ready', name: source.name, preview } });
        } catch (error) {
          if (seq === previewSeq) set({ capturePreview: { state: 'error', name: source.name, error: describeError(error) } });
        }
      },
      clearCapturePreview: () => {
        previewSeq += 1;
        set({ capturePreview: null });
      },
      async importCaptureSource(sourceId, environment, source, select) {
        if (get().importJob?.state === 'sending') return;
        const size = 'text' in source ? source.text.length : source.file.size;
        set({ importJob: { state: 'sending', sourceId, environment, total: size, sent: 0, ids: [], imported: 0 }, importReplay: { state: 'idle' } });
        const streamed = 'file' in source && source.file.size > WHOLE_TEXT_BYTES;
        const format = get().capturePreview?.preview?.format;
        try {
          const text = 'text' in source ? source.text : streamed ? undefined : await source.file.text();
          const { jobId } = await api.call('captures.import', { sourceId, environment, ...(format ? { format } : {}), ...(select ? { select } : {}), ...(text === undefined ? { streamed: true } : { text }) });
          patchJob({ jobId });
          const before = early.filter((p) => p.jobId === jobId);
          early = [];
          before.forEach((p) => get().receiveCaptureProgress(p));
          if (streamed && 'file' in source) await sendParts(jobId, source.file);
        } catch (error) {
          patchJob({ state: 'failed', error: describeError(error) });
        }
      },
      receiveCaptureProgress(p) {
        const job = get().importJob;
        if (job?.state === 'sending' && job.total > 0 && job.jobId === undefined) early.push(p);
        if (!job || job.jobId !== p.jobId) return;
        const state = p.state === 'running' ? 'sending' : p.state === 'finished' ? 'done' : p.state;
        patchJob({
          state,
          sent: p.read,
          ...(p.total !== null ? { total: p.total } : {}),
          imported: p.imported,
          skipped: p.skipped,
          failed: p.failed,
          errors: p.errors,
          ...(p.ids ? { ids: p.ids } : {}),
          ...(p.error ? { error: p.error } : {}),
        });
      },
      async importCaptures(sourceId, environment, items) {
        if (get().importJob?.state === 'sending') return;
        cancelled = false;
        set({ importJob: { state: 'sending', sourceId, environment, total: items.length, sent: 0, ids: [] }, importReplay: { state: 'idle' } });
        for (const chunk of chunkCaptures(items)) {
          if (cancelled) return patchJob({ state: 'cancelled' });
          try {
            const { ids } = await api.call('events.import', { sourceId, environment, items: chunk });
            const job = get().importJob;
            patchJob({ sent: (job?.sent ?? 0) + chunk.length, ids: [...(job?.ids ?? []), ...ids] });
          } catch (error) {
            return patchJob({ state: 'failed', error: describeError(error) });
          }
        }
        patchJob({ state: cancelled ? 'cancelled' : 'done' });
      },
      cancelImport() {
        cancelled = true;
        const jobId = get().importJob?.jobId;
        if (jobId) void api.call('captures.cancel', { jobId }).catch(() => undefined);
      },
      clearImport: () => set({ importJob: null, importReplay: { state: 'idle' }, capturePreview: null }),
      async replayImported(options) {
        const job = get().importJob;
        if (!job || job.ids.length === 0 || job.state === 'sending') return false;
        set({ importReplay: { state: 'running' } });
        const replaysOf = { ...EMPTY_FILTER, sourceId: job.sourceId, origin: 'replay' as const };
        try {
          if (job.ids.length <= REPLAY_ONE_BY_ONE) {
            const replays = await replayOneByOne(job.ids, options);
            await get().showLog(job.environment, replaysOf);
            const first = replays[0];
            if (first) await get().openEvent(first.id);
          } else {
            await get().replayMatching({ ids: job.ids, max: job.ids.length }, options);
            await get().showLog(job.environment, replaysOf);
          }
          set({ importReplay: { state: 'idle' }, importJob: null });
          return true;
        } catch (error) {
          set({ importReplay: { state: 'failed', error: describeError(error) } });
          return false;
        }
      },
    };
  };
