import { Option, type Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import type { ApiInput } from '../../shared/api/contract';
import type { EventSummary } from '../../shared/domain/event';
import { ACTION_STATUS_CHOICES, ORIGIN_CHOICES, VERIFICATION_CHOICES } from '../choices';
import { examples, withSession } from '../command';
import { badInput } from '../errors';
import { dim, EVENT_HEADERS, eventRow, out, printJson, printJsonLine, table } from '../output';
import { findSource } from '../resolve';
import { untilStopped } from '../stop';

export type EventFilter = Omit<ApiInput<'events.list'>, 'cursor' | 'limit'>;

export interface FilterOptions {
  source?: string;
  env?: string;
  type?: string;
  verification?: EventSummary['verification'];
  origin?: EventSummary['origin'];
  actions?: NonNullable<EventSummary['actionStatus']>;
  since?: string;
  search?: string;
}

/** `--since 15m` / `2h` / `3d`, or a date (`2025-01-31`, ISO time). */
export function parseSince(raw: string, now = Date.now()): number {
  const rel = /^(\d+)(s|m|h|d)$/.exec(raw);
  if (rel) return now - Number(rel[1]) * { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[rel[2] as 's' | 'm' | 'h' | 'd'];
  const at = Date.parse(raw);
  if (Number.isNaN(at)) throw badInput(`--since "${raw}": use a duration like 15m, 2h, 3d or a date like 2025-01-31`);
  return at;
}

/** The filter options shared by `events`, `replay` and `export`. */
export function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--source <key>', 'only this source (key or id)')
    .option('--env <env>', 'only this environment')
    .option('--type <eventType>', 'only this event type')
    .addOption(new Option('--verification <status>', 'only this verification outcome').choices(VERIFICATION_CHOICES))
    .addOption(new Option('--origin <origin>', 'only events that arrived this way').choices(ORIGIN_CHOICES))
    .addOption(new Option('--actions <status>', 'only events whose actions ended so').choices(ACTION_STATUS_CHOICES))
    .option('--since <when>', 'only events since a duration ago (15m, 2h, 3d) or a date')
    .option('--search <words>', 'full-text search over bodies');
}

export async function toFilter(client: ApiClient, o: FilterOptions): Promise<EventFilter> {
  let sourceId: string | undefined;
  if (o.source !== undefined) {
    const source = await findSource(client, o.source);
    if (!source) throw badInput(`Unknown source "${o.source}"`);
    sourceId = source.id;
  }
  const filter: EventFilter = {};
  if (sourceId !== undefined) filter.sourceId = sourceId;
  if (o.env !== undefined) filter.environment = o.env;
  if (o.type !== undefined) filter.eventType = o.type;
  if (o.verification !== undefined) filter.verification = o.verification;
  if (o.origin !== undefined) filter.origin = o.origin;
  if (o.actions !== undefined) filter.actionStatus = o.actions;
  if (o.since !== undefined) filter.from = parseSince(o.since);
  if (o.search !== undefined) filter.search = o.search;
  return filter;
}

const parseCount = (raw: string): number => {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 500) throw badInput(`--limit "${raw}": a number from 1 to 500`);
  return Number(raw);
};

export const parseId = (raw: string): number => {
  if (!/^\d+$/.test(raw)) throw badInput(`"${raw}" is not an event id (a number)`);
  return Number(raw);
};

/** Whether an event passes the filter, for events pushed while following. */
function matches(e: EventSummary, f: EventFilter): boolean {
  return (
    (f.sourceId === undefined || e.sourceId === f.sourceId) &&
    (f.environment === undefined || e.environment === f.environment) &&
    (f.eventType === undefined || e.eventType === f.eventType) &&
    (f.verification === undefined || e.verification === f.verification) &&
    (f.origin === undefined || e.origin === f.origin)
  );
}

const SEARCH_BEHIND = 'Inlet is still indexing the newest events for search: some matches may be missing. Run the search again in a moment.\n';

export function registerEvents(program: Command): void {
  const cmd = addFilterOptions(program.command('events').description('The event log, newest first, as a table or JSON'))
    .option('--limit <n>', 'how many events (1–500)', parseCount, 20)
    .option('-f, --follow', 'keep printing events as they arrive (Ctrl+C stops)')
    .action(async (opts: FilterOptions & { limit: number; follow?: boolean }, command: Command) => {
      await withSession(command, async (session, g) => {
        const filter = await toFilter(session.client, opts);
        const page = await session.client.call('events.list', { ...filter, limit: opts.limit });
        if (page.searchBehind) process.stderr.write(SEARCH_BEHIND);
        const items = [...page.items].reverse();
        if (!opts.follow) {
          if (g.json) printJson(page.items);
          else out(items.length ? table(EVENT_HEADERS, items.map(eventRow)) : dim('No events match.'));
          return;
        }
        if (g.json) items.forEach(printJsonLine);
        else out(table(EVENT_HEADERS, items.map(eventRow)));
        if (session.mode === 'embedded' && !g.json) {
          process.stderr.write(`No Inlet is running on ${session.dataDir}; showing what this command's own receiver (${session.receiverUrl}) gets.\n`);
        }
        const off = session.client.on('events.received', (e) => {
          if (!matches(e, filter)) return;
          if (g.json) printJsonLine(e);
          else out(eventRow(e).join('  '));
        });
        await untilStopped();
        off();
      });
    });
  examples(cmd, ['inlet events', 'inlet events --source stripe --verification failed --since 1h', 'inlet events --follow', 'inlet events --json | jq ".[0].id"']);

  const show = cmd
    .command('show')
    .description('One event in full: request, parsed body, verification and action runs')
    .argument('<id>', 'event id', parseId)
    .action(async (id: number, _opts: unknown, command: Command) => {
      await withSession(command, async ({ client }, g) => {
        const e = await client.call('events.get', { id });
        if (g.json) return printJson(e);
        out(table(EVENT_HEADERS, [eventRow(e)]));
        out(`\n${e.method} ${e.path}${e.query ? `?${e.query.replace(/^\?/, '')}` : ''}`);
        for (const [name, value] of e.headers) out(`${dim(`${name}:`)} ${value}`);
        out('');
        out(e.parsedBody !== null && e.parsedBody !== undefined ? JSON.stringify(e.parsedBody, null, 2) : (e.bodyText ?? dim(`(${e.bodySize} bytes of binary)`)));
        if (e.error) out(`\nError: ${e.error}`);
        for (const run of e.actionRuns) out(`${dim('action')} ${run.actionType} ${run.status}${run.errors.length ? `: ${run.errors.map((x) => x.message).join('; ')}` : ''}`);
      });
    });
  examples(show, ['inlet events show 42', 'inlet events show 42 --json']);
}
