import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import { captureFileText, toCapture, type Capture } from '../../shared/portability/capture-format';
import { examples, withSession } from '../command';
import { badInput } from '../errors';
import { out, printJson } from '../output';
import { progressBar } from '../progress';
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
}
