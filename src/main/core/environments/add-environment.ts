import type { CoreContext } from '../context';
import { defaultSettings } from '../sources/source-defaults';
import { newEndpointToken } from '../util/ids';

/**
 * Adds an environment; every source gets it too, shaped like its first environment but with its
 * own URL and no secrets. The caller owns the transaction.
 */
export function addEnvironment(ctx: CoreContext, key: string, name: string) {
  const created = ctx.environments.insert(key, name, ctx.clock.now());
  for (const source of ctx.sources.list()) {
    const model = source.settings.find((s) => s.environment !== key);
    ctx.sources.insertSettings({
      ...(model ? { ...model, enabled: true } : defaultSettings(key)),
      environment: key,
      sourceId: source.id,
      endpointToken: newEndpointToken(),
    });
  }
  return created;
}
