// The `inlet` command's cold start: each command is a fresh `node bin/inlet.mjs …` process, timed
// from spawn to exit, next to `node -e 0` in the same run (round-robin, so a noisy moment on shared
// cores hits every command alike). Run alone with `BENCH_ONLY=cli npm run bench` or
// `node bench/cli-bench.mjs` (after `npm run build`). BENCH_CLI_RUNS sets the runs per command (15).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startChild } from './lib/child.mjs';
import { controlApi } from './lib/control-api.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const BIN = join(root, 'bin', 'inlet.mjs');
const WHSEC = `whsec_${randomBytes(24).toString('base64')}`;

/** Wall time of one child process, spawn to exit, in ms; a non-zero exit fails the benchmark. */
function timed(args, env = {}) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, INLET_SKIP_BUILD: '1', NO_COLOR: '1', ...env } });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)))),
  );
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function runCliBench({ runs = Number(process.env.BENCH_CLI_RUNS) || 15, log = () => {} } = {}) {
  const attachedDir = mkdtempSync(join(tmpdir(), 'inlet-bench-cli-'));
  const embeddedDir = mkdtempSync(join(tmpdir(), 'inlet-bench-cli-'));
  const host = startChild(join(root, 'out', 'main', 'serve.js'), ['--data-dir', attachedDir, '--receiver-port', '0', '--control-port', '0'], 'INLET_READY', { cwd: root });
  try {
    const ready = await host.ready;
    const call = controlApi(ready);
    const stripe = (await call('templates.get', { id: 'stripe' })).defaultMappings.filter((m) => m.enabledByDefault).map((m) => m.id);
    await call('sources.connect', { templateId: 'stripe', key: 'stripe', mappingIds: stripe, secrets: { development: WHSEC } });
    // The embedded data dir gets the same source, through the command itself.
    await timed([BIN, '--data-dir', embeddedDir, 'sources', 'connect', 'stripe', '--secret', WHSEC]);
    const commands = {
      baseline: ['-e', '0'],
      help: [BIN, '--help'],
      eventsAttached: [BIN, '--data-dir', attachedDir, 'events', '--json'],
      sendAttached: [BIN, '--data-dir', attachedDir, 'send', 'stripe', 'invoice.paid', '--json'],
      eventsEmbedded: [BIN, '--data-dir', embeddedDir, 'events', '--json'],
    };
    const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
    log(`cli: ${runs} runs of each command, round-robin (1-min load average ${loadavg()[0].toFixed(2)})`);
    for (let i = 0; i < runs; i++) for (const [name, args] of Object.entries(commands)) times[name].push(await timed(args));
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    return { runs, loadAfter: loadavg()[0], medians, overBaseline: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, v - medians.baseline])) };
  } finally {
    await host.stop();
    rmSync(attachedDir, { recursive: true, force: true });
    rmSync(embeddedDir, { recursive: true, force: true });
  }
}

const LABELS = {
  help: '`inlet --help`',
  eventsAttached: '`inlet events --json`, attached to a running host',
  sendAttached: '`inlet send stripe invoice.paid --json`, attached',
  eventsEmbedded: '`inlet events --json`, embedded (no host: opens the data dir)',
};

export function renderCliReport(result) {
  const ms = (v) => `${v.toFixed(0)} ms`;
  const rows = Object.entries(LABELS).map(
    ([k, label]) => `| ${label} | ${ms(result.medians[k])} | ${ms(result.overBaseline[k])} | ${k === 'eventsEmbedded' ? '—' : result.overBaseline[k] <= 300 ? 'yes' : 'no'} |`,
  );
  return [
    '## CLI cold start',
    '',
    `Median wall time of ${result.runs} fresh processes each (spawn to exit), round-robin with \`node -e 0\` (${ms(result.medians.baseline)} here).`,
    'Target: at most 300 ms over the baseline for the commands that load no core.',
    '',
    '| command | median | over `node -e 0` | within target |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await runCliBench({ log: (l) => process.stdout.write(`bench: ${l}\n`) });
  process.stdout.write(`${renderCliReport(result)}\n`);
}
