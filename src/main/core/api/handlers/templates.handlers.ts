import { mustGetTemplate, secretProblem } from '../../sources/connect';
import { summarize, templates } from '../../templates';
import type { Handlers } from '../dispatcher';

type TemplateHandlers = Pick<Handlers, 'templates.list' | 'templates.get' | 'templates.checkSecret'>;

/** The template gallery. */
export function templateHandlers(): TemplateHandlers {
  return {
    'templates.list': () => templates.map(summarize),
    'templates.get': ({ id }) => mustGetTemplate(id),
    'templates.checkSecret': ({ templateId, secret }) => {
      const problem = secretProblem(mustGetTemplate(templateId), secret);
      return problem ? { ok: false, problem } : { ok: true };
    },
  };
}
