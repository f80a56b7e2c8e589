import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type SettingsHandlers = Pick<
  Handlers,
  'tunnel.status' | 'tunnel.start' | 'tunnel.stop' | 'settings.get' | 'settings.update' | 'retention.prune'
>;

export function settingsHandlers(ctx: CoreContext, services: PipelineServices): SettingsHandlers {
  return {
    'tunnel.status': () => services.tunnel.status(),
    'tunnel.start': ({ settings }) => services.tunnel.start(settings),
    'tunnel.stop': async () => {
      await services.tunnel.stop();
      return services.tunnel.status();
    },
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => {
      const updated = ctx.settings.update(patch);
      // Tighter retention applies at once rather than at the next background round.
      if (patch.retention) void services.pruner.run();
      return updated;
    },
    'retention.prune': () => services.pruner.run(),
  };
}
