import type { Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import type { PushPayload } from '../../shared/api/events';
import type { EventSummary, ReplayMode } from '../../shared/domain/event';
import { examples, withSession } from '../command';
import { badInput, CliError } from '../errors';
import { EVENT_HEADERS, eventRow, out, printJson, table } from '../output';
import { progressBar } from '../progress';
import { addFilterOptions, parseId, toFilter, type EventFilter, type FilterOptions } from './events';

/** Undefined: Inlet's default per event (re-signed when older than its scheme's tolerance). */
type Mode = ReplayMode | undefined;
type JobEnd = PushPayload<'replay.progress'>;

/** Starts a bulk replay and follows its progress pushes to the end. */
async function replayMatching(client: ApiClient, filter: EventFilter, mode: Mode, respectIdempotency: boolean, max: number): Promise<JobEnd> {
  const bar = progressBar('Replaying');
  let jobId: string | null = null;
  const early: JobEnd[] = [];
  let settle: (p: JobEnd) => void = () => {};
  const ended = new Promise<JobEnd>((resolve) => (settle = resolve));
  const onProgress = (p: JobEnd) => {
    bar.update(p.done, p.total);
    if (p.state !== 'running') settle(p);
  };
  // Subscribed before starting: a small job can finish before `replayMany` answers.
  const off = client.on('replay.progress', (p) => (jobId === null ? early.push(p) : p.jobId === jobId && onProgress(p)));
  try {
    const job = await client.call('events.replayMany', { ...filter, ...(mode ? { mode } : {}), respectIdempotency, max });
    if (job.total === 0) return { jobId: job.jobId, done: 0, total: 0, state: 'finished' };
    jobId = job.jobId;
    early.filter((p) => p.jobId === job.jobId).forEach(onProgress);
    return await ended;
  } finally {
    off();
    bar.stop();
  }
}

interface ReplayOptions extends FilterOptions {
  resign?: boolean;
  asConfigured?: boolean;
  ignoreVerification?: boolean;
  respectIdempotency?: boolean;
  max: number;
}

export function registerReplay(program: Command): void {
  const cmd = addFilterOptions(
    program
      .command('replay')
      .description('Send logged events through the current configuration again (each replay is a new log entry)')
      .argument('[ids...]', 'event ids; without ids, every event the filter options match (oldest first)'),
  )
    .option('--resign', "sign each request afresh as its provider would (current secret, new timestamp), then verify it; the default for events older than their scheme's tolerance")
    .option('--as-configured', 'verify the logged signature as configured now, without re-signing (stale signatures fail)')
    .option('--ignore-verification', 'treat verification and timestamps as passed (for stale or foreign signatures)')
    .option('--respect-idempotency', 'skip events whose idempotency key was already processed')
    .option('--max <n>', 'with a filter: replay at most this many', (raw) => {
      if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badInput(`--max "${raw}": a positive number`);
      return Number(raw);
    }, 10_000)
    .action(async (rawIds: string[], opts: ReplayOptions, command: Command) => {
      const ids = rawIds.map(parseId);
      const chosen = (['resign', 'asConfigured', 'ignoreVerification'] as const).filter((flag) => opts[flag] === true);
      if (chosen.length > 1) throw badInput('Choose one of --resign, --as-configured and --ignore-verification');
      const mode: Mode = opts.resign ? 'resign' : opts.asConfigured ? 'as_is' : opts.ignoreVerification ? 'ignore_verification' : undefined;
      const respectIdempotency = opts.respectIdempotency === true;
      await withSession(command, async ({ client }, g) => {
        const filter = await toFilter(client, opts);
        if (ids.length === 0 && Object.keys(filter).length === 0) {
          throw badInput('Name the events: give their ids, or filter options such as --source stripe --since 1h');
        }
        if (ids.length === 0) {
          // Without a mode each event takes its own default: say which will be re-signed, and why, first.
          if (mode === undefined && !g.json) process.stderr.write(`${(await client.call('events.replayPlan', { ...filter, max: opts.max })).summary}\n`);
          const end = await replayMatching(client, filter, mode, respectIdempotency, opts.max);
          if (g.json) printJson(end);
          else out(`Replayed ${end.done - (end.failed ?? 0)} of ${end.total}${end.failed ? ` — ${end.failed} failed` : ''}${end.state === 'finished' ? '' : ` (${end.state}${end.error ? `: ${end.error}` : ''})`}`);
          for (const f of end.failures ?? []) process.stderr.write(`event ${f.id}: ${f.error}\n`);
          if (end.state !== 'finished' || end.failed) throw new CliError('Some events were not replayed');
          return;
        }
        const bar = progressBar('Replaying');
        const replays: EventSummary[] = [];
        try {
          for (const [i, id] of ids.entries()) {
            replays.push(await client.call('events.replay', { id, ...(mode ? { mode } : {}), respectIdempotency }));
            bar.update(i + 1, ids.length);
          }
        } finally {
          bar.stop();
        }
        if (g.json) printJson(replays);
        else out(table(EVENT_HEADERS, replays.map(eventRow)));
      });
    });
  examples(cmd, [
    'inlet replay 41 42',
    'inlet replay 41 --resign',
    'inlet replay --source stripe --verification failed --since 2h --ignore-verification',
    'inlet replay --type invoice.paid --max 100 --json',
  ]);
}
