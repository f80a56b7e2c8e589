import type { Command } from 'commander';
import { examples, withSession } from '../command';
import { badInput } from '../errors';
import { dim, out, printJson, table } from '../output';
import { endpointUrl, ensureSource, findSource, resolveEnv } from '../resolve';

export function registerCatalog(program: Command): void {
  const sources = program
    .command('sources')
    .description('Sources with their endpoint URL in each environment')
    .action(async (_opts: unknown, command: Command) => {
      await withSession(command, async ({ client, receiverUrl }, g) => {
        const list = await client.call('sources.list', {});
        if (g.json) return printJson(list);
        if (list.length === 0) return out(dim('No sources yet. Connect one with `inlet listen <template> --secret …` or in the app.'));
        const rows = list.flatMap((s) =>
          s.settings.map((e) => [s.key, s.templateId, e.environment, e.enabled ? 'on' : dim('off'), `${receiverUrl}/in/${e.endpointToken}`]),
        );
        out(table(['KEY', 'TEMPLATE', 'ENV', 'ENABLED', 'URL'], rows));
      });
    });
  examples(sources, ['inlet sources', 'inlet sources --json', 'inlet sources connect stripe --secret whsec_…']);

  const connect = sources
    .command('connect')
    .description('Create a source from a template with all its default mappings (as the app\'s Connect does)')
    .argument('<template>', 'template id (see `inlet templates`)')
    .option('--secret <secret>', 'the signing secret for the environment')
    .option('--env <env>', 'environment the secret is for (default: the first one)')
    .action(async (template: string, opts: { secret?: string; env?: string }, command: Command) => {
      await withSession(command, async ({ client, receiverUrl }, g) => {
        const env = await resolveEnv(client, opts.env);
        if (await findSource(client, template)) throw badInput(`A source from ${template} exists already; see \`inlet sources\``);
        const { source } = await ensureSource(client, template, { env, ...(opts.secret === undefined ? {} : { secret: opts.secret }) });
        if (g.json) return printJson(source);
        out(`Connected ${source.name} as "${source.key}". ${env}: ${endpointUrl(receiverUrl, source, env)}`);
      });
    });
  examples(connect, ['inlet sources connect stripe --secret whsec_…', 'inlet sources connect github --secret s3cret --env production']);

  const templates = program
    .command('templates')
    .description('The pre-built integrations and the event types of their samples')
    .action(async (_opts: unknown, command: Command) => {
      await withSession(command, async ({ client }, g) => {
        const list = await client.call('templates.list', {});
        if (g.json) return printJson(list);
        out(table(['ID', 'NAME', 'CATEGORY', 'EVENT TYPES'], list.map((t) => [t.id, t.name, t.category, t.eventTypes.join(', ')])));
      });
    });
  examples(templates, ['inlet templates', 'inlet templates --json']);
}
