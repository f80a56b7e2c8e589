import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import { captureFileText, toCapture, type Capture } from '../../shared/portability/capture-format';
import { examples, withSession } from '../command';
import { badInput, CliError } from '../errors';
import { out, printJson } from '../output';
import { progressBar } from '../progress';
import { findSource } from '../resolve';
import { readInputFile } from './send';
import { addFilterOptions, toFilter, type FilterOptions } from './events';

function writeOutput(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw badInput(`Can't write ${file}: ${(error as Error).message}`);
  }
}

/** The newest `max` matching events as captures, oldest first (the order a replay would take). */
async function exportCaptures(client: ApiClient, filter: Awaited<ReturnType<typeof toFilter>>, max: number): Promise<Capture[]> {
  const ids: number[] = [];
  let cursor: number | undefined;
  while (ids.length < max) {
    const page = await client.call('events.list', { ...filter, limit: Math.min(500, max - ids.length), ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((e) => e.id));
    if (page.nextCursor === null) break;
    cursor = page.nextCursor;
  }
  ids.reverse();
  const bar = progressBar('Exporting');
  const captures: Capture[] = [];
  try {
    for (const [i, id] of ids.entries()) {
      captures.push(toCapture(await client.call('events.get', { id })));
      bar.update(i + 1, ids.length);
    }
  } finally {
    bar.stop();
  }
  return captures;
}

export function registerPortability(program: Command): void {
  const exp = addFilterOptions(program.command('export').description('Write logged requests to a file the import (and the app) reads back'))
    .requiredOption('-o, --output <file>', 'where to write the captures')
    .option('--limit <n>', 'at most this many (newest)', (raw) => {
      if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badInput(`--limit "${raw}": a positive number`);
      return Number(raw);
    }, 1000)
    .action(async (opts: FilterOptions & { output: string; limit: number }, command: Command) => {
      await withSession(command, async ({ client }, g) => {
        const captures = await exportCaptures(client, await toFilter(client, opts), opts.limit);
        writeOutput(opts.output, captureFileText(captures));
        if (g.json) printJson({ file: opts.output, count: captures.length });
        else out(`Wrote ${captures.length} request(s) to ${opts.output}`);
      });
    });
  examples(exp, ['inlet export --source stripe --since 1d -o captures.json']);

  const config = program.command('config').description('Export or import the configuration (environments, workflows, sources, mappings)');
  const cexp = config
    .command('export')
    .description('Write the configuration as a file; endpoint tokens never leave, secrets only when asked')
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--include-secrets', 'include signing secrets and secret variables')
    .option('--source <key...>', 'only these sources')
    .action(async (opts: { output?: string; includeSecrets?: boolean; source?: string[] }, command: Command) => {
      await withSession(command, async ({ client }) => {
        const sourceIds: string[] = [];
        for (const key of opts.source ?? []) {
          const s = await findSource(client, key);
          if (!s) throw badInput(`Unknown source "${key}"`);
          sourceIds.push(s.id);
        }
        const file = await client.call('config.export', { includeSecrets: opts.includeSecrets === true, ...(opts.source ? { sourceIds } : {}) });
        const text = `${JSON.stringify(file, null, 2)}\n`;
        if (opts.output === undefined) process.stdout.write(text);
        else writeOutput(opts.output, text);
      });
    });
  examples(cexp, ['inlet config export -o inlet-config.json', 'inlet config export --source stripe --include-secrets > stripe.json']);

  const cimp = config
    .command('import')
    .description('Apply an exported configuration in one transaction (scripts arrive off until approved)')
    .argument('<file>', 'a file written by `inlet config export` or the app')
    .addOption(new Option('--on-conflict <what>', 'when a source key exists already').choices(['skip', 'rename']).default('skip'))
    .action(async (path: string, opts: { onConflict: 'skip' | 'rename' }, command: Command) => {
      let json: unknown;
      try {
        json = JSON.parse(readInputFile(path));
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw badInput(`${path} is not JSON: ${(error as Error).message}`);
      }
      // Loaded here, not at start: the schema needs zod, and every command's start would pay for it.
      const { ExportFileSchema } = await import('../../shared/domain/export');
      const file = ExportFileSchema.safeParse(json);
      if (!file.success) {
        const issue = file.error.issues[0];
        throw badInput(`${path} is not an Inlet configuration file: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'unknown shape'}`);
      }
      await withSession(command, async ({ client }, g) => {
        const result = await client.call('config.import', { file: file.data, onConflict: opts.onConflict });
        if (g.json) return printJson(result);
        out(`Created ${result.created.length} source(s)${result.created.length ? `: ${result.created.map((c) => c.key).join(', ')}` : ''}`);
        for (const s of result.skipped) out(`Skipped ${s.key}: ${s.reason}`);
        for (const a of result.awaitingApproval) out(`The ${a.environment} script of ${a.key} is off until approved in the app`);
        for (const w of result.warnings) out(`Warning: ${w}`);
      });
    });
  examples(cimp, ['inlet config import inlet-config.json --on-conflict rename']);
}
