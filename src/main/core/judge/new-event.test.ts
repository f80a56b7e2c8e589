import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail } from '../../../shared/domain/event';
import { startTestCore, type TestCore } from '../testing/test-core';

/*
 * The receiver, replay and import each log a request through judge/new-event.ts. For the same
 * request and configuration the three rows agree on everything the request and its judgement
 * decide; only how it got there (origin, replay link, arrival) differs.
 */

const JUDGED: Array<keyof EventDetail> = [
  'method', 'path', 'query', 'headers', 'contentType', 'bodyBase64', 'bodySize', 'parsedBody', 'parseError',
  'eventType', 'idempotencyKey', 'verification', 'verificationResult', 'responseStatus', 'error', 'preprocessOutput',
];
const judged = (e: EventDetail) => Object.fromEntries(JUDGED.map((k) => [k, e[k]]));

const REQUESTS: Array<{ name: string; method?: string; query?: string; contentType: string; body: string }> = [
  { name: 'a JSON event with a type and a key', contentType: 'application/json', body: '{"type":"user.created","id":"u1"}' },
  { name: 'a JSON array', contentType: 'application/json', body: '[{"type":"batch"}]' },
  { name: 'malformed JSON', contentType: 'application/json', body: '{"type": nope' },
  { name: 'a form body with a query string', query: 'a=1&b=two', contentType: 'application/x-www-form-urlencoded', body: 'type=form.sent&id=f9' },
  { name: 'plain text sent with PUT', method: 'PUT', contentType: 'text/plain', body: 'hello' },
  { name: 'an empty body', contentType: 'application/json', body: '' },
];

let t: TestCore;
let sourceId: string;
let url: string;

beforeAll(async () => {
  t = await startTestCore();
  ({ id: sourceId, url } = await t.source('same-rows'));
  await t.call('sources.update', { id: sourceId, settings: { development: { eventTypePath: 'body.type', idempotencyKeyPath: 'headers.x-request-id' } } });
  await t.call('mappings.create', { sourceId, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.id' } });
});
afterAll(() => t.close());

describe('one event factory for receiver, replay and import', () => {
  it.each(REQUESTS)('logs $name identically whichever way it arrives', async (r) => {
    const sent = await fetch(`${url}${r.query ? `?${r.query}` : ''}`, {
      method: r.method ?? 'POST',
      headers: { 'content-type': r.contentType, 'x-request-id': `req-${r.name}` },
      body: r.body,
    });
    const { event_id: receivedId } = (await sent.json()) as { event_id: number };
    const received = await t.call('events.get', { id: receivedId });

    const replayed = await t.call('events.get', { id: (await t.call('events.replay', { id: receivedId, mode: 'as_is' })).id });
    const { ids } = await t.call('events.import', {
      sourceId,
      environment: 'development',
      items: [{ method: received.method as 'POST' | 'PUT', headers: Object.fromEntries(received.headers), query: received.query, body: received.bodyBase64, bodyEncoding: 'base64' }],
    });
    const imported = await t.call('events.get', { id: ids[0]! });

    expect(judged(replayed)).toEqual(judged(received));
    expect(judged(imported)).toEqual(judged(received));
    expect([received.origin, replayed.origin, imported.origin]).toEqual(['received', 'replay', 'import']);
    expect(replayed).toMatchObject({ replayOf: receivedId, replayMode: 'as_is' });
    // A live event and its replay are mapped alike; an import is never mapped on arrival.
    const outcome = async (id: number) => {
      const e = await t.call('events.get', { id });
      return { processing: e.processing, actionStatus: e.actionStatus };
    };
    await expect.poll(() => outcome(receivedId)).not.toMatchObject({ processing: 'pending' });
    await expect.poll(() => outcome(replayed.id)).toEqual(await outcome(receivedId));
    expect(imported).toMatchObject({ processing: 'none', actionStatus: null, replayOf: null, replayMode: null });
  });
});
