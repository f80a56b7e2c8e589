import type { ExportFile } from '../../../shared/domain/export';
import type { CoreContext } from '../context';

/** The configuration as a file; secrets (and secret var values) only when `includeSecrets`. */
export function exportConfig(ctx: CoreContext, options: { sourceIds?: string[] | undefined; includeSecrets: boolean }): ExportFile {
  const chosen = ctx.sources.list().filter((s) => !options.sourceIds || options.sourceIds.includes(s.id));
  const environments = ctx.environments.list();
  return {
    format: 'inlet.config',
    version: 1,
    exportedAt: ctx.clock.now(),
    environments: environments.map(({ key, name }) => ({ key, name })),
    sources: chosen.map((source) => ({
      key: source.key,
      name: source.name,
      templateId: source.templateId,
      templateVersion: source.templateVersion,
      settings: source.settings.map((s) => ({
        environment: s.environment,
        enabled: s.enabled,
        verification: s.verification,
        eventTypePath: s.eventTypePath,
        timestampPath: s.timestampPath,
        idempotencyKeyPath: s.idempotencyKeyPath,
        enforceVerification: s.enforceVerification,
        preprocess: s.preprocess && { script: s.preprocess.script, enabled: s.preprocess.enabled },
        vars: s.vars.map((v) => ({
          name: v.name,
          secret: v.secret,
          value: v.secret ? (options.includeSecrets ? revealVar(ctx, source.id, s.environment, v.name) : null) : v.value,
        })),
        ...(options.includeSecrets
          ? {
              secrets: s.secrets.map((info) => ({
                label: info.label,
                value: ctx.secretStore.open(ctx.sources.getSecret(source.id, s.environment, info.id)!.sealed),
              })),
            }
          : {}),
      })),
      mappings: ctx.mappings.bySource(source.id).map(({ eventType, actionType, params, condition, activeIn, position }) => ({
        eventType, actionType, params, ...(condition ? { condition } : {}), activeIn, position,
      })),
    })),
    workflows: environments.flatMap((env) => ctx.workspaceQuery.workflows(env.key).map((w) => ({ environment: env.key, key: w.key, name: w.name, active: w.active, steps: w.steps }))),
  };
}

function revealVar(ctx: CoreContext, sourceId: string, environment: string, name: string): string | null {
  const route = ctx.routes.forSource(sourceId, environment);
  return route?.vars.values[name] ?? null;
}
