import type { ApiClient } from '../../shared/api/client';
import type { Source } from '../../shared/domain/source';
import type { Template } from '../../shared/domain/template';
import { badInput } from '../errors';
import { formatPath, type LoadedScenario, type Path } from './load';
import type { ScenarioSource } from './schema';

/** The scenario's sources connected, and what its steps look up while running. */
export interface Prepared {
  client: ApiClient;
  environment: string;
  /** The receiver URL of a source in the scenario's environment. */
  endpoint(sourceKey: string): string;
  sample(sourceKey: string, sample: string): { sourceId: string; sampleId: string };
  sourceId(sourceKey: string): string;
}

interface Planned {
  key: string;
  template: Template;
  spec: ScenarioSource;
  mappingIds: string[];
}

function pickMappings(template: Template, spec: ScenarioSource, fail: (path: Path, message: string) => Error, index: number): string[] {
  const all = template.defaultMappings;
  if (spec.mappings === 'all') return all.map((m) => m.id);
  if (spec.mappings === 'none') return [];
  if (spec.mappings === 'default') return all.filter((m) => m.enabledByDefault).map((m) => m.id);
  spec.mappings.forEach((id, j) => {
    if (!all.some((m) => m.id === id)) throw fail(['sources', index, 'mappings', j], `${template.name} has no mapping "${id}"; it has: ${all.map((m) => m.id).join(', ')}`);
  });
  return spec.mappings;
}

/**
 * Checks every name the scenario uses (environment, templates, mappings, samples, earlier steps)
 * before anything changes, then connects its sources, workflows and destinations.
 */
export async function prepareScenario(client: ApiClient, receiverUrl: string, loaded: LoadedScenario): Promise<Prepared> {
  const { scenario } = loaded;
  const fail = (path: Path, message: string) => badInput(`${loaded.at(path)}: ${formatPath(path)}: ${message}`);

  const envs = await client.call('environments.list', {});
  const environment = scenario.environment ?? envs[0]?.key;
  if (!environment || !envs.some((e) => e.key === environment)) {
    throw fail(['environment'], `no environment "${String(environment)}"; there are: ${envs.map((e) => e.key).join(', ')}`);
  }
  const templateIds = new Set((await client.call('templates.list', {})).map((t) => t.id));
  const existing = await client.call('sources.list', {});
  const templates = new Map<string, Template>();
  const planned: Planned[] = [];
  for (const [i, spec] of scenario.sources.entries()) {
    if (!templateIds.has(spec.template)) throw fail(['sources', i, 'template'], `no template "${spec.template}"; see \`inlet templates\``);
    const template = templates.get(spec.template) ?? (await client.call('templates.get', { id: spec.template }));
    templates.set(template.id, template);
    const key = spec.key ?? spec.template;
    if (planned.some((p) => p.key === key)) throw fail(['sources', i], `a second source with the key "${key}"; give one a key of its own`);
    planned.push({ key, template, spec, mappingIds: pickMappings(template, spec, fail, i) });
  }
  const templateOf = async (key: string): Promise<Template | undefined> => {
    const own = planned.find((p) => p.key === key)?.template;
    if (own) return own;
    // A source the attached Inlet already has: its template, when it came from one.
    const templateId = existing.find((s) => s.key === key)?.templateId;
    if (!templateId || !templateIds.has(templateId)) return undefined;
    const template = templates.get(templateId) ?? (await client.call('templates.get', { id: templateId }));
    templates.set(templateId, template);
    return template;
  };
  for (const [i, step] of scenario.steps.entries()) {
    const kind = step.send ? 'send' : step.raw ? 'raw' : step.sendFile ? 'sendFile' : 'import';
    const sourceKey = (step.send ?? step.raw ?? step.sendFile ?? step.import)?.source;
    if (sourceKey !== undefined && !planned.some((p) => p.key === sourceKey) && !existing.some((s) => s.key === sourceKey)) {
      throw fail(['steps', i, kind, 'source'], `no source "${sourceKey}"; the scenario's sources: ${planned.map((p) => p.key).join(', ')}`);
    }
    const signed = step.send ?? (step.sendFile?.sample === undefined ? undefined : { source: step.sendFile.source, sample: step.sendFile.sample });
    if (signed) {
      const template = await templateOf(signed.source);
      if (template && !template.samples.some((s) => s.id === signed.sample || s.eventType === signed.sample)) {
        throw fail(['steps', i, kind, 'sample'], `${template.name} has no sample "${signed.sample}"; it has: ${template.samples.map((s) => s.eventType).join(', ')}`);
      }
    }
    const ref = step.replay?.step;
    if (ref !== undefined) {
      const earlier = typeof ref === 'number' ? ref <= i : scenario.steps.slice(0, i).some((s) => s.name === ref);
      if (!earlier) throw fail(['steps', i, 'replay', 'step'], `no earlier step "${String(ref)}" to replay`);
    }
  }

  const sources = new Map<string, Source>(existing.map((s) => [s.key, s]));
  for (const p of planned) {
    if (sources.has(p.key)) continue;
    const source = await client.call('sources.connect', {
      templateId: p.template.id,
      key: p.key,
      ...(p.spec.name ? { name: p.spec.name } : {}),
      mappingIds: p.mappingIds,
      secrets: p.spec.secret === undefined ? {} : { [environment]: p.spec.secret },
    });
    sources.set(p.key, source);
    if (p.spec.forwardTo) {
      await client.call('destinations.create', { sourceId: source.id, environment, url: p.spec.forwardTo, name: 'inlet run' });
    }
  }
  const known = new Set((await client.call('workflows.list', { environment })).map((w) => w.key));
  for (const w of scenario.workflows) {
    if (known.has(w.key)) continue;
    await client.call('workflows.create', { environment, key: w.key, ...(w.name ? { name: w.name } : {}), ...(w.active === undefined ? {} : { active: w.active }) });
  }

  const sourceOf = (key: string): Source => {
    const source = sources.get(key);
    if (!source) throw new Error(`no source "${key}"`);
    return source;
  };
  return {
    client,
    environment,
    endpoint(key) {
      const settings = sourceOf(key).settings.find((s) => s.environment === environment);
      if (!settings) throw new Error(`${key} has no settings for ${environment}`);
      return `${receiverUrl}/in/${settings.endpointToken}`;
    },
    sample(key, wanted) {
      const source = sourceOf(key);
      const sample = templates.get(source.templateId)?.samples.find((s) => s.id === wanted) ?? templates.get(source.templateId)?.samples.find((s) => s.eventType === wanted);
      if (!sample) throw new Error(`${key} has no sample "${wanted}"`);
      return { sourceId: source.id, sampleId: sample.id };
    },
    sourceId: (key) => sourceOf(key).id,
  };
}
