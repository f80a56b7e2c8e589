import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { captureImportEnded } from '../testing/capture-import';
import { startTestCore, type TestCore } from '../testing/test-core';
import { UNSIGNED_NOTE } from '../portability/import-events';

let t: TestCore;
let sourceId: string;
beforeEach(async () => {
  t = await startTestCore();
  sourceId = (await t.source('hooks')).id;
});
afterEach(() => t.close());

const ended = (jobId: string) => captureImportEnded(t, jobId);

const bodies = async (origin: 'import' = 'import') => (await t.call('events.list', { sourceId, origin, limit: 100 })).items.reverse();

describe('captures.import', () => {
  it('imports the good lines of a JSON Lines text and reports the bad one by line', async () => {
    const text = ['{"headers": {"Content-Type": "application/json"}, "body": "{\\"n\\":1}"}', '{"body": ', '{"headers": {}, "body": {"n": 3}, "query": "q=3"}'].join('\n');
    const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', text });
    const end = await ended(jobId);
    expect(end).toMatchObject({ state: 'finished', format: 'jsonl', imported: 2, failed: 1, errors: [{ where: 'line 2', error: expect.stringMatching(/is not valid JSON/) }] });
    const events = await bodies();
    expect(events.map((e) => e.id)).toEqual(end.ids);
    const detail = await t.call('events.get', { id: events[1]!.id });
    expect([detail.bodyText, detail.query, detail.origin, detail.actionStatus]).toEqual(['{"n":3}', 'q=3', 'import', null]);
  });

  it('imports only the picked entries of a HAR file read by path', async () => {
    const entry = (method: string, text: string) => ({ startedDateTime: '2024-06-01T12:00:00Z', request: { method, url: `https://a.test/h?m=${method}`, headers: [{ name: 'Content-Type', value: 'application/json' }], postData: { mimeType: 'application/json', text } }, response: {} });
    const path = join(t.dir, 'capture.har');
    writeFileSync(path, JSON.stringify({ log: { version: '1.2', creator: { name: 'x' }, entries: [entry('POST', '1'), entry('GET', ''), entry('POST', '3'), entry('PUT', '4')] } }));
    const preview = await t.call('captures.preview', { sourceId, environment: 'development', path });
    expect(preview).toMatchObject({ format: 'har', counts: { requests: 3, skipped: 1, errors: 0 }, complete: true });
    expect(preview.requests.map((r) => [r.ordinal, r.method, r.query])).toEqual([[1, 'POST', 'm=POST'], [3, 'POST', 'm=POST'], [4, 'PUT', 'm=PUT']]);
    const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', path, select: [3, 4] });
    expect(await ended(jobId)).toMatchObject({ state: 'finished', imported: 2, skipped: 0, failed: 0 });
    const events = await bodies();
    expect(await Promise.all(events.map(async (e) => (await t.call('events.get', { id: e.id })).bodyText))).toEqual(['3', '4']);
  });

  it('reads a streamed text part by part, each part taken before the next is sent', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => JSON.stringify({ headers: {}, body: JSON.stringify({ n: i }) }));
    lines[300] = '{broken';
    const text = `${lines.join('\n')}\n`;
    const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', streamed: true });
    for (let i = 0; i < text.length; i += 1000) {
      const last = i + 1000 >= text.length;
      expect(await t.call('captures.append', { jobId, text: text.slice(i, i + 1000), end: last })).toEqual({ accepted: true });
    }
    expect(await ended(jobId)).toMatchObject({ state: 'finished', format: 'jsonl', imported: 599, failed: 1, errors: [{ where: 'line 301' }] });
    expect((await t.call('events.count', { sourceId, origin: 'import', cap: 10_000 })).count).toBe(599);
  });

  it('stops a streamed import on cancel and keeps what was imported', async () => {
    const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', streamed: true });
    await t.call('captures.append', { jobId, text: `${'{"body":"a"}\n'.repeat(300)}` });
    await vi.waitFor(async () => expect((await t.call('captures.status', { jobId }))?.imported).toBe(250), { timeout: 15_000 });
    expect(await t.call('captures.cancel', { jobId })).toEqual({ cancelled: true });
    const end = await ended(jobId);
    expect(end.state).toBe('cancelled');
    expect(await t.call('captures.append', { jobId, text: '{"body":"late"}\n', end: true })).toEqual({ accepted: false });
    expect((await t.call('events.count', { sourceId, origin: 'import', cap: 10_000 })).count).toBe(end.imported);
  });

  it('marks a Stripe event imported without a signature, typed by the source', async () => {
    const stripe = await t.call('sources.create', { key: 'stripe', name: 'Stripe' });
    const preset = (await t.call('verification.presets', {})).find((p) => p.id === 'stripe')!;
    await t.call('sources.update', { id: stripe.id, settings: { development: { verification: preset.config, eventTypePath: 'body.type' } } });
    await t.call('sources.addSecret', { id: stripe.id, environment: 'development', secret: 'whsec_test_secret' });
    const event = { id: 'evt_1', object: 'event', created: 1_717_000_000, type: 'invoice.paid', data: { object: { id: 'in_1' } } };
    const preview = await t.call('captures.preview', { sourceId: stripe.id, environment: 'development', text: JSON.stringify(event) });
    expect(preview.requests).toEqual([expect.objectContaining({ eventType: 'invoice.paid', verification: 'failed', unsigned: true, capturedAt: 1_717_000_000_000 })]);
    const { jobId } = await t.call('captures.import', { sourceId: stripe.id, environment: 'development', text: JSON.stringify(event) });
    const [id] = (await ended(jobId)).ids ?? [];
    const detail = await t.call('events.get', { id: id! });
    expect(detail).toMatchObject({ eventType: 'invoice.paid', error: UNSIGNED_NOTE, bodyText: JSON.stringify(event, null, 2) });
    expect(detail.verificationResult.status).toBe('failed');
  });

  it('fails clearly on text it cannot read, and writes nothing', async () => {
    await expect(t.call('captures.preview', { text: 'hello there' })).rejects.toThrow(/cannot tell what this is/);
    const { jobId } = await t.call('captures.import', { sourceId, environment: 'development', text: 'hello there' });
    expect(await ended(jobId)).toMatchObject({ state: 'failed', imported: 0, error: expect.stringMatching(/cannot tell/) });
    await expect(t.call('captures.import', { sourceId: 'nope', environment: 'development', text: '{}' })).rejects.toThrow(/No source/);
  });

  it('previews the start of a large file without calling its cut-off last line an error', async () => {
    const text = `${'{"body":"x"}\n'.repeat(3)}{"body":"cut o`;
    expect(await t.call('captures.preview', { text, partial: true })).toMatchObject({ counts: { requests: 3, errors: 0 }, complete: false });
    expect(await t.call('captures.preview', { text })).toMatchObject({ counts: { requests: 3, errors: 1 }, complete: true });
  });
});
