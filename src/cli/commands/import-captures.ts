import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { CaptureFormat } from '../../shared/api/contract-captures';
import { runImport } from '../capture-import';
import { CAPTURE_FORMAT_CHOICES } from '../choices';
import { examples, withSession } from '../command';
import { badInput, CliError } from '../errors';
import { out, printJson } from '../output';
import { findSource, resolveEnv } from '../resolve';

interface ImportOptions {
  source: string;
  env?: string;
  format?: CaptureFormat;
  entries?: number[];
  dryRun?: boolean;
}

/** "1,3-5" → [1, 3, 4, 5]. */
function parseEntries(raw: string): number[] {
  const picked: number[] = [];
  for (const part of raw.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw badInput(`--entries "${raw}": numbers and ranges such as 1,3-5`);
    const from = Number(m[1]);
    const to = Number(m[2] ?? m[1]);
    if (from < 1 || to < from || to - from > 100_000) throw badInput(`--entries "${part}": a range from 1 upwards`);
    for (let n = from; n <= to; n++) picked.push(n);
  }
  return picked;
}

export function registerImportCaptures(program: Command): void {
  const cmd = program
    .command('import')
    .description("Put captured requests into a source's log, judged as the receiver would now (not mapped until replayed): Inlet's export, JSON Lines, HAR, cURL commands, Stripe events or raw HTTP, detected from the file")
    .argument('<file>', 'the captures; - reads standard input')
    .requiredOption('--source <key>', 'the source whose log receives them')
    .option('--env <env>', 'environment (default: the first one)')
    .addOption(new Option('--format <format>', 'read as this format instead of detecting it').choices(CAPTURE_FORMAT_CHOICES))
    .option('--entries <list>', 'only these entries, by their number in --dry-run (e.g. 1,3-5)', parseEntries)
    .option('--dry-run', 'show what would be imported (format, requests, errors) and write nothing')
    .action(async (file: string, opts: ImportOptions, command: Command) => {
      const path = file === '-' ? undefined : resolve(file);
      if (path !== undefined && !existsSync(path)) throw badInput(`Can't read the file ${file}: no such file`);
      await withSession(command, async ({ client }, g) => {
        const source = await findSource(client, opts.source);
        if (!source) throw badInput(`Unknown source "${opts.source}"`);
        const environment = await resolveEnv(client, opts.env);
        const where = { sourceId: source.id, environment, ...(opts.format ? { format: opts.format } : {}) };
        if (opts.dryRun) {
          if (path === undefined) throw badInput('--dry-run reads a file; give its path instead of -');
          const preview = await client.call('captures.preview', { ...where, path, limit: 50 });
          if (g.json) return printJson(preview);
          out(`${preview.formatName}: ${preview.counts.requests} request(s) to import, ${preview.counts.skipped} skipped, ${preview.counts.errors} that cannot be imported`);
          for (const r of preview.requests) out(`  #${r.ordinal} (${r.where})  ${r.method} ${r.target || '/'}${r.query ? `?${r.query}` : ''}  ${r.eventType ?? '—'}  ${r.verification ?? ''}${r.unsigned ? ' (no signature)' : ''}`);
          if (!preview.complete) out(`  …and ${preview.counts.requests - preview.requests.length} more`);
          for (const e of preview.errors.slice(0, 20)) out(`  ${e.where}: ${e.error}`);
          return;
        }
        const end = await runImport(client, { ...where, ...(opts.entries ? { select: opts.entries } : {}), ...(path !== undefined ? { path } : {}) });
        if (g.json) printJson(end);
        if (end.state === 'failed') throw badInput(`${file}: ${end.error ?? 'the import stopped'}`);
        if (!g.json) {
          out(`Imported ${end.imported} request(s) (${end.format ?? 'unknown format'}) into ${source.key} (${environment})${end.skipped ? `; ${end.skipped} skipped (not POST, PUT or PATCH)` : ''}.`);
          for (const e of end.errors) out(`  ${e.where}: ${e.error}`);
          if (end.failed > end.errors.length) out(`  …and ${end.failed - end.errors.length} more that could not be imported`);
          if (end.imported > 0) out(`Replay them to run the mappings: inlet replay ${end.ids && end.ids.length <= 5 ? end.ids.join(' ') : `--source ${source.key} --origin import`}`);
        }
        // Some entries could not be imported: the rest are in the log, and the exit code says so.
        if (end.failed > 0) throw new CliError(`${end.failed} entr${end.failed === 1 ? 'y' : 'ies'} could not be imported`);
      });
    });
  examples(cmd, [
    'inlet import captures.jsonl --source stripe --env development',
    'inlet import devtools.har --source stripe --dry-run',
    'inlet import devtools.har --source stripe --entries 3,7',
    'pbpaste | inlet import - --source github',
  ]);
}
