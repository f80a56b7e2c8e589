import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { PipelineServices } from './services';

type SettingsHandlers = Pick<Handlers, 'tunnel.status' | 'tunnel.start' | 'tunnel.stop' | 'settings.get' | 'settings.update'>;

export function settingsHandlers(ctx: CoreContext, services: PipelineServices): SettingsHandlers {
  return {
    'tunnel.status': () => services.tunnel.status(),
    'tunnel.start': ({ settings }) => services.tunnel.start(settings),
    'tunnel.stop': async () => {
      await services.tunnel.stop();
      return services.tunnel.status();
    },
    'settings.get': () => ctx.settings.get(),
    'settings.update': (patch) => ctx.settings.update(patch),
  };
}
