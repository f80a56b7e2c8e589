import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { runImport } from '../capture-import';
import type { LoadedScenario } from './load';
import type { Prepared } from './prepare';
import type { ImportStep, SendFileStep } from './schema';

/** One event a step logged, and what answered it (null for an import's entry that was not replayed). */
export interface Logged {
  id: number;
  status: number | null;
}

export interface ImportCounts {
  imported: number;
  skipped: number;
  failed: number;
  /** The first entries that could not be imported: `line 3: …`. */
  errors: string[];
}

export interface RawRequest {
  method: string;
  headers: Record<string, string>;
  query: string;
  body: string | Buffer;
}

/** Posts a request as written to the source's receiver URL; the receiver answers with the event it logged. */
export async function postToReceiver(prepared: Prepared, source: string, request: RawRequest): Promise<Logged> {
  const url = `${prepared.endpoint(source)}${request.query ? `?${request.query.replace(/^\?/, '')}` : ''}`;
  const response = await fetch(url, { method: request.method, headers: request.headers, body: request.body });
  const answer: unknown = await response.json().catch(() => null);
  const eventId = typeof answer === 'object' && answer !== null && 'event_id' in answer ? answer.event_id : undefined;
  if (typeof eventId !== 'number') throw new Error(`The receiver answered ${response.status} without logging an event`);
  return { id: eventId, status: response.status };
}

/** A file posted without a content-type header says what it is by its name, else by whether it is JSON. */
function contentTypeOf(path: string, body: Buffer): string {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'application/json';
  if (ext === '.xml') return 'application/xml';
  try {
    JSON.parse(body.toString('utf8'));
    return 'application/json';
  } catch {
    return 'text/plain';
  }
}

/** `sendFile`: the file signed as a sample (the core signs it), or posted as written. */
export async function sendFile(prepared: Prepared, loaded: LoadedScenario, step: SendFileStep): Promise<Logged> {
  const path = loaded.fileOf(step.path);
  if (step.sample !== undefined) {
    const { sourceId, sampleId } = prepared.sample(step.source, step.sample);
    const result = await prepared.client.call('events.sendTest', {
      sourceId,
      environment: prepared.environment,
      sample: { sampleId },
      body: readFileSync(path, 'utf8'),
      overrides: Object.entries(step.set ?? {}).map(([at, value]) => ({ path: at, value })),
    });
    return { id: result.event.id, status: result.status };
  }
  const body = readFileSync(path);
  const headers = step.headers ?? {};
  const typed = Object.keys(headers).some((h) => h.toLowerCase() === 'content-type');
  return postToReceiver(prepared, step.source, {
    method: step.method ?? 'POST',
    headers: typed ? headers : { 'content-type': contentTypeOf(path, body), ...headers },
    query: step.query ?? '',
    body,
  });
}

/** `import`: the captures file through the contract's import (as `inlet import`), then each one replayed when asked. */
export async function importFile(prepared: Prepared, loaded: LoadedScenario, step: ImportStep): Promise<{ events: Logged[]; counts: ImportCounts }> {
  const { client, environment } = prepared;
  const end = await runImport(client, {
    sourceId: prepared.sourceId(step.source),
    environment,
    path: loaded.fileOf(step.path),
    ...(step.format ? { format: step.format } : {}),
    ...(step.entries ? { select: step.entries } : {}),
  });
  if (end.state === 'failed') throw new Error(`${step.path}: ${end.error ?? 'the import stopped'}`);
  const counts = { imported: end.imported, skipped: end.skipped, failed: end.failed, errors: end.errors.map((e) => `${e.where}: ${e.error}`) };
  const ids = end.ids ?? [];
  if (step.replay === false) return { events: ids.map((id) => ({ id, status: null })), counts };
  const events: Logged[] = [];
  // One at a time, in the file's order: a later event may need what an earlier one created.
  for (const id of ids) {
    const replayed = await client.call('events.replay', { id, ...(step.replay === true ? {} : { mode: step.replay }), respectIdempotency: false });
    events.push({ id: replayed.id, status: replayed.responseStatus });
  }
  return { events, counts };
}
