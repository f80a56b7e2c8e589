import { createReadStream, createWriteStream, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { CaptureProgress } from '../../src/shared/api/contract-captures';
import { readCaptures } from '../../src/main/core/captures/read-captures';
import { startTestCore } from '../../src/main/core/testing/test-core';
import { stripeLikeBody } from './fixture';

/**
 * Importing a large JSON Lines file (BENCH_IMPORT_MB, default 100 MB of Stripe-shaped captures)
 * through `captures.import` by path, as the CLI and the desktop app do: timed until every event is
 * logged, with this process's peak resident memory (VmHWM), which must stay far below the file's
 * size. Baseline in the same run: only reading and checking the file (no judging, no writing).
 */
const MB = Number(process.env.BENCH_IMPORT_MB) || 100;
const log = (line: string) => process.stderr.write(`bench: import: ${line}\n`);
const mib = (bytes: number) => bytes / 2 ** 20;
const vmHwmMiB = (): number | null => {
  const kib = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]);
  return Number.isFinite(kib) ? kib / 1024 : null;
};

const t = await startTestCore();
const file = join(t.dir, 'captures.jsonl');
try {
  const { id: sourceId } = await t.call('sources.create', { key: 'stripe' });
  log(`writing ${MB} MB of JSON Lines…`);
  const out = createWriteStream(file);
  let lines = 0;
  for (let bytes = 0; bytes < MB * 2 ** 20; lines++) {
    const body = stripeLikeBody(lines, lines % 2 ? 'customer.created' : 'invoice.paid').toString('utf8');
    const line = `${JSON.stringify({ headers: { 'content-type': 'application/json', 'stripe-signature': `t=1717000000,v1=${lines.toString(16).padStart(64, '0')}` }, body, receivedAt: '2024-06-01T12:00:00Z' })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  const fileMiB = mib(statSync(file).size);
  const rssBeforeMiB = mib(process.memoryUsage().rss);

  log('baseline: reading and checking the file only…');
  const r0 = performance.now();
  const read = await readCaptures(createReadStream(file, { encoding: 'utf8', highWaterMark: 2 ** 20 }) as AsyncIterable<string>);
  if (!read.ok) throw new Error(read.error);
  let checked = 0;
  for await (const entry of read.entries) if (entry.kind === 'request') checked += 1;
  const readMs = performance.now() - r0;

  log(`importing ${lines.toLocaleString('en-US')} captures…`);
  let end: CaptureProgress | null = null;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  t.core.subscribe((m) => {
    if (m.name === 'captures.progress' && m.payload.state !== 'running') {
      end = m.payload;
      finished();
    }
  });
  const t0 = performance.now();
  const cpu = process.cpuUsage();
  await t.call('captures.import', { sourceId, environment: 'development', path: file });
  await done;
  const importMs = performance.now() - t0;
  const { user, system } = process.cpuUsage(cpu);
  const result = end as CaptureProgress | null;
  if (result?.state !== 'finished') throw new Error(`the import ended ${result?.state}: ${result?.error ?? ''}`);
  const logged = (await t.call('events.count', { sourceId, origin: 'import', cap: lines + 1 })).count;
  process.stdout.write(
    `RESULT ${JSON.stringify({ fileMiB, lines, checked, readMs, importMs, imported: result.imported, failed: result.failed, logged, cpuUsPerEvent: ((user + system) / result.imported), rssBeforeMiB, peakRssMiB: vmHwmMiB() })}\n`,
  );
} finally {
  rmSync(file, { force: true });
  await t.close();
}
