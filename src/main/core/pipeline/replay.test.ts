import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PushPayload } from '../../../shared/api/events';
import { getPreset } from '../verification';
import { signStripe } from '../verification/testing/sdk-signers';
import { startTestCore, type TestCore } from '../testing/test-core';

let t: TestCore;
let progress: Array<PushPayload<'replay.progress'>>;
beforeEach(async () => {
  t = await startTestCore();
  progress = [];
  t.core.subscribe((m) => m.name === 'replay.progress' && progress.push(m.payload));
});
afterEach(() => t.close());

/** A source whose `signup` events identify `body.user` and start "welcome" for them, deduplicated by `body.id`. */
async function signupSource() {
  const { id, url } = await t.source('signups');
  await t.call('sources.update', { id, settings: { development: { idempotencyKeyPath: 'body.id' } } });
  await t.call('workflows.create', { environment: 'development', key: 'welcome' });
  await t.call('mappings.create', { sourceId: id, eventType: 'signup', actionType: 'users_identify', activeIn: ['development'], params: { id: 'body.user' } });
  await t.call('mappings.create', {
    sourceId: id, eventType: 'signup', actionType: 'workflows_trigger', activeIn: ['development'], params: { key: '"welcome"', recipients: 'body.user', data: 'body' },
  });
  return { id, url };
}

const post = async (url: string, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) => {
  const res = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, id: ((await res.json()) as { event_id: number }).event_id };
};
const processed = async (id: number) => {
  await expect.poll(async () => (await t.call('events.get', { id })).processing, { timeout: 5_000 }).not.toBe('pending');
  return t.call('events.get', { id });
};
const workflowRuns = async () => (await t.call('workspace.workflowRuns', { environment: 'development' })).total;

describe('replaying one event', () => {
  it('is a duplicate when it respects idempotency, and runs again when it does not', async () => {
    const { url } = await signupSource();
    const original = await processed((await post(url, { id: 'evt_1', type: 'signup', user: 'ada' })).id);
    expect(original).toMatchObject({ processing: 'done', actionStatus: 'success' });

    const respecting = await t.call('events.replay', { id: original.id, mode: 'ignore_verification', respectIdempotency: true });
    expect(await processed(respecting.id)).toMatchObject({ processing: 'duplicate', replayOf: original.id, actionRuns: [] });
    expect(await workflowRuns()).toBe(1);

    const bypassing = await t.call('events.replay', { id: original.id, mode: 'ignore_verification', respectIdempotency: false });
    expect(await processed(bypassing.id)).toMatchObject({ processing: 'done', actionStatus: 'success', replayOf: original.id });
    expect(await workflowRuns()).toBe(2);
  });

  it('refuses an as-is replay the current configuration rejects, and never processes it', async () => {
    const { id, url } = await signupSource();
    const secret = 'whsec_replay_test_secret_0123456789';
    await t.call('sources.update', { id, settings: { development: { verification: getPreset('stripe')!.config, enforceVerification: true } } });
    const withSecret = await t.call('sources.addSecret', { id, environment: 'development', secret });
    const signed = await signStripe({ payload: { id: 'evt_2', type: 'signup', user: 'bea' }, secret, timestamp: Date.now() });
    const original = await processed((await post(url, signed.body, signed.headers)).id);
    expect(original).toMatchObject({ verification: 'verified', processing: 'done', actionStatus: 'success' });

    // The secret is rotated away: judged today, the original signature no longer verifies.
    const secretId = withSecret.settings.find((s) => s.environment === 'development')!.secrets[0]!.id;
    await t.call('sources.addSecret', { id, environment: 'development', secret: 'whsec_the_new_secret_9876543210' });
    await t.call('sources.removeSecret', { id, environment: 'development', secretId });
    const refused = await t.call('events.replay', { id: original.id, mode: 'as_is', respectIdempotency: false });
    expect(refused).toMatchObject({ responseStatus: 401, processing: 'none', replayOf: original.id });

    await t.call('sources.update', { id, settings: { development: { enabled: false } } });
    const disabled = await t.call('events.replay', { id: original.id, mode: 'as_is', respectIdempotency: false });
    expect(disabled).toMatchObject({ responseStatus: 403, processing: 'none', error: 'This source is disabled in the development environment' });

    // Ignoring verification replays it through the mappings all the same.
    const ignoring = await t.call('events.replay', { id: original.id, mode: 'ignore_verification', respectIdempotency: false });
    expect(await processed(ignoring.id)).toMatchObject({ processing: 'done', actionStatus: 'success' });
    for (const never of [refused.id, disabled.id]) expect(await t.call('events.get', { id: never })).toMatchObject({ processing: 'none', actionRuns: [] });
    expect(await workflowRuns()).toBe(2);
  });
});

describe('a bulk replay', () => {
  async function received(count: number): Promise<number[]> {
    const { url } = await signupSource();
    const ids: number[] = [];
    let next = 0;
    const sender = async () => {
      for (let i = next++; i < count; i = next++) ids.push((await post(url, { id: `evt_${i}`, type: 'signup', user: `u${i}` })).id);
    };
    await Promise.all(Array.from({ length: 8 }, sender));
    return ids.sort((a, b) => a - b);
  }
  const replays = async () => (await t.call('events.list', { limit: 500, origin: 'replay' })).items;

  it('replays past 100 events in chunks of 100, reporting each, oldest first', async () => {
    const ids = await received(250);
    const { jobId, total } = await t.call('events.replayMany', { environment: 'development', mode: 'ignore_verification', respectIdempotency: false });
    expect(total).toBe(250);
    await vi.waitFor(() => expect(progress.at(-1)?.state).toBe('finished'));
    expect(progress.map((p) => [p.jobId, p.state, p.done])).toEqual([
      [jobId, 'running', 100], [jobId, 'running', 200], [jobId, 'running', 250], [jobId, 'finished', 250],
    ]);
    const made = await replays();
    expect(made).toHaveLength(250);
    expect(made.map((e) => e.replayOf).reverse()).toEqual(ids);
  });

  it('stops between chunks when cancelled, keeping the replays already made', async () => {
    await received(250);
    let jobId = '';
    t.core.subscribe((m) => {
      if (m.name === 'replay.progress' && m.payload.done === 100) void t.call('events.cancelReplay', { jobId });
    });
    ({ jobId } = await t.call('events.replayMany', { environment: 'development', mode: 'ignore_verification', respectIdempotency: false }));
    await vi.waitFor(() => expect(progress.at(-1)?.state).toBe('cancelled'));
    expect(progress.map((p) => [p.state, p.done])).toEqual([['running', 100], ['cancelled', 100]]);
    expect(await replays()).toHaveLength(100);
    expect(await t.call('events.replayJobs', {})).toEqual([]);
  });
});
