import { ApiFailure, invalidInput } from '../../../shared/api/result';
import type { ApiInput } from '../../../shared/api/contract';
import { MappingInputSchema, type Mapping } from '../../../shared/domain/mapping';
import type { Template, TemplateMapping } from '../../../shared/domain/template';
import type { VerificationConfig } from '../../../shared/domain/verification';
import type { CoreContext } from '../context';
import { newEndpointToken, newId } from '../util/ids';
import { getPreset, secretFormatProblem } from '../verification';
import { getTemplate } from '../templates/index';
import { sealedVar, sealSecret } from './secret-rows';

type ConnectInput = ApiInput<'sources.connect'>;

/** The template, or a not_found failure that lists what exists. */
export function mustGetTemplate(id: string): Template {
  const template = getTemplate(id);
  if (!template) throw new ApiFailure('not_found', `No template "${id}"`);
  return template;
}

/** The scheme a pasted secret is checked against: a script-verified template's is a shared secret. */
function formatConfig(template: Template): VerificationConfig {
  return template.secretVar ? (getPreset('shared-secret')?.config ?? template.verification) : template.verification;
}

/** Why `secret` is not a plausible secret for the template, naming what it looks like instead. */
export function secretProblem(template: Template, secret: string): string | undefined {
  if (secret.trim() === '') return 'The secret is empty.';
  return secretFormatProblem(formatConfig(template), secret);
}

/**
 * Signed providers are enforced: a request that fails the check gets 401 (and is logged). A
 * template that verifies in its script is enforced where its secret is given; without one its
 * script has nothing to check, so enforcing would refuse every request.
 */
function enforcedAtConnect(template: Template, secret: string | undefined): boolean {
  if (template.verification.scheme !== 'none') return true;
  return template.secretVar !== null && secret !== undefined && secret.trim() !== '';
}

function chosenMappings(template: Template, ids: readonly string[]): TemplateMapping[] {
  const known = template.defaultMappings.map((m) => m.id);
  const issues = ids.flatMap((id, i) =>
    known.includes(id) ? [] : [{ path: ['mappingIds', i], message: `${template.name} has no default mapping "${id}"; it has ${known.join(', ')}` }],
  );
  if (issues.length > 0) throw invalidInput(issues);
  return template.defaultMappings.filter((m) => ids.includes(m.id));
}

/** Every refusal happens here, before anything is written. */
function checkConnect(ctx: CoreContext, template: Template, input: ConnectInput, environments: string[]) {
  if (ctx.sources.getByKey(input.key)) throw new ApiFailure('conflict', `A source with key "${input.key}" already exists`);
  const mappings = chosenMappings(template, input.mappingIds);
  for (const [environment, secret] of Object.entries(input.secrets ?? {})) {
    if (!environments.includes(environment)) throw new ApiFailure('not_found', `No environment "${environment}" for the ${template.name} secret`);
    const problem = secretProblem(template, secret);
    if (problem) throw invalidInput([{ path: ['secrets', environment], message: `The ${environment} secret was not saved: ${problem}` }]);
  }
  return mappings;
}

function toMapping(m: TemplateMapping, sourceId: string, environments: string[], position: number, now: number): Mapping {
  const { id: _templateMappingId, label: _label, enabledByDefault: _on, ...fields } = m;
  const input = MappingInputSchema.parse({ ...fields, sourceId, activeIn: environments, position });
  return { ...input, id: newId('map'), createdAt: now, updatedAt: now };
}

/**
 * Creates a source from a template in one transaction: settings in every environment, the given
 * secrets (or secret variable), the chosen default mappings active everywhere, and the suggested
 * workflows. Refusals (unknown template, taken key, unknown mapping, implausible secret) come
 * first, so a refused connect leaves nothing behind.
 */
export function connectSource(ctx: CoreContext, input: ConnectInput): string {
  const template = mustGetTemplate(input.templateId);
  const environments = ctx.environments.list().map((e) => e.key);
  const mappings = checkConnect(ctx, template, input, environments);
  const sourceId = newId('src');
  const now = ctx.clock.now();
  ctx.sources.transaction(() => {
    ctx.sources.insert({ id: sourceId, key: input.key, name: input.name ?? template.name, templateId: template.id, templateVersion: template.version, createdAt: now });
    for (const environment of environments) {
      ctx.sources.insertSettings({
        sourceId,
        environment,
        endpointToken: newEndpointToken(),
        enabled: true,
        verification: template.verification,
        eventTypePath: template.eventTypePath,
        timestampPath: template.timestampPath,
        idempotencyKeyPath: template.idempotencyKeyPath,
        enforceVerification: enforcedAtConnect(template, input.secrets?.[environment]),
        // Built-in scripts ship with Inlet, so they are approved; imported ones are not.
        preprocess: template.preprocess && { script: template.preprocess.source, enabled: true, approved: true },
      });
      const secret = input.secrets?.[environment];
      if (secret === undefined) continue;
      if (template.secretVar) ctx.sources.upsertVar(sealedVar(ctx, { sourceId, environment, name: template.secretVar.name, value: secret.trim() }));
      else ctx.sources.insertSecret(sealSecret(ctx, { sourceId, environment, secret, existing: 0 }));
    }
    mappings.forEach((m, i) => ctx.mappings.save(toMapping(m, sourceId, environments, i, now)));
    for (const environment of environments) {
      for (const w of template.workflows) ctx.workspaceQuery.createWorkflow(environment, w.key, w.name, now);
    }
  });
  return sourceId;
}
