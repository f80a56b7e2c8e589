import { renderFairnessReport } from './report-sandbox-fairness.mjs';

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const ms = (n) => (n < 1 ? fmt(n, 3) : fmt(n, 2));

/** The processing and log-query sections of bench/RESULTS.md. */
export function renderPipelineReport({ processing, sandbox, fairness, queries }) {
  const out = [];
  if (processing) {
    const ratio = processing.processEventsPerS / processing.writeEventsPerS;
    out.push(`## Processing: events mapped and executed

| Step (same ${fmt(processing.events)} events, one thread) | events/s |
|---|---:|
| Baseline: writing them to the log (the ingest write, no HTTP) | ${fmt(processing.writeEventsPerS)} |
| Processing: parse, plan ${processing.actionsPerEvent} mappings, execute ${processing.actionsPerEvent} actions (identify, subscribe to tenant, trigger workflow), record the runs | ${fmt(processing.processEventsPerS)} |

Processing / ingest write: **${fmt(ratio, 2)}×**. Target: ≥ 10,000 events/s with 3 actions (${processing.processEventsPerS >= 10_000 ? 'met' : 'NOT met'}).
Checked after the run: ${fmt(processing.successfulEvents)} events with every action successful, ${fmt(processing.actionRuns)} action runs, ${fmt(processing.users)} users, ${fmt(processing.workflowRuns)} workflow runs.
`);
  }
  if (sandbox) {
    const row = (name, r) => `| ${name} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} |`;
    out.push(`## Preprocess scripts: cost per request

A fresh QuickJS runtime per run (nothing leaks between requests), 300 timed runs each after warm-up.

| Run | median ms | p95 ms |
|---|---:|---:|
${row('Baseline: an empty async call', sandbox.baseline)}
${row('In this thread, trivial script', sandbox.inThreadTrivial)}
${row("In this thread, Knock's default Custom HTTP script", sandbox.inThreadKnockDefault)}
${row('Through the worker thread (what the hosts use), trivial', sandbox.workerTrivial)}
${row("Through the worker thread, Knock's default script", sandbox.workerKnockDefault)}
`);
  }
  if (fairness) out.push(renderFairnessReport(fairness));
  if (queries) {
    const q = queries.queries;
    const row = (name, r, target) =>
      `| ${name} | ${ms(r.medianMs)} | ${ms(r.p95Ms)} | ${fmt(r.medianMs / q.pointLookup.medianMs, 0)}× | ${target ?? ''} |`;
    const met = (r, limit) => (r.p95Ms <= limit ? `≤ ${limit} ms: met` : `≤ ${limit} ms: NOT met`);
    out.push(`## Log queries at ${fmt(queries.events)} stored events

${fmt(queries.events)} events (≈ 700-byte Stripe-shaped bodies, 3 sources × 2 environments, 20 event types, 30 days) written in ${fmt(queries.writeS, 1)} s through the log's own insert (${fmt(queries.events / queries.writeS)} events/s) and indexed for full-text search in ${fmt(queries.indexS, 1)} s. Each query: 3 warm-up calls, then 30 timed calls of the repository method the \`events.list\` / \`events.get\` handlers use.

| Query (100 per page) | median ms | p95 ms | / PK lookup | target |
|---|---:|---:|---:|---|
| Baseline: one event by primary key | ${ms(q.pointLookup.medianMs)} | ${ms(q.pointLookup.p95Ms)} | 1× | |
${row('First page, newest first', q.firstPage, met(q.firstPage, 5))}
${row('First page of one source in one environment', q.firstPageBySourceAndEnv, met(q.firstPageBySourceAndEnv, 5))}
${row('First page of one event type', q.firstPageByType, met(q.firstPageByType, 5))}
${row('A page half-way down the log (keyset cursor)', q.deepPage)}
${row('A page half-way down one source', q.deepPageBySource)}
${row('Full-text search, a rare word (one customer)', q.searchRareWord, met(q.searchRareWord, 50))}
${row('Full-text search, a common word', q.searchCommonWord, met(q.searchCommonWord, 50))}
${row('Full-text search within one source', q.searchWithFilter, met(q.searchWithFilter, 50))}
${row('Event detail (raw request, runs)', q.eventDetail)}
`);
  }
  return out.join('\n');
}
