import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatcher';
import type { PipelineServices } from './services';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.checkSecret' | 'sources.connect' | 'events.sendTest'>;

// Being built in src/main/core/templates/ (issue: pre-built integrations); answers clearly until then.
const notYet = (): never => {
  throw new ApiFailure('internal', 'Templates are not available in this build yet');
};

export function templateHandlers(_ctx: CoreContext, _services: PipelineServices): TemplateHandlers {
  return {
    'templates.list': () => [],
    'templates.get': notYet,
    'templates.checkSecret': notYet,
    'sources.connect': notYet,
    'events.sendTest': notYet,
  };
}
