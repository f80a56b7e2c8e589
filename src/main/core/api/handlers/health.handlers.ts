import type { PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type HealthHandlers = Pick<Handlers, 'health.get'>;

export function healthHandlers(services: Pick<PipelineServices, 'health'>): HealthHandlers {
  return {
    'health.get': () => ({ database: services.health.database() }),
  };
}
