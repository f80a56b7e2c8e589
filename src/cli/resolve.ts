import type { ApiClient } from '../shared/api/client';
import type { Source } from '../shared/domain/source';
import type { Template } from '../shared/domain/template';
import { badInput } from './errors';

/** `--env`, else the first environment (the one the app shows first). */
export async function resolveEnv(client: ApiClient, env: string | undefined): Promise<string> {
  const envs = await client.call('environments.list', {});
  if (env === undefined) {
    const first = envs[0];
    if (!first) throw badInput('There is no environment; create one in the app first');
    return first.key;
  }
  if (!envs.some((e) => e.key === env)) throw badInput(`Unknown environment "${env}"; there are: ${envs.map((e) => e.key).join(', ')}`);
  return env;
}

/** A source by key or id, or the only source made from a template of that id. */
export async function findSource(client: ApiClient, name: string): Promise<Source | null> {
  const sources = await client.call('sources.list', {});
  const exact = sources.find((s) => s.key === name || s.id === name);
  if (exact) return exact;
  const fromTemplate = sources.filter((s) => s.templateId === name);
  if (fromTemplate.length > 1) {
    throw badInput(`Several sources come from the ${name} template (${fromTemplate.map((s) => s.key).join(', ')}); name one by its key`);
  }
  return fromTemplate[0] ?? null;
}

export async function findTemplate(client: ApiClient, id: string): Promise<Template | null> {
  const all = await client.call('templates.list', {});
  if (!all.some((t) => t.id === id)) return null;
  return client.call('templates.get', { id });
}

export async function unknownSourceOrTemplate(client: ApiClient, name: string): Promise<Error> {
  const [sources, templates] = await Promise.all([client.call('sources.list', {}), client.call('templates.list', {})]);
  const known = sources.map((s) => s.key);
  if (templates.some((t) => t.id === name)) {
    return badInput(`No source made from the ${name} template yet; connect it with \`inlet listen ${name} --secret …\` or in the app`);
  }
  return badInput(
    `Unknown source or template "${name}"` +
      (known.length ? `; sources: ${known.join(', ')}` : '') +
      `; templates: ${templates.map((t) => t.id).join(', ')}`,
  );
}

/**
 * The source for `name`, connecting the template of that id (all its default mappings) when no
 * source exists yet — the desktop app's "Connect" with its defaults.
 */
export async function ensureSource(
  client: ApiClient,
  name: string,
  opts: { secret?: string; env: string },
): Promise<{ source: Source; created: boolean }> {
  const existing = await findSource(client, name);
  if (existing) return { source: existing, created: false };
  const template = await findTemplate(client, name);
  if (!template) throw await unknownSourceOrTemplate(client, name);
  if (template.secretRequired && opts.secret === undefined) {
    throw badInput(`${template.name} requests are signed: pass --secret with the signing secret${template.secretHint ? ` (${template.secretHint})` : ''}`);
  }
  if (opts.secret !== undefined) {
    const check = await client.call('templates.checkSecret', { templateId: template.id, secret: opts.secret });
    if (!check.ok) throw badInput(`--secret: ${check.problem ?? `not a ${template.name} secret`}`);
  }
  const source = await client.call('sources.connect', {
    templateId: template.id,
    key: template.id,
    mappingIds: template.defaultMappings.map((m) => m.id),
    secrets: opts.secret === undefined ? {} : { [opts.env]: opts.secret },
  });
  return { source, created: true };
}

/** Where a source's environment receives: `<receiver>/in/<token>`. */
export function endpointUrl(receiverUrl: string, source: Source, env: string): string {
  const settings = source.settings.find((s) => s.environment === env);
  if (!settings) throw badInput(`${source.key} has no settings for environment "${env}"`);
  return `${receiverUrl}/in/${settings.endpointToken}`;
}
