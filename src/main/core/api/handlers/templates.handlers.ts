import { ApiFailure } from '../../../../shared/api/result';
import { connectSource, mustGetTemplate, secretProblem } from '../../sources/connect';
import { summarize, templates } from '../../templates';
import { sendTestEvent } from '../../sources/send-test';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.checkSecret' | 'sources.connect' | 'events.sendTest'>;

/** The template gallery, connecting a source from a template, and "send test event". */
export function templateHandlers(ctx: CoreContext, services: PipelineServices): TemplateHandlers {
  return {
    'templates.list': () => templates.map(summarize),
    'templates.get': ({ id }) => mustGetTemplate(id),
    'templates.checkSecret': ({ templateId, secret }) => {
      const problem = secretProblem(mustGetTemplate(templateId), secret);
      return problem ? { ok: false, problem } : { ok: true };
    },
    'sources.connect': (input) => {
      const id = connectSource(ctx, input);
      ctx.routes.invalidate();
      ctx.emit('config.changed', { what: 'sources' });
      ctx.emit('config.changed', { what: 'mappings' });
      ctx.emit('config.changed', { what: 'workflows' });
      const source = ctx.sources.get(id);
      if (!source) throw new ApiFailure('internal', `Source ${id} vanished right after it was created`);
      return source;
    },
    'events.sendTest': (input) => sendTestEvent(ctx, services, input),
  };
}
