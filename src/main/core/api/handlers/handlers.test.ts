import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ApiCallError } from '../../../../shared/api/result';
import { startTestCore, type TestCore } from '../../testing/test-core';

let t: TestCore;
beforeEach(async () => {
  t = await startTestCore();
});
afterEach(() => t.close());

const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    if (e instanceof ApiCallError) return e.error;
    throw e;
  }
  throw new Error('expected the call to fail');
};

describe('environments', () => {
  it('start as development and production', async () => {
    expect((await t.call('environments.list', {})).map((e) => e.key)).toEqual(['development', 'production']);
  });

  it('gives every existing source its own URL and settings in a new environment', async () => {
    const { id } = await t.source('stripe');
    await t.call('sources.update', { id, settings: { development: { eventTypePath: 'body.kind' } } });
    const env = await t.call('environments.create', { key: 'staging' });
    expect(env.name).toBe('Staging');
    const source = await t.call('sources.get', { id });
    const staging = source.settings.find((s) => s.environment === 'staging')!;
    expect(staging.eventTypePath).toBe('body.kind');
    expect(staging.secrets).toEqual([]);
    expect(new Set(source.settings.map((s) => s.endpointToken)).size).toBe(3);
  });

  it('renames without changing the key', async () => {
    const env = await t.call('environments.rename', { key: 'production', name: 'Live' });
    expect(env).toMatchObject({ key: 'production', name: 'Live' });
  });

  it('never deletes the last environment', async () => {
    await t.call('environments.delete', { key: 'production' });
    const error = await failure(t.call('environments.delete', { key: 'development' }));
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/last environment/) });
  });

  it('refuses a duplicate or malformed key', async () => {
    expect(await failure(t.call('environments.create', { key: 'production' }))).toMatchObject({ code: 'conflict' });
    expect(await failure(t.call('environments.create', { key: 'Bad Key' }))).toMatchObject({ code: 'invalid_input' });
  });
});

describe('sources', () => {
  it('creates a Custom source with an unguessable token per environment', async () => {
    const source = await t.call('sources.create', { key: 'custom_http', name: 'My service' });
    expect(source).toMatchObject({ key: 'custom_http', name: 'My service', templateId: 'custom' });
    expect(source.settings.map((s) => s.environment)).toEqual(['development', 'production']);
    for (const s of source.settings) {
      expect(Buffer.from(s.endpointToken, 'base64url').length).toBeGreaterThanOrEqual(16);
      expect(s).toMatchObject({ enabled: true, eventTypePath: 'body.type', verification: { scheme: 'none' } });
    }
  });

  it('refuses a second source with the same key', async () => {
    await t.source('stripe');
    expect(await failure(t.call('sources.create', { key: 'stripe' }))).toMatchObject({ code: 'conflict' });
  });

  it('keeps secrets encrypted, shows them masked, and reveals them on request', async () => {
    const { id } = await t.source('stripe');
    const secret = 'whsec_5WbX5kEWLlfzsGNjH64I8lOOqUB6e8FH';
    const updated = await t.call('sources.addSecret', { id, environment: 'development', secret });
    const info = updated.settings[0]!.secrets[0]!;
    expect(info.preview).toBe('whsec_…e8FH');
    expect(JSON.stringify(updated)).not.toContain(secret);
    const raw = t.core.dataDir;
    expect(raw).toBeTruthy();
    expect((await t.call('sources.revealSecret', { id, environment: 'development', secretId: info.id })).secret).toBe(secret);
    const removed = await t.call('sources.removeSecret', { id, environment: 'development', secretId: info.id });
    expect(removed.settings[0]!.secrets).toEqual([]);
  });

  it('deletes a source and its settings', async () => {
    const { id } = await t.source('gone');
    await t.call('sources.delete', { id });
    expect(await failure(t.call('sources.get', { id }))).toMatchObject({ code: 'not_found' });
    expect(await t.call('sources.list', {})).toEqual([]);
  });
});

describe('events.list', () => {
  it('filters and pages newest first by keyset cursor', async () => {
    const a = await t.source('a');
    const b = await t.source('b');
    for (let i = 0; i < 5; i++) {
      await fetch(a.url, { method: 'POST', body: JSON.stringify({ type: i % 2 ? 'odd' : 'even' }) });
      await fetch(b.url, { method: 'POST', body: JSON.stringify({ type: 'other' }) });
    }
    const page1 = await t.call('events.list', { sourceId: a.id, limit: 2 });
    expect(page1.items.map((e) => e.sourceId)).toEqual([a.id, a.id]);
    expect(page1.items[0]!.id).toBeGreaterThan(page1.items[1]!.id);
    const page2 = await t.call('events.list', { sourceId: a.id, limit: 2, cursor: page1.nextCursor! });
    const page3 = await t.call('events.list', { sourceId: a.id, limit: 2, cursor: page2.nextCursor! });
    expect(page3.items).toHaveLength(1);
    expect(page3.nextCursor).toBeNull();
    expect((await t.call('events.list', { eventType: 'odd' })).items).toHaveLength(2);
    expect((await t.call('events.list', { environment: 'production' })).items).toHaveLength(0);
    expect((await t.call('events.list', { verification: 'unverified' })).items).toHaveLength(10);
  });
});

describe('the dispatcher', () => {
  it('answers an unknown method and bad input with codes, not exceptions', async () => {
    expect(await t.core.dispatch('nope.nothing', {}, { transport: 'internal' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await t.core.dispatch('events.get', { id: 'x' }, { transport: 'internal' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/^id: /) },
    });
  });

  it('pushes events.received to subscribers after the row is durable', async () => {
    const { url } = await t.source('push');
    const seen: number[] = [];
    t.core.subscribe((m) => {
      if (m.name === 'events.received') seen.push(m.payload.id);
    });
    const answer = (await (await fetch(url, { method: 'POST', body: '{"type":"x"}' })).json()) as { event_id: number };
    expect(seen).toEqual([answer.event_id]);
  });
});

describe('sources.stats', () => {
  it('gives each source its last event and its events and failures of the last 24 hours', async () => {
    await t.close();
    let now = Date.parse('2026-03-01T00:00:00Z');
    t = await startTestCore({ clock: { now: () => now } });
    const a = await t.source('a');
    const b = await t.source('b');
    await fetch(a.url, { method: 'POST', body: '{"type":"old"}' });
    now += 2 * 24 * 60 * 60 * 1000;
    await fetch(a.url, { method: 'POST', body: '{"type":"new"}' });
    await fetch(a.url, { method: 'GET' }); // 405: a failure
    const last = (await (await fetch(b.url, { method: 'POST', body: '{"type":"b"}' })).json()) as { event_id: number };
    const stats = await t.call('sources.stats', {});
    expect(stats.find((s) => s.sourceId === a.id)).toMatchObject({ environment: 'development', recent: 2, recentFailed: 1, lastEventAt: now });
    expect(stats.find((s) => s.sourceId === b.id)).toMatchObject({ recent: 1, recentFailed: 0, lastEventId: last.event_id });
    expect(stats.filter((s) => s.environment === 'production')).toEqual([]);
  });
});

describe('events.count and the origin/replay filters', () => {
  it('counts matching events up to a cap, and lists an original’s replays', async () => {
    const { url } = await t.source('c');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(((await (await fetch(url, { method: 'POST', body: `{"type":"t${i % 2}"}` })).json()) as { event_id: number }).event_id);
    expect(await t.call('events.count', { eventType: 't0' })).toEqual({ count: 3, capped: false });
    expect(await t.call('events.count', { cap: 2 })).toEqual({ count: 2, capped: true });
    const replay = await t.call('events.replay', { id: ids[0]! });
    expect((await t.call('events.list', { replayOf: ids[0]! })).items.map((e) => e.id)).toEqual([replay.id]);
    expect((await t.call('events.list', { origin: 'replay' })).items).toHaveLength(1);
    expect(await t.call('events.count', { origin: 'received' })).toEqual({ count: 5, capped: false });
  });
});

describe('replays', () => {
  it('record how verification was judged, and bulk jobs can be listed while they run', async () => {
    const { url } = await t.source('r');
    const { event_id } = (await (await fetch(url, { method: 'POST', body: '{"type":"x"}' })).json()) as { event_id: number };
    expect((await t.call('events.replay', { id: event_id, mode: 'ignore_verification' })).replayMode).toBe('ignore_verification');
    expect((await t.call('events.replay', { id: event_id })).replayMode).toBe('as_is');
    const job = await t.call('events.replayMany', { sourceId: undefined, max: 10 });
    expect((await t.call('events.replayJobs', {})).map((j) => j.jobId)).toContain(job.jobId);
  });
});
