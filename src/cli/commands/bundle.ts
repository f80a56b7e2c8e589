import { writeFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import type { ApiClient } from '../../shared/api/client';
import type { BundleImportReport } from '../../shared/domain/bundle-preview';
import { describeWorkspaceConflict } from '../../shared/domain/workspace-conflict';
import { examples, withSession } from '../command';
import { badInput, CliError } from '../errors';
import { out, printJson, table } from '../output';
import { findSource } from '../resolve';
import { readInputFile } from './send';

function writeOutput(file: string | undefined, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (file === undefined) return void process.stdout.write(text);
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw badInput(`Can't write ${file}: ${(error as Error).message}`);
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readInputFile(path)) as unknown;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw badInput(`${path} is not JSON: ${(error as Error).message}`);
  }
}

/** A passphrase is read from an environment variable, never typed where shell history keeps it. */
function passphraseFrom(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const value = process.env[name];
  if (!value) throw badInput(`The environment variable ${name} is empty; set it to the bundle's passphrase`);
  return value;
}

async function sourceIdsOf(client: ApiClient, keys: string[] | undefined): Promise<string[] | undefined> {
  if (!keys) return undefined;
  const ids: string[] = [];
  for (const key of keys) {
    const s = await findSource(client, key);
    if (!s) throw badInput(`Unknown source "${key}"`);
    ids.push(s.id);
  }
  return ids;
}

function printReport(r: BundleImportReport): void {
  out(`Created ${r.created.length} source(s)${r.created.length ? `: ${r.created.map((c) => c.key).join(', ')}` : ''}`);
  if (r.replaced.length) out(`Replaced ${r.replaced.map((c) => c.key).join(', ')}`);
  for (const s of r.skipped) out(`Skipped ${s.key}: ${s.reason}`);
  const c = r.counts;
  out(`${c.mappings} mapping(s), ${c.workflows} workflow(s), ${c.destinations} destination(s), ${c.fixtures} fixture(s), ${c.events} event(s)`);
  for (const w of r.workspace ?? []) {
    const n = w.created;
    out(`Workspace of ${w.environment}: added ${n.users} user(s), ${n.objects} object(s), ${n.tenants} tenant(s), ${n.subscriptions} subscription(s), ${n.audienceMembers} audience member(s); replaced ${w.replaced}, kept ${w.skipped} already here`);
    for (const c of w.conflicts) out(`  ${describeWorkspaceConflict(c)}`);
  }
  for (const a of r.awaitingApproval) out(`The ${a.environment} script of ${a.key} is off until approved in the app`);
  for (const w of r.warnings) out(`Warning: ${w}`);
}

/** `ref=action` pairs from --choose. */
function choicesOf(pairs: string[] | undefined): Record<string, 'create' | 'rename' | 'replace' | 'skip'> {
  const choices: Record<string, 'create' | 'rename' | 'replace' | 'skip'> = {};
  for (const pair of pairs ?? []) {
    const at = pair.lastIndexOf('=');
    const action = pair.slice(at + 1);
    if (at < 1 || !['create', 'rename', 'replace', 'skip'].includes(action)) throw badInput(`--choose takes ref=create|rename|replace|skip (refs as \`inlet bundle preview\` lists them), not "${pair}"`);
    choices[pair.slice(0, at)] = action as 'create' | 'rename' | 'replace' | 'skip';
  }
  return choices;
}

const passphraseOption = () => new Option('--passphrase-env <name>', 'read the passphrase sealing secret values from this environment variable');

/** `inlet bundle …` and `inlet config …`: one file format, the configuration being a bundle's first part. */
export function registerBundles(program: Command): void {
  const bundle = program.command('bundle').description('Carry a demo between machines: configuration, destinations, fixtures and a slice of the log in one file');
  const bexp = bundle
    .command('export')
    .description('Write a bundle; endpoint tokens never leave, secret values only sealed with a passphrase')
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--source <key...>', 'only these sources')
    .option('--events <n>', 'include the newest n events of those sources', (v) => Number.parseInt(v, 10))
    .option('--no-destinations', 'leave destinations out')
    .option('--no-fixtures', 'leave fixtures out')
    .option('--workspace', "include each environment's workspace: users, objects, tenants, subscriptions, audiences")
    .option('--redact', 'redact fixtures, events and the workspace with the built-in detectors (emails, cards, keys, tokens, IPs…)')
    .addOption(passphraseOption())
    .action(async (opts: { output?: string; source?: string[]; events?: number; destinations: boolean; fixtures: boolean; workspace?: boolean; redact?: boolean; passphraseEnv?: string }, command: Command) => {
      const passphrase = passphraseFrom(opts.passphraseEnv);
      await withSession(command, async ({ client }) => {
        const sourceIds = await sourceIdsOf(client, opts.source);
        const result = await client.call('bundles.export', {
          ...(sourceIds ? { sourceIds } : {}), destinations: opts.destinations, fixtures: opts.fixtures,
          ...(opts.events ? { events: { max: opts.events } } : {}), ...(passphrase ? { passphrase } : {}), ...(opts.redact ? { redaction: {} } : {}),
          ...(opts.workspace ? { workspace: true } : {}),
        });
        writeOutput(opts.output, result.bundle);
        if (opts.redact && opts.output !== undefined) out(`${result.redactions.count} value(s) redacted`);
      });
    });
  examples(bexp, ['inlet bundle export --events 1000 --workspace --redact --passphrase-env INLET_PASS -o demo.inlet.json']);

  const bprev = bundle
    .command('preview')
    .description('Say what importing a bundle would create, replace or skip here, without writing anything')
    .argument('<file>', 'a bundle or a version-1 configuration file')
    .action(async (path: string, _opts: unknown, command: Command) => {
      const file = readJson(path);
      await withSession(command, async ({ client }, g) => {
        const preview = await client.call('bundles.preview', { file });
        if (g.json) return printJson(preview);
        out(table(['REF', 'WHAT', 'EXISTS', 'ACTION', 'CHOICES'], preview.items.map((i) => [i.ref, i.label, i.exists ? 'yes' : 'no', i.action, i.actions.join('|')])));
        if (preview.secrets === 'sealed') out('Secret values are sealed: import with --passphrase-env to bring them.');
        for (const s of preview.scripts) out(`The ${s.environment} script of ${s.source} arrives off until approved`);
      });
    });
  examples(bprev, ['inlet bundle preview demo.inlet.json']);

  const bimp = bundle
    .command('import')
    .description('Import a bundle: its configuration in one transaction, then its events as imported captures')
    .argument('<file>', 'a bundle or a version-1 configuration file')
    .addOption(new Option('--on-conflict <what>', 'when a key exists already').choices(['skip', 'rename', 'replace']).default('skip'))
    .option('--choose <ref=action...>', 'per item, as `inlet bundle preview` lists them (e.g. source:stripe=replace)')
    .addOption(passphraseOption())
    .action(async (path: string, opts: { onConflict: 'skip' | 'rename' | 'replace'; choose?: string[]; passphraseEnv?: string }, command: Command) => {
      const file = readJson(path);
      const passphrase = passphraseFrom(opts.passphraseEnv);
      const choices = choicesOf(opts.choose);
      await withSession(command, async ({ client }, g) => {
        const report = await client.call('bundles.import', { file, onConflict: opts.onConflict, choices, ...(passphrase ? { passphrase } : {}) });
        if (g.json) return printJson(report);
        printReport(report);
      });
    });
  examples(bimp, ['inlet bundle import demo.inlet.json --passphrase-env INLET_PASS --choose source:stripe=replace --choose workspace:development/users=replace']);

  const config = program.command('config').description('Export or import the configuration (a bundle with environments, workflows, sources and mappings only)');
  const cexp = config
    .command('export')
    .description('Write the configuration as a bundle; endpoint tokens never leave, secret values only sealed with a passphrase')
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--source <key...>', 'only these sources')
    .addOption(passphraseOption())
    .action(async (opts: { output?: string; source?: string[]; passphraseEnv?: string }, command: Command) => {
      const passphrase = passphraseFrom(opts.passphraseEnv);
      await withSession(command, async ({ client }) => {
        const sourceIds = await sourceIdsOf(client, opts.source);
        writeOutput(opts.output, await client.call('config.export', { ...(sourceIds ? { sourceIds } : {}), ...(passphrase ? { passphrase } : {}) }));
      });
    });
  examples(cexp, ['inlet config export -o inlet-config.json', 'inlet config export --source stripe --passphrase-env INLET_PASS > stripe.json']);

  const cimp = config
    .command('import')
    .description('Apply the configuration of a bundle or an older configuration file in one transaction (scripts arrive off until approved)')
    .argument('<file>', 'a file written by `inlet config export`, `inlet bundle export` or the app')
    .addOption(new Option('--on-conflict <what>', 'when a source key exists already').choices(['skip', 'rename']).default('skip'))
    .addOption(passphraseOption())
    .action(async (path: string, opts: { onConflict: 'skip' | 'rename'; passphraseEnv?: string }, command: Command) => {
      const file = readJson(path);
      const passphrase = passphraseFrom(opts.passphraseEnv);
      await withSession(command, async ({ client }, g) => {
        const result = await client.call('config.import', { file, onConflict: opts.onConflict, ...(passphrase ? { passphrase } : {}) });
        if (g.json) return printJson(result);
        printReport(result);
      });
    });
  examples(cimp, ['inlet config import inlet-config.json --on-conflict rename']);
}
