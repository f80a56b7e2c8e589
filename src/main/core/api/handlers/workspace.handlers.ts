import { ApiFailure } from '../../../../shared/api/result';
import { contract } from '../../../../shared/api/contract';
import type { WorkspaceKind } from '../../../../shared/domain/workspace';
import type { z } from 'zod';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type WorkspaceHandlers = Pick<
  Handlers,
  | 'workspace.users'
  | 'workspace.objects'
  | 'workspace.tenants'
  | 'workspace.subscriptions'
  | 'workspace.audienceMembers'
  | 'workspace.workflowRuns'
  | 'workspace.reset'
>;

type WorkspaceListMethod =
  | 'workspace.users'
  | 'workspace.objects'
  | 'workspace.tenants'
  | 'workspace.subscriptions'
  | 'workspace.audienceMembers'
  | 'workspace.workflowRuns';

export function workspaceHandlers(ctx: CoreContext): WorkspaceHandlers {
  const mustHaveEnv = (environment: string) => {
    if (!ctx.environments.get(environment)) throw new ApiFailure('not_found', `No environment "${environment}"`);
  };
  type Query = { environment: string; search?: string | undefined; limit: number; offset: number };
  // Rows are shaped by the query repo; parsing them with the contract's schema types them and
  // catches a drift between the two.
  const list = <M extends WorkspaceListMethod>(method: M, kind: WorkspaceKind) => (q: Query) => {
    mustHaveEnv(q.environment);
    return contract[method].output.parse(ctx.workspaceQuery.list(kind, q)) as z.output<(typeof contract)[M]['output']>;
  };

  return {
    'workspace.users': list('workspace.users', 'users'),
    'workspace.objects': list('workspace.objects', 'objects'),
    'workspace.tenants': list('workspace.tenants', 'tenants'),
    'workspace.subscriptions': list('workspace.subscriptions', 'subscriptions'),
    'workspace.audienceMembers': list('workspace.audienceMembers', 'audience_members'),
    // Runs whose pause has elapsed on the workspace's clock are completed before they are shown.
    'workspace.workflowRuns': (q) => {
      ctx.workspace.completeDueRuns(ctx.clock.now());
      return list('workspace.workflowRuns', 'workflow_runs')(q);
    },
    'workspace.reset': ({ environment }) => {
      mustHaveEnv(environment);
      ctx.workspaceQuery.reset(environment);
      return { reset: true as const };
    },
  };
}
