import type { ApiClient } from '../../../../shared/api/client';
import type { WorkspaceKeys } from './key-options';

/** Workflow keys per environment: Knock picks a trigger's workflow from the environment's own list. */
export type WorkflowsByEnv = Record<string, readonly string[]>;

/**
 * The names the editor suggests for key-like parameters in `environment`, and the workflows of every
 * environment (a mapping active in several must find its workflow in each).
 */
export async function fetchWorkspaceKeys(
  api: ApiClient,
  environment: string,
  environments: readonly string[],
): Promise<{ workspaceKeys: WorkspaceKeys; workflowsByEnv: WorkflowsByEnv }> {
  const [workflowLists, objects, members] = await Promise.all([
    Promise.all(environments.map(async (env) => [env, (await api.call('workflows.list', { environment: env })).map((w) => w.key)] as const)),
    api.call('workspace.objects', { environment, limit: 500, offset: 0 }),
    api.call('workspace.audienceMembers', { environment, limit: 500, offset: 0 }),
  ]);
  const workflowsByEnv: WorkflowsByEnv = Object.fromEntries(workflowLists);
  return {
    workflowsByEnv,
    workspaceKeys: {
      workflow_key: workflowsByEnv[environment] ?? [],
      collection: [...new Set(objects.items.map((o) => o.collection))],
      audience_key: [...new Set(members.items.map((m) => m.audienceKey))],
    },
  };
}

/**
 * The environments, among those a mapping runs in, that have no workflow `keyIn(env)` names — a
 * trigger there fails with not_found. Environments whose key is not a constant are left out.
 */
export const environmentsMissingWorkflow = (
  activeIn: readonly string[],
  keyIn: (environment: string) => string | null,
  workflowsByEnv: WorkflowsByEnv,
): Array<{ environment: string; key: string }> =>
  activeIn.flatMap((environment) => {
    const key = keyIn(environment);
    const known = workflowsByEnv[environment];
    return key !== null && known !== undefined && !known.includes(key) ? [{ environment, key }] : [];
  });
