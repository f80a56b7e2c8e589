import { renderFairnessReport } from './report-sandbox-fairness.mjs';
import { renderShapesReport } from './report-shapes.mjs';
import { renderImportReport } from './report-import.mjs';
import { renderSearchReport } from './report-search.mjs';

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');
const ms = (n) => (n < 1 ? fmt(n, 3) : fmt(n, 2));

/** The processing and log-query sections of bench/RESULTS.md. */
export function renderPipelineReport({ processing, replay, sandbox, fairness, shapes, queries, imports }) {
  const out = [];
  if (processing) {
    const ratio = processing.processEventsPerS / processing.writeEventsPerS;
    out.push(`## Processing: events mapped and executed

| Step (same ${fmt(processing.events)} events) | events/s |
|---|---:|
| Baseline: writing them to the log (the ingest write, no HTTP) | ${fmt(processing.writeEventsPerS)} |
| Processing: parse, plan ${processing.actionsPerEvent} mappings, execute ${processing.actionsPerEvent} actions (identify, subscribe to tenant, trigger workflow), record the runs | ${fmt(processing.processEventsPerS)} |

Processed as the host processes a backlog: transaction by transaction from the processor's own scheduling (yielding between them), with WAL checkpoints on their thread, as in \`inlet serve\` and the app.

Median of ${processing.runs?.length ?? 1} runs (events/s: ${(processing.runs ?? [processing.processEventsPerS]).map((r) => fmt(r)).join(', ')}).
Processing / ingest write: **${fmt(ratio, 2)}×**. Target: ≥ 15,000 events/s with 3 actions (${processing.processEventsPerS >= 15_000 ? 'met' : 'NOT met'}). CPU time: ${fmt(processing.processCpuUsPerEvent, 1)} µs per event, the checkpoint thread's included (steadier than the rate when other work shares the cores).
Checked after the run: ${fmt(processing.successfulEvents)} events with every action successful, ${fmt(processing.actionRuns)} action runs, ${fmt(processing.users)} users, ${fmt(processing.workflowRuns)} workflow runs.
`);
  }
  if (replay) {
    out.push(`## Bulk replay through ${replay.mappings} mappings

${fmt(replay.events)} imported Stripe-shaped events replayed with \`events.replayMany\` (as-is: judged by the current configuration, chunks of 100), each mapped to identify, subscribe to its tenant and trigger a workflow.

| Step (same ${fmt(replay.events)} events) | seconds |
|---|---:|
| Baseline: importing them (judged and logged, not mapped) | ${fmt(replay.importMs / 1000, 2)} |
| Bulk replay: every replay logged | ${fmt(replay.loggedMs / 1000, 2)} |
| Bulk replay: every replay processed | ${fmt(replay.replayMs / 1000, 2)} |

Median of ${replay.runs?.length ?? 1} runs (seconds: ${(replay.runs ?? [replay.replayMs]).map((ms) => fmt(ms / 1000, 2)).join(', ')}). Replay / import: **${fmt(replay.replayMs / replay.importMs, 2)}×**; ${fmt(replay.replayCpuMs / replay.events * 1000, 0)} µs CPU per replayed event. Target: ≤ 2 s for 10,000 (${replay.replayMs <= 2000 ? 'met' : 'NOT met'}). ${fmt(replay.successes)} replays with every action successful.
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
  if (shapes) out.push(renderShapesReport(shapes));
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

${queries.search ? renderSearchReport(queries.search) : ''}
Paging the whole log newest first (500 per page): ${fmt(queries.pageAll?.pages)} pages in ${fmt(queries.pageAll?.seconds, 1)} s.
Memory of a fresh process that opens the built log and runs every query above and the full paging: peak RSS (VmHWM) **${fmt(queries.memory?.queryPeakRssMiB, 0)} MiB** (target ≤ 150 MiB: ${queries.memory?.queryPeakRssMiB <= 150 ? 'met' : 'NOT met'}); heap used at the end ${fmt(queries.memory?.heapUsedMiB, 0)} MiB. Building the log took the builder to ${fmt(queries.memory?.buildPeakRssMiB, 0)} MiB (not a host figure).
`);
  }
  if (imports) out.push(renderImportReport(imports));
  return out.join('\n');
}
