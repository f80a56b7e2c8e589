import type { PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type RetentionHandlers = Pick<Handlers, 'retention.prune'>;

export function retentionHandlers(services: PipelineServices): RetentionHandlers {
  return {
    'retention.prune': () => services.pruner.run(),
  };
}
