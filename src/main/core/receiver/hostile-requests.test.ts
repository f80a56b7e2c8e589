import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../testing/test-core';
import { rawExchange, type RawExchange } from '../testing/raw-http';
import {
  depthCases,
  encodingCases,
  methodCases,
  pipelineCases,
  pollutionCases,
  request,
  sizeCases,
  slowCases,
  truncationCases,
  unknownTokenCases,
  type HostileCase,
  type Targets,
} from './hostile-cases';

// Issue #8, "Must show": generated hostile requests over real sockets against a real core. After
// each batch: the process still answers, memory stays bounded, and every answer that carried an
// event id (every 2xx does) is in the log with the status the sender actually got.

const BODY_LIMIT = 64 * 1024;
/** The built sandbox worker, when present: the deep-payload crash came from posting to it. */
const WORKER = resolve('out/main/preprocess-worker.js');
const RSS_BOUND = 1_536 * 1024 * 1024;
const HEAP_BOUND = 768 * 1024 * 1024;

let t: TestCore;
let targets: Targets;
let port: number;
let total = 0;

beforeAll(async () => {
  t = await startTestCore({
    bodyLimitBytes: BODY_LIMIT,
    bodyIdleTimeoutMs: 400,
    requestDeadlineMs: 1_500,
    // Every case here comes from loopback; keep the caps in play without refusing the suite itself.
    maxConnections: 256,
    ...(existsSync(WORKER) ? { sandboxWorkerPath: WORKER } : {}),
  });
  port = Number(new URL(t.core.receiverUrl).port);
  const plain = await t.source('hostile-plain');
  const scripted = await t.call('sources.connect', { templateId: 'custom-http', key: 'hostile-scripted', mappingIds: [], secrets: {} });
  const token = scripted.settings.find((s) => s.environment === 'development')!.endpointToken;
  expect(scripted.settings.find((s) => s.environment === 'development')!.preprocess?.enabled).toBe(true);
  targets = { plain: new URL(plain.url).pathname, scripted: `/in/${token}` };
}, 30_000);
afterAll(async () => {
  await t?.close();
  expect(total).toBeGreaterThanOrEqual(200);
});

type Results = Array<{ c: HostileCase; r: RawExchange }> & { firstId: number };

const newestId = async () => (await t.call('events.list', { limit: 1 })).items[0]?.id ?? 0;

async function runBatch(cases: HostileCase[], concurrency = 12): Promise<Results> {
  const results = Object.assign([] as Array<{ c: HostileCase; r: RawExchange }>, { firstId: (await newestId()) + 1 });
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++]!;
      results.push({ c, r: await rawExchange(port, c.steps, { end: c.end, timeoutMs: 8_000 }) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  total += cases.length;
  return results;
}

async function expectHealthy(results: Results): Promise<void> {
  // The process lives and still takes a normal webhook.
  const alive = await rawExchange(port, [request('POST', targets.plain, '{"type":"still.alive"}')]);
  expect(alive.statuses).toEqual([200]);
  const memory = process.memoryUsage();
  expect(memory.rss).toBeLessThan(RSS_BOUND);
  expect(memory.heapUsed).toBeLessThan(HEAP_BOUND);
  for (const { c, r } of results) {
    expect(r.timedOut, `${c.name}: the server neither answered nor closed`).toBe(false);
    for (const answer of r.answers) {
      if (answer.status < 200) continue;
      if (answer.status < 300) expect(answer.eventId, `${c.name}: a 2xx without an event id`).not.toBeNull();
      if (answer.eventId === null) continue;
      const logged = await t.call('events.get', { id: answer.eventId });
      expect(logged.responseStatus, `${c.name}: logged ${logged.responseStatus}, sent ${answer.status}`).toBe(answer.status);
    }
  }
  // And the other way round: the log claims success only for what a sender was answered 2xx.
  const answered2xx = new Set(results.flatMap(({ r }) => r.answers.filter((a) => a.status < 300).map((a) => a.eventId)));
  const { items } = await t.call('events.list', { limit: 500 });
  for (const e of items.filter((e) => e.id >= results.firstId && e.responseStatus >= 200 && e.responseStatus < 300)) {
    if (e.bodySize === 22 && e.eventType === 'still.alive') continue;
    expect(answered2xx.has(e.id), `event ${e.id} (${e.method} ${e.path}) is logged ${e.responseStatus} but no sender got that answer`).toBe(true);
  }
  expect(Object.prototype).not.toHaveProperty('polluted');
}

describe('hostile requests', () => {
  it('survives payloads nested thousands deep, with and without a preprocess script', async () => {
    const results = await runBatch(depthCases(targets), 4);
    await expectHealthy(results);
    // Every one of them was answered (none crashed the handler).
    for (const { c, r } of results) expect(r.statuses.length, c.name).toBeGreaterThan(0);
  }, 120_000);

  it('answers bodies around the size limit, declared or chunked', async () => {
    const results = await runBatch(sizeCases(targets, BODY_LIMIT));
    await expectHealthy(results);
    for (const { c, r } of results.filter(({ c }) => / (0|1) bytes/.test(c.name) && !c.name.includes('unknown'))) expect(r.statuses, c.name).toEqual([200]);
    for (const { c, r } of results.filter(({ c }) => c.name.startsWith(`${BODY_LIMIT * 2} bytes`))) expect(r.statuses, c.name).toEqual([413]);
  }, 60_000);

  it('logs strange encodings and content types without failing', async () => {
    const results = await runBatch(encodingCases(targets));
    await expectHealthy(results);
    for (const { c, r } of results.filter(({ c }) => c.name.endsWith('(plain)'))) expect(r.statuses, c.name).toEqual([200]);
  }, 60_000);

  it('answers broken framing with what the sender gets, and logs it as such', async () => {
    const results = await runBatch(truncationCases(targets));
    await expectHealthy(results);
    const shorter = results.find(({ c }) => c.name === 'length shorter than body (plain)')!;
    expect(shorter.r.statuses).toEqual([400]);
  }, 60_000);

  it('answers pipelined requests in order and garbage after them 400', async () => {
    const results = await runBatch(pipelineCases(targets));
    await expectHealthy(results);
    const twenty = results.find(({ c }) => c.name === '20 requests on one socket (plain)')!;
    expect(twenty.r.statuses).toEqual(Array.from({ length: 20 }, () => 200));
  }, 60_000);

  it('ends slow senders within the deadline and logs them', async () => {
    const results = await runBatch(slowCases(targets), 10);
    await expectHealthy(results);
    const trickle = results.find(({ c }) => c.name === 'header trickle (plain)')!;
    expect(trickle.r.statuses).toEqual([408]);
  }, 60_000);

  it('answers unknown endpoints 404 and stores at most 4 KiB of each', async () => {
    const results = await runBatch(unknownTokenCases());
    await expectHealthy(results);
    const { items } = await t.call('events.list', { limit: 500 });
    for (const e of items.filter((e) => e.sourceId === null)) expect(e.bodySize).toBeLessThanOrEqual(4096);
  }, 60_000);

  it('answers every method, known or unknown', async () => {
    const results = await runBatch(methodCases(targets));
    await expectHealthy(results);
  }, 60_000);

  it('keeps prototype-pollution keys in bodies, headers and queries as plain data', async () => {
    const results = await runBatch(pollutionCases(targets));
    await expectHealthy(results);
    for (const { c, r } of results.filter(({ c }) => c.name.endsWith('(plain)'))) expect(r.statuses, c.name).toEqual([200]);
  }, 60_000);
});
