import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type SettingsHandlers = Pick<Handlers, 'settings.get' | 'settings.update'>;

export function settingsHandlers(ctx: CoreContext, services: PipelineServices): SettingsHandlers {
  return {
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => {
      const updated = ctx.settings.update(patch);
      // Tighter retention applies at once rather than at the next background round.
      if (patch.retention) void services.pruner.run();
      return updated;
    },
  };
}
