import { createWriteStream, readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import type { LogExportFormat } from '../../shared/domain/log-export';
import type { RedactionDetector, RedactionRule, RedactionRulesInput } from '../../shared/domain/redaction';
import { examples, withSession } from '../command';
import { badInput, CliError } from '../errors';
import { out, printJson } from '../output';
import { progressBar } from '../progress';
import { addFilterOptions, toFilter, type FilterOptions } from './events';

/*
 * Plain lists, not read from the zod schemas: loading zod would slow every command's start. The
 * `satisfies` checks keep them in step with the schemas' types.
 */
const FORMATS = ['jsonl', 'har', 'http', 'bundle'] as const satisfies readonly LogExportFormat[];
/** The formats whose file has room for a workspace snapshot (`--workspace`). */
const WORKSPACE_FORMATS = ['bundle'] as const satisfies readonly LogExportFormat[];
const DETECTORS = ['emails', 'phones', 'cards', 'credentials', 'apiKeys', 'jwts', 'ips'] as const satisfies readonly RedactionDetector[];

interface ExportOptions extends FilterOptions {
  format: LogExportFormat;
  output?: string;
  redact?: string | true;
  redactPath?: string[];
  redactHeader?: string[];
  redactRegex?: string[];
  redactRules?: string;
  workspace?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** The redaction the options ask for; undefined when none of them is given (the bytes stay as logged). */
async function redactionOf(o: ExportOptions): Promise<RedactionRulesInput | undefined> {
  const userRules: RedactionRule[] = [
    ...(o.redactPath ?? []).map((path): RedactionRule => ({ kind: 'path', path })),
    ...(o.redactHeader ?? []).map((name): RedactionRule => ({ kind: 'header', name })),
    ...(o.redactRegex ?? []).map((pattern): RedactionRule => ({ kind: 'regex', pattern, caseInsensitive: false })),
  ];
  if (o.redact === undefined && o.redactRules === undefined && userRules.length === 0) return undefined;
  const { RedactionRulesSchema } = await import('../../shared/domain/redaction');
  let base: RedactionRulesInput = { detectors: Object.fromEntries(DETECTORS.map((d) => [d, false])), rules: [] };
  if (o.redactRules !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(o.redactRules, 'utf8'));
    } catch (error) {
      throw badInput(`Can't read the redaction rules in ${o.redactRules}: ${(error as Error).message}`);
    }
    const parsed = RedactionRulesSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badInput(`${o.redactRules}: ${issue ? `${issue.path.join('.') || 'the file'}: ${issue.message}` : 'not redaction rules'}`);
    }
    base = parsed.data;
  }
  if (o.redact !== undefined) {
    const named = o.redact === true ? [...DETECTORS] : o.redact.split(',').map((d) => d.trim()).filter(Boolean);
    const unknown = named.filter((d) => !(DETECTORS as readonly string[]).includes(d));
    if (unknown.length > 0) throw badInput(`--redact: unknown detector ${unknown.map((d) => `"${d}"`).join(', ')}; use ${DETECTORS.join(', ')} (or no value for all)`);
    base = { ...base, detectors: { ...base.detectors, ...Object.fromEntries(named.map((d) => [d, true])) } };
  }
  const merged = { ...base, rules: [...(base.rules ?? []), ...userRules] };
  const checked = RedactionRulesSchema.safeParse(merged);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw badInput(`Redaction rule ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'is invalid'}`);
  }
  return checked.data;
}

/** `--workspace` with a format that has nowhere to put it is a mistake said at once, not a silently smaller file. */
function checkWorkspace(o: ExportOptions): void {
  if (o.workspace !== true || (WORKSPACE_FORMATS as readonly string[]).includes(o.format)) return;
  const others = FORMATS.filter((f) => !(WORKSPACE_FORMATS as readonly string[]).includes(f));
  const listed = `${others.slice(0, -1).join(', ')} or ${others.at(-1) ?? ''}`;
  throw badInput(`--workspace needs --format ${WORKSPACE_FORMATS.join(' or ')}: a ${listed} file carries requests only, so it has no room for the workspace snapshot.`);
}

/** The file, opened before any event is read: a wrong folder fails at once, not after a long export. */
async function openOutput(file: string): Promise<Writable> {
  const stream = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (error) => reject(badInput(`Can't write ${file}: ${error.message}`)));
  });
  return stream;
}

export function registerExportLog(program: Command): void {
  const cmd = addFilterOptions(
    program
      .command('export')
      .description('Write the log (filtered like `inlet events`) to a file or stdout, streamed: Inlet capture lines, HAR, a .http file or a bundle slice (with the workspace snapshot if asked), redacted if asked'),
  )
    .addOption(new Option('--format <format>', 'jsonl: Inlet capture lines (inlet import reads them); har: HAR 1.2; http: one request per event for REST Client / JetBrains; bundle: a bundle with the log slice').choices(FORMATS).default('jsonl'))
    .option('-o, --output <file>', 'write here instead of stdout')
    .option('--redact [detectors]', `replace sensitive values with consistent placeholders: every built-in detector, or a comma list of ${DETECTORS.join(', ')}`)
    .option('--redact-path <path>', 'also redact this body field or query parameter (data.object.email, items[*].card, query.token); repeatable', collect)
    .option('--redact-header <name>', 'also redact this header; repeatable', collect)
    .option('--redact-regex <pattern>', 'also redact every match of this regular expression; repeatable', collect)
    .option('--redact-rules <file>', 'redaction rules as JSON ({"detectors": {…}, "rules": […]}), e.g. saved from the app')
    .option('--workspace', "bundle format only: also carry the workspace snapshot (users, objects, tenants, subscriptions, audiences) of the --env environment, else of every one; redacted with the events")
    .action(async (opts: ExportOptions, command: Command) => {
      checkWorkspace(opts);
      const redaction = await redactionOf(opts);
      const target = opts.output === undefined ? process.stdout : await openOutput(opts.output);
      await withSession(command, async (session, g) => {
        const filter = await toFilter(session.client, opts);
        const exportId = `cli-${process.pid}-${Date.now()}`;
        const bar = opts.output === undefined ? null : progressBar('Exporting');
        const stop = bar ? session.client.on('exports.progress', (p) => p.exportId === exportId && bar.update(p.done, p.total)) : () => {};
        let result;
        try {
          result = await session.exportLog(
            { format: opts.format, filter, exportId, ...(redaction ? { redaction } : {}), ...(opts.workspace ? { workspace: true } : {}) },
            target,
            { end: opts.output !== undefined },
          );
        } finally {
          stop();
          bar?.stop();
        }
        if (!result.ok) throw new CliError(result.error.message, result.error.code === 'invalid_input' ? 2 : 1);
        if (opts.output === undefined) return;
        const s = result.value;
        if (g.json) printJson({ file: opts.output, format: opts.format, ...s });
        else out(`Wrote ${s.count} event(s) to ${opts.output}${redaction ? ` (${s.redactedEvents} redacted, ${s.changes} value(s) replaced; replay re-signs them)` : ''}`);
      });
    });
  examples(cmd, [
    'inlet export --source stripe --since 1d -o captures.jsonl',
    'inlet export --format har --redact -o stripe.har',
    'inlet export --format http --redact emails,cards --redact-header x-customer-id > requests.http',
    'inlet export --format bundle --env development --workspace --redact -o demo.inlet-bundle.json',
  ]);
}
