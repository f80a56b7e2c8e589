import type { PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type TunnelHandlers = Pick<Handlers, 'tunnel.status' | 'tunnel.start' | 'tunnel.stop'>;

export function tunnelHandlers(services: PipelineServices): TunnelHandlers {
  return {
    'tunnel.status': () => services.tunnel.status(),
    'tunnel.start': ({ settings }) => services.tunnel.start(settings),
    'tunnel.stop': async () => {
      await services.tunnel.stop();
      return services.tunnel.status();
    },
  };
}
