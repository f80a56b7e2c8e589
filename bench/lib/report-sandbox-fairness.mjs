const ms = (n) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : Math.round(n).toLocaleString('en-US'));
const outcomes = (o) =>
  Object.entries(o)
    .map(([kind, n]) => `${n.toLocaleString('en-US')} ${kind === 'busy' ? 'refused busy (503)' : kind === 'timeout' ? 'stopped at the hard deadline' : kind}`)
    .join(', ');

/** The "sandbox latency under one slow source" section of bench/RESULTS.md. */
export function renderFairnessReport(f) {
  const ratio = f.withSlow.p95Ms / f.alone.p95Ms;
  return `## Preprocess scripts: a fast source next to a stuck one

The worker pool the hosts use (${f.workers} workers, one run in flight per source while others wait, 16 waiting per source). The fast source runs Knock's default Custom HTTP script, one request after another. The slow source's ${f.slowClients} clients each send a script stuck in a catastrophic regex (\`/(a+)+$/\` on \`"aaa…!"\`), which QuickJS can't interrupt: it holds its worker until the hard deadline (50 ms limit + 1 s grace) terminates it.

| Fast source's requests | runs | median ms | p95 ms |
|---|---:|---:|---:|
| Baseline: alone | ${f.alone.runs} | ${ms(f.alone.medianMs)} | ${ms(f.alone.p95Ms)} |
| Next to the stuck source | ${f.withSlow.runs} | ${ms(f.withSlow.medianMs)} | ${ms(f.withSlow.p95Ms)} |
| For contrast, one worker and one queue for all sources (before the pool), ${f.sharedQueue.slowClients} slow clients | ${f.sharedQueue.runs} | ${ms(f.sharedQueue.medianMs)} | ${ms(f.sharedQueue.p95Ms)} |

Next to the stuck source / alone, p95: **${ratio.toFixed(1)}×**. Meanwhile the slow source's requests: ${outcomes(f.withSlow.slowOutcomes)}.
`;
}
