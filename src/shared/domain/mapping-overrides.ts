import { z } from 'zod';
import { EXPR_MAX_LENGTH } from '../expr/schema';
import { EnvKeySchema } from './environment';

/**
 * Per-environment parameter overrides on top of a mapping's shared parameters: environment key →
 * parameter name → expression source. Knock keeps a separate mapping per environment; Inlet keeps
 * one shared mapping and records only what differs, so a change to the shared value reaches every
 * environment that does not override it. An empty source unmaps the parameter in that environment.
 */
export const MappingOverridesSchema = z.record(EnvKeySchema, z.record(z.string(), z.string().max(EXPR_MAX_LENGTH)));
export type MappingOverrides = z.infer<typeof MappingOverridesSchema>;

interface Overridable {
  params: Record<string, string>;
  overrides?: MappingOverrides | undefined;
}

/** The parameters a mapping runs with in one environment: the shared ones with its overrides on top. */
export const effectiveParams = (m: Overridable, environment: string): Record<string, string> => {
  const own = m.overrides?.[environment];
  return own && Object.keys(own).length > 0 ? { ...m.params, ...own } : m.params;
};

/**
 * The mapping as it runs in `environment`. Returns the mapping itself when nothing is overridden
 * there, so planning an event allocates nothing for the common case.
 */
export const effectiveMapping = <M extends Overridable>(m: M, environment: string): M => {
  const params = effectiveParams(m, environment);
  return params === m.params ? m : { ...m, params };
};

/** The environments where a parameter differs from the shared value, in the order given. */
export const overriddenIn = (m: Overridable, param: string, environments: readonly string[]): string[] =>
  environments.filter((env) => m.overrides?.[env]?.[param] !== undefined);

/**
 * Overrides as they are stored: an override equal to the shared value is no override (so the
 * parameter follows later changes to the shared value), and an environment left with none is dropped.
 */
export const normalizeOverrides = (params: Record<string, string>, overrides: MappingOverrides | undefined): MappingOverrides => {
  const out: MappingOverrides = {};
  for (const [env, own] of Object.entries(overrides ?? {})) {
    const kept = Object.entries(own).filter(([name, source]) => source.trim() !== (params[name] ?? '').trim());
    if (kept.length > 0) out[env] = Object.fromEntries(kept);
  }
  return out;
};

/** Sets (or, with `source` undefined, resets) one parameter's override in one environment. */
export const withOverride = (
  m: Overridable,
  environment: string,
  param: string,
  source: string | undefined,
): MappingOverrides => {
  const { [param]: _gone, ...rest } = m.overrides?.[environment] ?? {};
  const own = source === undefined ? rest : { ...rest, [param]: source };
  return normalizeOverrides(m.params, { ...m.overrides, [environment]: own });
};
