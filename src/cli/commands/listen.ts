import { Option, type Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import type { PushPayload } from '../../shared/api/events';
import type { EventSummary } from '../../shared/domain/event';
import { examples, globals } from '../command';
import { badInput } from '../errors';
import { actionsText, bold, dim, out, printJsonLine, statusText, time } from '../output';
import { endpointUrl, ensureSource, resolveEnv } from '../resolve';
import { openSession } from '../session';
import { untilStopped } from '../stop';

/** `customer.*` / `*.created` / exact, as mappings match event types. */
export function eventPattern(pattern: string | undefined): (type: string | null) => boolean {
  if (pattern === undefined) return () => true;
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return (type) => type !== null && re.test(type);
}

function tunnelLine(s: PushPayload<'tunnel.statusChanged'>, path: string): string {
  switch (s.state) {
    case 'up':
      return `Public URL: ${s.url}${path}${s.previousUrl ? ` (moved from ${s.previousUrl}: update the provider)` : ''}`;
    case 'reconnecting':
      return `Tunnel down (${s.reason}); reconnecting, attempt ${s.attempt}…`;
    case 'starting':
      return `Tunnel starting via ${s.serverUrl}…`;
    default:
      return `Tunnel: ${s.state}`;
  }
}

async function eventLine(client: ApiClient, e: EventSummary): Promise<string> {
  let runs = '';
  if (e.actionStatus && e.actionStatus !== 'no_mapping') {
    const detail = await client.call('events.get', { id: e.id });
    const counts = new Map<string, number>();
    for (const r of detail.actionRuns) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    runs = ` (${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')})`;
  }
  return `${dim(time(e.receivedAt))}  ${bold(e.eventType ?? '—')}  ${e.verification}  ${statusText(e.responseStatus)}  ${actionsText(e)}${runs}  ${dim(`#${e.id}`)}`;
}

/** `--forward-to`: checked before anything is opened, so a typo changes nothing. */
function forwardUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badInput(`--forward-to "${raw}": not a URL (e.g. http://localhost:3000/webhooks)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw badInput(`--forward-to "${raw}": http:// or https:// only`);
  return url.href;
}

/** The source's destination for that URL in that environment: reused when it exists, else added. */
async function ensureDestination(client: ApiClient, sourceId: string, environment: string, url: string, events: string | undefined) {
  const existing = (await client.call('destinations.list', { sourceId, environment })).find((d) => d.url === url);
  if (existing) return existing;
  return client.call('destinations.create', { sourceId, environment, url, name: 'inlet listen', ...(events === undefined ? {} : { eventTypes: [events] }) });
}

function deliveryLine(d: PushPayload<'deliveries.changed'>): string {
  const to = `#${d.eventId} → ${d.destinationName}`;
  switch (d.status) {
    case 'delivered':
      return `  ↳ ${to}: ${statusText(d.lastStatus ?? 0)}${d.latencyMs === null ? '' : ` in ${d.latencyMs} ms`}`;
    case 'failed':
      return `  ↳ ${to}: failed${d.lastStatus ? ` (${d.lastStatus})` : ''}${d.lastError ? `: ${d.lastError}` : ''}`;
    case 'held':
      return `  ↳ ${to}: held`;
    default:
      return d.attempts > 0 ? `  ↳ ${to}: attempt ${d.attempts} failed${d.lastError ? ` (${d.lastError})` : ''}; retrying` : `  ↳ ${to}: queued`;
  }
}

interface ListenOptions {
  env?: string;
  tunnel?: boolean;
  events?: string;
  secret?: string;
  forwardTo?: string;
  printJson?: boolean;
  port?: number;
}

export function registerListen(program: Command): void {
  const cmd = program
    .command('listen')
    .description('Receive a source\'s webhooks and print one line per event (connects the template first if needed)')
    .argument('<source>', 'a source key, or a template id to connect with its default mappings')
    .option('--env <env>', 'environment (default: the first one)')
    .option('--tunnel', 'also open the public tunnel and print its URL')
    .option('--events <pattern>', 'only print these event types (exact, or with * like customer.*)')
    .option('--secret <secret>', 'signing secret, used when the template is connected now')
    .option('--forward-to <url>', 'forward each event to your app (a destination, kept for next time); one ↳ line per delivery')
    .option('--print-json', 'print each event in full as one JSON line')
    .addOption(new Option('--port <port>', 'receiver port when no Inlet is running (default: any free port)').argParser((raw) => {
      if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw badInput(`--port "${raw}": a port number 0–65535`);
      return Number(raw);
    }))
    .action(async (name: string, opts: ListenOptions, command: Command) => {
      const forwardTo = opts.forwardTo === undefined ? undefined : forwardUrl(opts.forwardTo);
      const g = globals(command);
      const session = await openSession(g.dataDir, opts.port === undefined ? {} : { receiverPort: opts.port });
      const offs: Array<() => void> = [];
      try {
        const { client } = session;
        const env = await resolveEnv(client, opts.env);
        const { source, created } = await ensureSource(client, name, { env, ...(opts.secret === undefined ? {} : { secret: opts.secret }) });
        const wanted = eventPattern(opts.events);
        const json = g.json === true || opts.printJson === true;
        const say = (line: string) => (json ? process.stderr.write(`${line}\n`) : out(line));
        if (created) say(`Connected ${source.name} as "${source.key}" with its default mappings.`);
        say(`Listening for ${source.key} (${env})${session.mode === 'attached' ? ' through the running Inlet' : ''}. Ctrl+C stops.`);
        const local = endpointUrl(session.receiverUrl, source, env);
        const path = new URL(local).pathname;
        say(`Local URL:  ${local}`);
        const destination = forwardTo === undefined ? null : await ensureDestination(client, source.id, env, forwardTo, opts.events);
        if (destination) say(`Forwarding to ${destination.url}${destination.paused ? ' (paused: resume it in the app)' : ''}; each delivery prints a ↳ line.`);

        const pending = new Set<number>();
        const print = async (e: EventSummary) => {
          if (json) return printJsonLine(await client.call('events.get', { id: e.id }));
          out(await eventLine(client, e));
        };
        offs.push(
          client.on('events.received', (e) => {
            if (e.sourceId !== source.id || e.environment !== env || !wanted(e.eventType)) return;
            // Print once its actions ran, so the line carries their outcome.
            if (e.processing === 'pending') pending.add(e.id);
            else void print(e);
          }),
          client.on('events.processed', (p) => {
            if (!pending.delete(p.id)) return;
            void client.call('events.get', { id: p.id }).then(print, () => {});
          }),
          client.on('tunnel.statusChanged', (s) => say(tunnelLine(s, path))),
          client.on('deliveries.changed', (d) => {
            if (destination && d.destinationId === destination.id) say(deliveryLine(d));
          }),
          client.on('destinations.status', (s) => {
            if (destination && s.id === destination.id && s.health === 'held') say(`  ↳ ${s.name} is not answering: events are held and delivered when it is back.`);
          }),
        );
        if (opts.tunnel) {
          const status = await client.call('tunnel.start', {});
          say(tunnelLine(status, path));
        }
        const signal = await untilStopped();
        say(`${signal === 'SIGINT' ? 'Stopped' : `${signal}: stopping`}.`);
        if (opts.tunnel && session.mode === 'attached') await client.call('tunnel.stop', {});
      } finally {
        offs.forEach((off) => off());
        await session.close();
      }
    });
  examples(cmd, [
    'inlet listen stripe --secret whsec_…',
    'inlet listen github --env production --tunnel',
    'inlet listen stripe --events "invoice.*" --print-json',
    'inlet listen stripe --forward-to http://localhost:3000/webhooks',
  ]);
}
