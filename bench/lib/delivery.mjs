// Forwarding (issue #11): how fast Inlet delivers to a local app answering at once, against the
// bare receiver ceiling in the same run, and what one destination costs ingest.
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostNodeFlags, startChild } from './child.mjs';
import { controlApi } from './control-api.mjs';
import { cpuMs } from './process-cpu.mjs';
import { load, signedRequests } from './load.mjs';
import { topSelfTime } from './profile.mjs';

const log = (line) => process.stdout.write(`bench: delivery: ${line}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A Stripe source in development with the bench's signing secret, enforced; returns its id and URL. */
async function stripeSource(call, receiverUrl, secret, key) {
  const source = await call('sources.create', { key });
  const preset = (await call('verification.presets', {})).find((p) => p.id === 'stripe');
  await call('sources.update', { id: source.id, settings: { development: { verification: preset.config, enforceVerification: true } } });
  const updated = await call('sources.addSecret', { id: source.id, environment: 'development', secret });
  const dev = updated.settings.find((s) => s.environment === 'development');
  return { sourceId: source.id, url: `${receiverUrl}/in/${dev.endpointToken}` };
}

/** Exactly `amount` signed requests as fast as the receiver takes them; returns how many it accepted. */
async function send(url, bodies, amount, connections) {
  const result = await autocannon({
    url,
    connections,
    amount,
    method: 'POST',
    // Built once (see load.mjs): rebuilding every request made the generator the limit.
    requests: signedRequests(bodies),
  });
  return result['2xx'];
}

/** A load run and the host's CPU per request it took (what a loaded machine's req/s hides). */
async function measuredLoad(pid, url, bodies, settings) {
  const before = cpuMs(pid);
  const result = await load(url, bodies, { connections: settings.connections, durationS: settings.durationS });
  const after = cpuMs(pid);
  const hostCpuUsPerRequest = before === null || after === null || result.total === 0 ? null : ((after - before) * 1000) / result.total;
  return { ...result, hostCpuUsPerRequest };
}

/**
 * Waits until the app has received `target` requests; returns the time it took. Asked of the app,
 * not of Inlet, so that waiting costs Inlet nothing.
 */
async function drain(appUrl, target, { timeoutMs = 600_000, startedAt = performance.now() } = {}) {
  for (;;) {
    const { received } = await (await fetch(`${appUrl}/count`)).json();
    if (received >= target) return { ms: performance.now() - startedAt, received };
    if (performance.now() - startedAt > timeoutMs) throw new Error(`the app has ${received} of ${target} after ${timeoutMs} ms`);
    await sleep(10);
  }
}

/**
 * Runs in a host of its own (fresh data dir) next to a bare node:http app that reads each body and
 * answers 200 at once (the same server as the receiver's ceiling).
 *  1. Ceiling: autocannon against that app, as in the receiver benchmark.
 *  2. Delivery: a backlog of `events` held (destination paused), then released; timed from resume
 *     until the app has every one — only delivery, no ingest competing.
 *  3. Ingest: the receiver's rate into a source without destinations and into one with a
 *     destination (delivering meanwhile), alternating, `rounds` times; medians compared.
 */
export async function deliveryBench({ serveJs, root, tmpDir, appScript, bodies, secret, settings, events }) {
  const dataDir = mkdtempSync(join(tmpDir, 'inlet-delivery-'));
  const stops = [];
  try {
    const app = startChild(appScript, [], 'APP_READY');
    stops.push(app.stop);
    const { url: appUrl } = await app.ready;
    const token = randomBytes(24).toString('base64url');
    const profileDir = process.env.BENCH_PROFILE === '1' ? join(dataDir, 'profile') : null;
    const nodeArgs = [...hostNodeFlags(), ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])];
    const host = startChild(serveJs, ['--data-dir', dataDir, '--receiver-port', '0', '--control-port', '0', '--token', token], 'INLET_READY', { cwd: root, nodeArgs });
    stops.push(host.stop);
    const ready = await host.ready;
    const call = controlApi(ready);
    const plain = await stripeSource(call, ready.receiverUrl, secret, 'stripe-plain');
    const forwarded = await stripeSource(call, ready.receiverUrl, secret, 'stripe-forwarded');
    const destination = await call('destinations.create', { sourceId: forwarded.sourceId, environment: 'development', url: `${appUrl}/webhooks` });

    log(`ceiling: a bare node:http app, ${settings.durationS} s… (1-min load average ${loadavg()[0].toFixed(2)})`);
    await load(`${appUrl}/in/bench`, bodies, { connections: settings.connections, durationS: settings.warmupS });
    const ceiling = await load(`${appUrl}/in/bench`, bodies, { connections: settings.connections, durationS: settings.durationS });
    // The app's own count from here on is what Inlet delivered.
    const base = (await (await fetch(`${appUrl}/count`)).json()).received;
    let accepted = 0;

    // Warm the path once (connections, JIT), then the measured backlog.
    accepted += await send(forwarded.url, bodies, 2_000, settings.connections);
    await drain(appUrl, base + accepted);
    await call('destinations.pause', { id: destination.id });
    log(`delivery: ${events.toLocaleString('en-US')} events held, then released… (1-min load average ${loadavg()[0].toFixed(2)})`);
    const backlog = await send(forwarded.url, bodies, events, settings.connections);
    const cpuBefore = cpuMs(host.child.pid);
    const startedAt = performance.now();
    await call('destinations.resume', { id: destination.id });
    accepted += backlog;
    const drained = await drain(appUrl, base + accepted, { startedAt });
    const deliveredPerS = backlog / (drained.ms / 1000);
    const cpuAfter = cpuMs(host.child.pid);
    const hostCpuUsPerDelivery = cpuBefore === null || cpuAfter === null ? null : ((cpuAfter - cpuBefore) * 1000) / backlog;
    log(`delivery: Inlet host CPU ${hostCpuUsPerDelivery?.toFixed(0) ?? '—'} µs per delivery`);
    log(`delivery: ${Math.round(deliveredPerS).toLocaleString('en-US')} events/s delivered (ceiling ${Math.round(ceiling.requestsPerSecond).toLocaleString('en-US')} req/s)`);

    const rounds = [];
    for (let i = 1; i <= settings.rounds; i++) {
      log(`ingest round ${i} of ${settings.rounds}: without, then with a destination (1-min load average ${loadavg()[0].toFixed(2)})`);
      const without = await measuredLoad(host.child.pid, plain.url, bodies, settings);
      const withDest = await measuredLoad(host.child.pid, forwarded.url, bodies, settings);
      accepted += withDest.ok2xx;
      // The next round starts with nothing left to deliver.
      const after = await drain(appUrl, base + accepted);
      rounds.push({ without, with: withDest, ratio: withDest.requestsPerSecond / without.requestsPerSecond, drainAfterMs: after.ms });
      log(`ingest round ${i}: ${Math.round(without.requestsPerSecond)} vs ${Math.round(withDest.requestsPerSecond)} req/s, host CPU ${without.hostCpuUsPerRequest?.toFixed(0) ?? '—'} vs ${withDest.hostCpuUsPerRequest?.toFixed(0) ?? '—'} µs per request`);
    }
    const cpuOf = (side) => (rounds.every((r) => r[side].hostCpuUsPerRequest !== null) ? median(rounds.map((r) => r[side].hostCpuUsPerRequest)) : null);
    const ingest = {
      withoutPerS: median(rounds.map((r) => r.without.requestsPerSecond)),
      withPerS: median(rounds.map((r) => r.with.requestsPerSecond)),
      ratio: median(rounds.map((r) => r.ratio)),
      withoutCpuUs: cpuOf('without'),
      withCpuUs: cpuOf('with'),
      rounds,
    };
    log(`ingest: ${Math.round(ingest.withoutPerS).toLocaleString('en-US')} req/s without, ${Math.round(ingest.withPerS).toLocaleString('en-US')} with a destination (${ingest.ratio.toFixed(2)}×); host CPU ${ingest.withoutCpuUs?.toFixed(0) ?? '—'} vs ${ingest.withCpuUs?.toFixed(0) ?? '—'} µs per request`);
    // Inlet records an answer just after the app sent it: give the last records a moment.
    let [final] = await call('destinations.list', { sourceId: forwarded.sourceId });
    for (let i = 0; i < 100 && final.counts.delivered < accepted; i++) {
      await sleep(100);
      [final] = await call('destinations.list', { sourceId: forwarded.sourceId });
    }
    if (profileDir) {
      await host.stop();
      log('Inlet host, self time by function (whole run):');
      for (const { fn, ms, share } of topSelfTime(profileDir, root)) process.stdout.write(`  ${(share * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${fn}\n`);
    }
    return {
      ceilingPerS: ceiling.requestsPerSecond,
      events: backlog,
      drainMs: drained.ms,
      deliveredPerS,
      hostCpuUsPerDelivery,
      concurrency: destination.concurrency,
      ingest,
      counts: final.counts,
      expectedDelivered: accepted,
      appReceived: (await (await fetch(`${appUrl}/count`)).json()).received - base,
    };
  } finally {
    for (const stop of stops.reverse()) await stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The forwarding section of bench/RESULTS.md. */
export function renderDeliveryReport(d) {
  const lost = d.counts.delivered < d.expectedDelivered || d.appReceived < d.expectedDelivered;
  return `## Forwarding: delivery to a local app, and what a destination costs ingest

The app is a bare \`node:http\` server in its own process that reads each body and answers 200 at once (bench/delivery-app.mjs; the receiver's ceiling server plus a counter); its ceiling is measured in the same run. One destination, as received, default concurrency (${d.concurrency}).

| | events/s |
|---|---:|
| Baseline: the bare app taking requests from autocannon | ${fmt(d.ceilingPerS)} |
| Delivery: a backlog of ${fmt(d.events)} held events released, until the app has them all (${fmt(d.drainMs / 1000, 2)} s) | ${fmt(d.deliveredPerS)} |

Delivery / ceiling: **${fmt(d.deliveredPerS / d.ceilingPerS, 2)}×**; the Inlet host spent ${d.hostCpuUsPerDelivery === null ? '—' : fmt(d.hostCpuUsPerDelivery)} µs of CPU per delivery (steadier than the rate when other work shares the cores). Target: ≥ 5,000 deliveries/s (${d.deliveredPerS >= 5_000 ? 'met' : 'NOT met'}).

| Ingest (median of ${d.ingest.rounds.length} alternating rounds) | req/s | host CPU µs per request |
|---|---:|---:|
| Into a source without destinations | ${fmt(d.ingest.withoutPerS)} | ${d.ingest.withoutCpuUs === null ? '—' : fmt(d.ingest.withoutCpuUs)} |
| Into a source with one destination (delivering meanwhile, yielding to ingest) | ${fmt(d.ingest.withPerS)} | ${d.ingest.withCpuUs === null ? '—' : fmt(d.ingest.withCpuUs)} |

With / without: **${fmt(d.ingest.ratio, 2)}×** (rounds: ${d.ingest.rounds.map((r) => fmt(r.ratio, 2)).join(', ')}). Target: within 10 % (${d.ingest.ratio >= 0.9 ? 'met' : 'NOT met'}). Checked after the run: Inlet counts ${fmt(d.counts.delivered)} delivered of ${fmt(d.expectedDelivered)} accepted, the app received ${fmt(d.appReceived)} (at least once: a delivery can arrive twice, none may be missing)${lost ? ' — DELIVERIES MISSING' : ''}, ${fmt(d.counts.failed)} failed.
`;
}
