import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventFilter } from '../../../shared/domain/event';
import type { ExportedRequest } from '../store/repos/events.repo';
import { startTestCore, type TestCore } from '../testing/test-core';
import { exportLog } from './export-log';

const TOTAL = 10_000;

/** The log as a repo reads it, counting the pages it has handed out. */
function fakeLog() {
  const read = { pages: 0, pageSizes: new Set<number>() };
  const events = {
    *requestPages(_filter: EventFilter, pageSize: number): Generator<ExportedRequest[]> {
      read.pageSizes.add(pageSize);
      for (let start = 1; start <= TOTAL; start += pageSize) {
        read.pages += 1;
        yield Array.from({ length: Math.min(pageSize, TOTAL - start + 1) }, (_, i): ExportedRequest => ({
          id: start + i, receivedAt: 1_700_000_000_000 + start + i, sourceId: 's1', environment: 'development', method: 'POST',
          path: '/in/tok', query: '', headers: [['content-type', 'application/json']], contentType: 'application/json',
          body: Buffer.from(`{"n":${start + i},"email":"user${start + i}@example.org"}`), eventType: 'order.placed', responseStatus: 200,
        }));
      }
    },
    countMatching: () => ({ count: TOTAL, capped: false }),
  };
  const ctx = {
    events: events as never,
    sources: { get: () => ({ id: 's1', key: 'orders', name: 'Orders' }) } as never,
    clock: { now: () => 1_700_000_000_000 } as never,
    info: { version: 'test', dataDir: '', receiverUrl: () => 'http://127.0.0.1:1' },
    // A JSON Lines export never reads the workspace.
    db: null as never,
    environments: null as never,
  };
  return { ctx, read };
}

describe('a log export of 10,000 events', () => {
  it('reads the log a page at a time and never runs ahead of a slow file', async () => {
    const { ctx, read } = fakeLog();
    const lead: number[] = [];
    let itemChunks = 0;
    let lines = 0;
    // A slow disk: each write completes on a later turn, so the stream fills and asks to wait.
    const out = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        const text = chunk.toString('utf8');
        lines += text.split('\n').length - 1;
        if (text.includes('"receivedAt"')) lead.push(read.pages - ++itemChunks);
        setImmediate(done);
      },
    });
    const summary = await exportLog(ctx, { format: 'jsonl', filter: {}, redaction: { detectors: { emails: true, phones: true, cards: true, credentials: true, apiKeys: true, jwts: true, ips: true }, rules: [] } }, out);
    expect(summary).toMatchObject({ count: TOTAL, redactedEvents: TOTAL });
    expect(lines).toBe(TOTAL + 1);
    expect([...read.pageSizes].every((size) => size <= 500)).toBe(true);
    expect(read.pages).toBeGreaterThanOrEqual(TOTAL / 500);
    // At every write the exporter had read at most the page it was writing: never the whole log.
    expect(Math.max(...lead)).toBeLessThanOrEqual(0);
    expect(itemChunks).toBe(read.pages);
  });

  describe('from a real log', () => {
    let t: TestCore | undefined;
    afterEach(async () => t?.close());

    it('streams every matching event, oldest first, in page-sized writes', async () => {
      t = await startTestCore();
      const { id } = await t.source('bulk');
      for (let start = 0; start < TOTAL; start += 5000) {
        const items = Array.from({ length: 5000 }, (_, i) => ({ headers: { 'content-type': 'application/json' }, body: `{"type":"bulk","n":${start + i}}` }));
        await t.call('events.import', { sourceId: id, environment: 'development', items });
      }
      let first = -1;
      let last = -1;
      let lines = 0;
      let writes = 0;
      let rest = '';
      const out = new Writable({
        write(chunk: Buffer, _enc, done) {
          writes += 1;
          const parts = (rest + chunk.toString('utf8')).split('\n');
          rest = parts.pop()!;
          for (const line of parts) {
            lines += 1;
            if (lines === 1) continue;
            const n = (JSON.parse((JSON.parse(line) as { body: string }).body) as { n: number }).n;
            if (first < 0) first = n;
            expect(n).toBe(last + 1 === 0 ? n : last + 1);
            last = n;
          }
          done();
        },
      });
      const result = await t.core.exportLog({ format: 'jsonl', filter: { sourceId: id } }, out);
      expect(result).toMatchObject({ ok: true, value: { count: TOTAL } });
      expect({ lines, first, last }).toEqual({ lines: TOTAL + 1, first: 0, last: TOTAL - 1 });
      expect(writes).toBeGreaterThanOrEqual(TOTAL / 500);
    }, 120_000);
  });
});
