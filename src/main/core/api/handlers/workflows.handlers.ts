import { ApiFailure } from '../../../../shared/api/result';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type WorkflowHandlers = Pick<Handlers, 'workflows.list' | 'workflows.create' | 'workflows.update' | 'workflows.delete'>;

export function workflowHandlers(ctx: CoreContext): WorkflowHandlers {
  const mustHaveEnv = (environment: string) => {
    if (!ctx.environments.get(environment)) throw new ApiFailure('not_found', `No environment "${environment}"`);
  };

  return {
    'workflows.list': ({ environment }) => {
      mustHaveEnv(environment);
      return ctx.workspaceQuery.workflows(environment);
    },
    'workflows.create': ({ environment, key, name, active, steps }) => {
      mustHaveEnv(environment);
      const shape = { ...(active === undefined ? {} : { active }), ...(steps ? { steps } : {}) };
      if (!ctx.workspaceQuery.createWorkflow(environment, key, name ?? key, ctx.clock.now(), shape)) {
        throw new ApiFailure('conflict', `A workflow "${key}" already exists in ${environment}`);
      }
      return ctx.workspaceQuery.workflows(environment).find((w) => w.key === key)!;
    },
    'workflows.update': ({ environment, key, name, active, steps }) => {
      mustHaveEnv(environment);
      const patch = { ...(name === undefined ? {} : { name }), ...(active === undefined ? {} : { active }), ...(steps ? { steps } : {}) };
      if (!ctx.workspaceQuery.updateWorkflow(environment, key, patch)) throw new ApiFailure('not_found', `No workflow "${key}" in ${environment}`);
      return ctx.workspaceQuery.workflows(environment).find((w) => w.key === key)!;
    },
    'workflows.delete': ({ environment, key }) => {
      if (!ctx.workspaceQuery.deleteWorkflow(environment, key)) throw new ApiFailure('not_found', `No workflow "${key}" in ${environment}`);
      return { deleted: true as const };
    },
  };
}
