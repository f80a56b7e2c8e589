import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { PushMessage } from '../../../shared/api/events';
import type { CoreContext } from '../context';
import { createCoreContext } from '../core-context';
import type { Logger } from '../ports';
import type { NewEvent } from '../store/repos/events.repo';
import { RUNNING_BUSY_TIMEOUT_MS } from '../util/sqlite-errors';
import { memorySecretStore } from './test-core';

export interface RecordingLogger extends Logger {
  lines: string[];
}

/** A logger that keeps what it was told, for tests that wait for a job to say it paused. */
export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push(`${level} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/**
 * The core's context on `dir`'s database file, configured as `createCore` runs it (short busy
 * timeout), without servers or timers, so a test can drive one background job at a time.
 */
export function openContext(dir: string) {
  const logger = recordingLogger();
  const pushed: PushMessage[] = [];
  const ctx: CoreContext = createCoreContext(
    { dataDir: dir, secretStore: memorySecretStore(), logger },
    { emit: (name, payload) => void pushed.push({ name, payload } as PushMessage), receiverUrl: () => '' },
  );
  ctx.db.pragma(`busy_timeout = ${RUNNING_BUSY_TIMEOUT_MS}`);
  return { ctx, logger, pushed };
}

/** Another connection (think `sqlite3 inlet.db`) takes the write lock; call the result to release it. */
export function holdWriteLock(dir: string, file = 'inlet.db'): () => void {
  const other = new Database(join(dir, file));
  other.exec('BEGIN IMMEDIATE');
  return () => {
    other.exec('COMMIT');
    other.close();
  };
}

/** An accepted request for `sourceId`, waiting to be processed. */
export function pendingEvent(sourceId: string, body: unknown, eventType: string): NewEvent {
  return {
    receivedAt: Date.now(), sourceId, environment: 'development', method: 'POST', path: '/in/test', query: '', headers: [],
    contentType: 'application/json', body: Buffer.from(JSON.stringify(body)), parseError: null, eventType, idempotencyKey: null,
    verification: { status: 'unverified', scheme: 'none' }, responseStatus: 200, error: null, remoteAddress: null,
    processing: 'pending', actionStatus: null, replayOf: null, replayMode: null, origin: 'received', dedupe: true, preprocessOutput: null,
  };
}
