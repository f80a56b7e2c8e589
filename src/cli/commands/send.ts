import type { Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import type { Source } from '../../shared/domain/source';
import { examples, withSession } from '../command';
import { badInput, CliError, EXIT } from '../errors';
import { actionsText, out, printJson, statusText } from '../output';
import { readInputFile } from '../read-file';
import { findSource, resolveEnv, unknownSourceOrTemplate } from '../resolve';

// portability.ts reads its files with the same helper.
export { readInputFile };

export interface Override {
  path: string;
  value: unknown;
}

/** `path=value`: the value as JSON when it parses (`500`, `true`, `{"a":1}`), else as text. */
export function parseSet(raw: string, previous: Override[] = []): Override[] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw badInput(`--set "${raw}": write it as path=value, e.g. data.object.amount_paid=500`);
  const text = raw.slice(eq + 1);
  let value: unknown = text;
  try {
    value = JSON.parse(text);
  } catch {
    // Plain text, e.g. --set data.object.currency=eur
  }
  return [...previous, { path: raw.slice(0, eq), value }];
}

/** A sample by id or event type, or a logged event by its number. */
async function pickSample(client: ApiClient, source: Source, wanted: string): Promise<{ sampleId: string } | { eventId: number }> {
  if (/^\d+$/.test(wanted)) return { eventId: Number(wanted) };
  const templates = await client.call('templates.list', {});
  if (!templates.some((t) => t.id === source.templateId)) throw badInput(`${source.key} was not made from a template, so it has no samples; pass a logged event's id instead`);
  const template = await client.call('templates.get', { id: source.templateId });
  const sample = template.samples.find((s) => s.id === wanted) ?? template.samples.find((s) => s.eventType === wanted);
  if (!sample) {
    throw badInput(`${template.name} has no sample "${wanted}"; it has: ${template.samples.map((s) => s.eventType).join(', ')}`);
  }
  return { sampleId: sample.id };
}

interface SendOptions {
  set?: Override[];
  data?: string;
  env?: string;
  to?: string;
}

export function registerSend(program: Command): void {
  const cmd = program
    .command('send')
    .description('Send a signed test event from a template sample, with your changes applied before signing')
    .argument('<source>', 'a source key, or the id of the template a source was made from')
    .argument('<sample>', 'a sample id or event type (invoice.paid), or a logged event id to re-send')
    .option('--set <path=value>', 'set a value in the JSON body before signing (repeatable; JSON values allowed)', parseSet)
    .option('--data <file>', 'replace the sample body with this file (JSON for JSON samples)')
    .option('--env <env>', 'environment (default: the first one)')
    .option('--to <url>', 'send to this URL (your own endpoint) instead of through Inlet\'s receiver')
    .action(async (source: string, sample: string, opts: SendOptions, command: Command) => {
      // Read before anything else, so an unreadable file changes nothing.
      const body = opts.data === undefined ? undefined : readInputFile(opts.data, '--data file');
      await withSession(command, async ({ client }, g) => {
        const env = await resolveEnv(client, opts.env);
        // Never connects: a send that then fails must leave nothing behind (`inlet listen` connects).
        const found = await findSource(client, source);
        if (!found) throw await unknownSourceOrTemplate(client, source);
        const input = {
          sourceId: found.id,
          environment: env,
          sample: await pickSample(client, found, sample),
          overrides: opts.set ?? [],
          ...(body === undefined ? {} : { body }),
        };
        if (opts.to !== undefined) {
          if (!URL.canParse(opts.to)) throw badInput(`--to "${opts.to}" is not a URL`);
          const answer = await client.call('events.sendSigned', { ...input, url: opts.to });
          if (g.json) printJson(answer);
          else out(`POST ${opts.to} → ${statusText(answer.status)} in ${Math.round(answer.latencyMs)} ms`);
          if (answer.status >= 400) throw new CliError(`${opts.to} answered ${answer.status}`, EXIT.failed);
          return;
        }
        const result = await client.call('events.sendTest', input);
        if (g.json) printJson(result);
        else {
          const e = result.event;
          out(`Sent ${e.eventType ?? 'event'} to ${found.key} (${env}): answered ${statusText(result.status)}, event ${e.id} ${e.verification}, actions ${actionsText(e)}`);
        }
        if (result.status >= 400) throw new CliError(`The receiver answered ${result.status}${result.event.error ? `: ${result.event.error}` : ''}`, EXIT.failed);
      });
    });
  examples(cmd, [
    'inlet send stripe invoice.paid --set data.object.amount_paid=500',
    'inlet send stripe customer.created --data ./customer.json --env production',
    'inlet send github push --to http://localhost:3000/webhooks',
  ]);
}
