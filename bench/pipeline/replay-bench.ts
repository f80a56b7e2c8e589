import { startTestCore } from '../../src/main/core/testing/test-core';
import { stripeLikeBody } from './fixture';

/**
 * Bulk replay: N imported Stripe-like events (default 10,000) replayed through 3 mappings
 * (identify, subscribe to the tenant, trigger a workflow) with `events.replayMany`, as the UI does
 * after an import; timed from the call until every replay is logged, then until every one is
 * processed. Baseline in the same run: importing the same events (judged and logged, not mapped).
 */
const N = Number(process.env.BENCH_REPLAY_EVENTS) || 10_000;
const log = (line: string) => process.stderr.write(`bench: bulk replay: ${line}\n`);

const t = await startTestCore();
try {
  const { id: sourceId } = await t.source('stripe');
  await t.call('workflows.create', { environment: 'development', key: 'welcome' });
  const mapping = (actionType: 'users_identify' | 'objects_subscribe' | 'workflows_trigger', params: Record<string, string>) =>
    t.call('mappings.create', { sourceId, eventType: 'customer.created', actionType, params, activeIn: ['development'] });
  await mapping('users_identify', { id: 'body.data.object.id', email: 'body.data.object.email', name: 'body.data.object.name', custom_properties: 'body.data.object.metadata' });
  await mapping('objects_subscribe', { collection: '"$tenants"', object_id: 'body.data.object.tenant', recipients: 'body.data.object.id' });
  await mapping('workflows_trigger', { key: '"welcome"', recipients: 'body.data.object.id', data: 'body.data.object', tenant: 'body.data.object.tenant' });

  log(`importing ${N.toLocaleString('en-US')} events…`);
  const ids: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i += 5000) {
    const items = Array.from({ length: Math.min(5000, N - i) }, (_, j) => ({
      headers: { 'content-type': 'application/json' },
      body: stripeLikeBody(i + j, 'customer.created').toString('utf8'),
    }));
    ids.push(...(await t.call('events.import', { sourceId, environment: 'development', items })).ids);
  }
  const importMs = performance.now() - t0;
  // The import's own full-text indexing runs after it returns (the index scheduler): a search
  // finishes it here, so the replay's window pays for indexing its replays, not the import's
  // 10,000 events (which had spilled into it, 15-18 % of its CPU: bench/NOTES.md, session 5b).
  await t.call('events.count', { sourceId, search: 'customer', cap: 1 });

  log('replaying…');
  const processedIds = new Set<number>();
  let finished: (() => void) | undefined;
  const logged = new Promise<void>((resolve) => (finished = resolve));
  let allProcessed: (() => void) | undefined;
  const processed = new Promise<void>((resolve) => (allProcessed = resolve));
  t.core.subscribe((m) => {
    if (m.name === 'replay.progress' && m.payload.state !== 'running') finished?.();
    if (m.name === 'events.processed') {
      processedIds.add(m.payload.id);
      if (processedIds.size === N) allProcessed?.();
    }
  });
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  await t.call('events.replayMany', { ids, mode: 'as_is', max: N });
  await logged;
  const loggedMs = performance.now() - t1;
  await processed;
  const replayMs = performance.now() - t1;
  const { user, system } = process.cpuUsage(cpu);
  const successes = (await t.call('events.count', { sourceId, origin: 'replay', actionStatus: 'success', cap: N })).count;
  const rss = process.memoryUsage().rss / 2 ** 20;
  process.stdout.write(
    `RESULT ${JSON.stringify({ events: N, mappings: 3, importMs, loggedMs, replayMs, replayCpuMs: (user + system) / 1000, successes, rssMiB: rss })}\n`,
  );
} finally {
  await t.close();
}
