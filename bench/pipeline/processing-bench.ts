import { createProcessor } from '../../src/main/core/pipeline/processor';
import { checkpointInBackground } from '../../src/main/core/store/wal-checkpointer';
import { addSource, benchContext, newEvent } from './fixture';

/**
 * Processing throughput: N acknowledged Stripe-like events, each mapped to 3 actions (identify,
 * subscribe to its tenant, trigger a workflow), executed against the workspace. Baseline in the
 * same run: writing the same events to the log (the ingest write, no HTTP).
 *
 * Processed as the host processes a backlog: turn by turn from `kick()` (yielding between
 * transactions), with WAL checkpoints on their own thread. The CPU time is the whole process's,
 * that thread's included.
 */
const N = Number(process.env.BENCH_PROCESS_EVENTS) || 50_000;
let processedEvents = 0;
let allProcessed = () => {};
const { ctx, close } = benchContext(undefined, (channel) => {
  if (channel === 'events.processed' && ++processedEvents === N) allProcessed();
});
try {
  const sourceId = addSource(ctx, 'stripe');
  ctx.workspaceQuery.createWorkflow('development', 'welcome', 'Welcome', Date.now());
  const mapping = (id: string, actionType: string, params: Record<string, string>, position: number) =>
    ctx.mappings.save({
      id, sourceId, eventType: 'customer.created', actionType: actionType as never, params, activeIn: ['development'],
      position, createdAt: 0, updatedAt: 0,
    });
  mapping('m1', 'users_identify', { id: 'body.data.object.id', email: 'body.data.object.email', name: 'body.data.object.name', custom_properties: 'body.data.object.metadata' }, 0);
  mapping('m2', 'objects_subscribe', { collection: '"$tenants"', object_id: 'body.data.object.tenant', recipients: 'body.data.object.id' }, 1);
  mapping('m3', 'workflows_trigger', { key: '"welcome"', recipients: 'body.data.object.id', data: 'body.data.object', tenant: 'body.data.object.tenant' }, 2);

  const events = Array.from({ length: N }, (_, i) => newEvent(sourceId, 'development', i, 'customer.created', Date.now(), 'pending'));
  const t0 = performance.now();
  for (let i = 0; i < N; i += 1000) ctx.events.insertMany(events.slice(i, i + 1000));
  const writeMs = performance.now() - t0;

  const checkpointer = checkpointInBackground(ctx.db);
  const processor = createProcessor(ctx);
  const t1 = performance.now();
  const cpu = process.cpuUsage();
  await new Promise<void>((resolve) => {
    allProcessed = resolve;
    processor.kick();
  });
  const processMs = performance.now() - t1;
  const { user, system } = process.cpuUsage(cpu);
  await checkpointer.stop();

  const count = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
  const result = {
    events: N,
    actionsPerEvent: 3,
    processed: processedEvents,
    writeEventsPerS: (N / writeMs) * 1000,
    processEventsPerS: (N / processMs) * 1000,
    // CPU time per event: steadier than the rate when other work shares the cores.
    processCpuUsPerEvent: (user + system) / N,
    successfulEvents: count("SELECT COUNT(*) AS n FROM event_state WHERE action_status = 'success'"),
    actionRuns: count('SELECT COALESCE(SUM(json_array_length(action_runs)), 0) AS n FROM event_state'),
    workflowRuns: count('SELECT COUNT(*) AS n FROM ws_workflow_runs'),
    users: count('SELECT COUNT(*) AS n FROM ws_users'),
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
} finally {
  close();
}
