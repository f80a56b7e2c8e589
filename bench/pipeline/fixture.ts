import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CoreContext } from '../../src/main/core/context';
import { createCoreContext } from '../../src/main/core/core-context';
import { defaultSettings } from '../../src/main/core/sources/source-defaults';
import type { NewEvent } from '../../src/main/core/store/repos/events.repo';
import { memorySecretStore } from '../../src/main/core/testing/test-core';

/** A core context on a fresh temp data dir (or `existing`, kept), with no servers; `close()` removes a fresh one. */
export function benchContext(
  existing?: string,
  emit: CoreContext['emit'] = () => {},
): { ctx: CoreContext; dataDir: string; close(options?: { keep: boolean }): void } {
  const dataDir = existing ?? mkdtempSync(join(tmpdir(), 'inlet-bench-'));
  const ctx = createCoreContext({ dataDir, secretStore: memorySecretStore() }, { emit, receiverUrl: () => '' });
  return {
    ctx,
    dataDir,
    close({ keep } = { keep: existing !== undefined }) {
      ctx.searchDb.close();
      ctx.db.close();
      if (!keep) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A Custom source with settings in every environment; returns its id. */
export function addSource(ctx: CoreContext, key: string): string {
  const id = `src_${key}`;
  ctx.sources.insert({ id, key, name: key, templateId: 'custom', templateVersion: '1', createdAt: Date.now() });
  for (const env of ctx.environments.list()) ctx.sources.insertSettings({ ...defaultSettings(env.key), sourceId: id });
  return id;
}

const WORDS = ['invoice', 'payment', 'customer', 'subscription', 'refund', 'charge', 'trial', 'upgrade', 'cancel', 'renewal'];

/** A Stripe-shaped event of about 700 bytes; `i` makes ids, emails and words vary. */
export function stripeLikeBody(i: number, type: string): Buffer {
  return Buffer.from(
    JSON.stringify({
      id: `evt_${i.toString(36).padStart(8, '0')}`,
      object: 'event',
      type,
      created: 1_760_000_000 + i,
      data: {
        object: {
          id: `cus_${(i * 7919).toString(36)}`,
          object: 'customer',
          email: `user${i}@example.com`,
          name: `Customer ${i}`,
          tenant: `org_${i % 500}`,
          description: `${WORDS[i % WORDS.length]} ${WORDS[(i * 3) % WORDS.length]} note ${i}`,
          metadata: { plan: ['free', 'pro', 'team'][i % 3], seats: i % 50, region: ['eu', 'us', 'ap'][i % 3] },
          address: { city: 'Lisbon', country: 'PT', line1: `${i} Rua Augusta`, postal_code: '1100-048' },
        },
      },
      livemode: false,
      request: { id: `req_${i}`, idempotency_key: `ik_${i}` },
    }),
  );
}

export function newEvent(sourceId: string, environment: string, i: number, type: string, receivedAt: number, processing: NewEvent['processing']): NewEvent {
  return {
    receivedAt,
    sourceId,
    environment,
    method: 'POST',
    path: '/in/bench',
    query: '',
    headers: [['content-type', 'application/json'], ['user-agent', 'Stripe/1.0 (+https://stripe.com/docs/webhooks)']],
    contentType: 'application/json',
    body: stripeLikeBody(i, type),
    parseError: null,
    eventType: type,
    idempotencyKey: null,
    verification: { status: 'verified', scheme: 'hmac', matchedSecretId: 'sec_1' },
    responseStatus: 200,
    error: null,
    remoteAddress: '127.0.0.1',
    processing,
    actionStatus: processing === 'done' ? 'no_mapping' : null,
    replayOf: null,
    replayMode: null,
    origin: 'received',
    dedupe: true,
    preprocessOutput: null,
  };
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const percentile = (xs: number[], p: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/** Runs `fn` `n` times after a few warm-up calls; returns the timings in ms. */
export function timeRuns(n: number, fn: (i: number) => unknown): number[] {
  for (let i = 0; i < 3; i++) fn(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return out;
}
