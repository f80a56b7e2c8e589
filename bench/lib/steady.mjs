import { loadavg } from 'node:os';
import { pacedLoad } from './paced-load.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '—');

/**
 * Latency below saturation: ceiling and Inlet each take the same steady request rate (open loop:
 * see paced-load.mjs), at a quarter and at half of what Inlet took at saturation, alternating for
 * `rounds` rounds. At saturation a request's latency is mostly its wait in the queue (50
 * connections as fast as answered); here it is the service time plus whatever stalls the host.
 */
export async function steadyLatency({ ceilingUrl, inletUrl, bodies, capacity, rounds, durationS, warmupS, log, settleInlet }) {
  const rates = [0.25, 0.5].map((share) => Math.max(100, Math.round((capacity * share) / 100) * 100));
  const results = [];
  let inlet2xx = 0;
  for (const rate of rates) {
    const runs = { ceiling: [], inlet: [] };
    for (let round = 1; round <= rounds; round++) {
      for (const [name, url] of [['ceiling', ceilingUrl], ['inlet', inletUrl]]) {
        const warm = await pacedLoad(url, bodies, { rate, durationS: warmupS });
        const loadBefore = loadavg()[0];
        const run = await pacedLoad(url, bodies, { rate, durationS });
        if (name === 'inlet') {
          inlet2xx += count2xx(warm) + count2xx(run);
          await settleInlet?.();
        }
        runs[name].push({ ...run, loadBefore });
        log(`steady ${rate}/s round ${round} ${name}: p50 ${fmt(run.p50, 1)} p99 ${fmt(run.p99, 1)} p99.9 ${fmt(run.p999, 1)} max ${fmt(run.max, 1)} ms (load ${loadBefore.toFixed(2)})`);
      }
    }
    results.push({ rate, share: rate / capacity, runs });
  }
  return { results, inlet2xx, rounds, durationS };
}

const count2xx = (run) => Object.entries(run.statuses).reduce((n, [status, c]) => (status.startsWith('2') ? n + c : n), 0);

export function renderSteadyReport({ results, rounds, durationS }) {
  const rows = results.flatMap(({ rate, share, runs }) =>
    Object.entries(runs).map(([name, list]) => {
      const pick = (key) => median(list.map((r) => r[key]));
      const lost = list.reduce((n, r) => n + r.lost + r.errors, 0);
      const non2xx = list.reduce((n, r) => n + r.done - count2xx(r), 0);
      return `| ${fmt(rate)} (${fmt(share * 100)} % of Inlet's) | ${name === 'inlet' ? 'Inlet' : 'Ceiling'} | ${fmt(pick('p50'), 1)} | ${fmt(pick('p99'), 1)} | ${fmt(pick('p999'), 1)} | ${fmt(pick('max'), 1)} | ${list.map((r) => fmt(r.p99, 1)).join(' / ')} | ${fmt(non2xx + lost)} |`;
    }),
  );
  return `## Receiver latency below saturation

The same requests at a steady rate, open loop: request *k* goes out at *k*/rate whatever happened
before it, and its latency counts from then (a stall is charged to every request it held back).
Rates are a quarter and half of Inlet's median throughput above; ${rounds} rounds of ${durationS} s,
ceiling and Inlet alternating; medians of the rounds.

| Rate (req/s) | Target | p50 ms | p99 ms | p99.9 ms | max ms | p99 per round | not 2xx or lost |
|---|---|---:|---:|---:|---:|---|---:|
${rows.join('\n')}
`;
}
