import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { parseBody } from '../request/parse-body';

// Every module that parses a body goes through parse-body.ts; counting its calls counts parses.
vi.mock('../request/parse-body', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../request/parse-body')>();
  return { ...actual, parseBody: vi.fn(actual.parseBody) };
});

let t: TestCore;
let url: string;

beforeAll(async () => {
  t = await startTestCore();
  const source = await t.source('parse-once');
  url = source.url;
  await t.call('sources.update', { id: source.id, settings: { development: { eventTypePath: 'body.type' } } });
  await t.call('mappings.create', { sourceId: source.id, eventType: 'user.created', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.id' } });
});
afterAll(() => t.close());

/** Parses of this body since the counter was last cleared. */
const parsesOf = (body: string) => vi.mocked(parseBody).mock.calls.filter(([, b]) => b.toString('utf8') === body).length;

async function receive(body: string): Promise<number> {
  const answer = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  return ((await answer.json()) as { event_id: number }).event_id;
}

describe('a request body is parsed once', () => {
  it('parses a received event once, mapping included', async () => {
    const body = '{"type":"user.created","id":"live-1"}';
    vi.mocked(parseBody).mockClear();
    const id = await receive(body);
    await expect.poll(async () => (await t.call('events.list', {})).items.find((e) => e.id === id)?.actionStatus).toBe('success');
    expect(parsesOf(body)).toBe(1);
  });

  it('parses a replayed event once: judging, logging and mapping share one parse', async () => {
    const body = '{"type":"user.created","id":"replayed-1"}';
    const original = await receive(body);
    await expect.poll(async () => (await t.call('events.list', {})).items.find((e) => e.id === original)?.processing).toBe('done');
    vi.mocked(parseBody).mockClear();
    const replay = await t.call('events.replay', { id: original, mode: 'ignore_verification' });
    await expect.poll(async () => (await t.call('events.list', { replayOf: original })).items[0]).toMatchObject({ id: replay.id, actionStatus: 'success' });
    expect(parsesOf(body)).toBe(1);
  });
});
