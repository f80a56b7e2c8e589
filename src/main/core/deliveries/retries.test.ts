import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery } from '../../../shared/domain/destination';
import { startTestCore, type TestCore } from '../testing/test-core';
import { manualTime, startTestApp, type AppHandler, type TestApp } from './test-app';

const ENV = 'development';
let t: TestCore | undefined;
let target: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  await target?.stop();
  t = target = undefined;
});

/** A core on an injected clock (no jitter) forwarding a Custom source to an app answering `answers` in turn. */
async function setup(answers: AppHandler[], destination: { timeoutMs?: number; retrySchedule?: number[] } = {}) {
  const time = manualTime();
  t = await startTestCore({ clock: time.clock, deliveries: { timers: time.timers, random: () => 0 } });
  let i = 0;
  target = await startTestApp((req, res) => answers[Math.min(i++, answers.length - 1)]!(req, res));
  const source = await t.source('custom');
  const created = await t.call('sources.get', { id: source.id });
  const dest = await t.call('destinations.create', { sourceId: created.id, environment: ENV, url: target.url(), ...destination });
  const res = await fetch(source.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"order.created"}' });
  const { event_id: eventId } = (await res.json()) as { event_id: number };
  const delivery = async (): Promise<Delivery> => (await t!.call('deliveries.list', { eventId }))[0]!;
  /** Waits until the delivery has made `n` attempts. */
  const attempts = async (n: number) => expect.poll(async () => (await delivery()).attempts, { timeout: 10_000 }).toBe(n);
  return { time, dest, delivery, attempts, received: () => target!.received.length };
}

const answer = (status: number, headers: Record<string, string> = {}): AppHandler => (_req, res) => void res.writeHead(status, headers).end(`answer ${status}`);
const never: AppHandler = () => {};

describe('retries on the schedule (injected clock)', () => {
  it('retries 5xx, 429 (after its Retry-After) and a timeout on the schedule, then delivers', async () => {
    const s = await setup([answer(503), answer(429, { 'retry-after': '120' }), never, answer(200)], { timeoutMs: 1_500 });
    const start = s.time.clock.now();
    await s.attempts(1);
    expect(await s.delivery()).toMatchObject({ status: 'pending', lastStatus: 503, nextAt: start + 10_000 });

    s.time.advance(9_999);
    await new Promise((r) => setImmediate(r));
    expect(s.received()).toBe(1);
    s.time.advance(1);
    await s.attempts(2);
    // The schedule says 60 s next; the app's Retry-After says 120 s, and wins.
    expect(await s.delivery()).toMatchObject({ lastStatus: 429, nextAt: s.time.clock.now() + 120_000 });

    s.time.advance(120_000);
    await s.attempts(3);
    expect(await s.delivery()).toMatchObject({ lastStatus: null, lastError: 'timeout after 1.5 s', nextAt: s.time.clock.now() + 300_000 });

    s.time.advance(300_000);
    await s.attempts(4);
    expect(await s.delivery()).toMatchObject({ status: 'delivered', lastStatus: 200 });
  });

  it('gives up when the schedule is spent', async () => {
    const s = await setup([answer(500)], { retrySchedule: [0, 5] });
    await s.attempts(1);
    s.time.advance(5_000);
    await s.attempts(2);
    expect(await s.delivery()).toMatchObject({ status: 'failed', lastStatus: 500, nextAt: null });
  });

  it('treats a 4xx as final, and a manual retry sends it again', async () => {
    const s = await setup([answer(404), answer(200)]);
    await s.attempts(1);
    expect(await s.delivery()).toMatchObject({ status: 'failed', lastStatus: 404, nextAt: null });
    s.time.advance(7_200_000);
    await new Promise((r) => setImmediate(r));
    expect(s.received()).toBe(1);

    await t!.call('deliveries.retry', { id: (await s.delivery()).id });
    await s.attempts(2);
    expect(await s.delivery()).toMatchObject({ status: 'delivered', lastStatus: 200 });
  });

  it('retries every failed delivery of a destination at once', async () => {
    const s = await setup([answer(400), answer(200)]);
    await s.attempts(1);
    expect(await t!.call('destinations.retryFailed', { id: s.dest.id })).toEqual({ queued: 1 });
    await s.attempts(2);
    expect((await s.delivery()).status).toBe('delivered');
  });
});
