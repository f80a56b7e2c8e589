import type { WorkflowShape, WorkspaceRepo } from '../store/repos/workspace.repo';

/**
 * A workspace that remembers, for one processing transaction, which recipients exist and what
 * each workflow is: an event's actions ask again and again (identify, then subscribe, then
 * trigger the same user), and a batch of events keeps naming the same tenants and workflows.
 * Upserts and deletes keep the memo true to the rows; nothing else writes the workspace while the
 * transaction runs. Valid only for that transaction: a rollback makes it wrong, so the caller
 * discards it with the transaction (and never uses one where a savepoint may roll back alone).
 */
export function memoizedWorkspace(workspace: WorkspaceRepo): WorkspaceRepo {
  const exists = new Map<string, boolean>();
  const workflows = new Map<string, WorkflowShape | null>();
  const remembered = (key: string, look: () => boolean): boolean => {
    let known = exists.get(key);
    if (known === undefined) exists.set(key, (known = look()));
    return known;
  };
  const user = (environment: string, id: string) => `u\u0000${environment}\u0000${id}`;
  const tenant = (environment: string, id: string) => `t\u0000${environment}\u0000${id}`;
  const object = (environment: string, collection: string, id: string) => `o\u0000${environment}\u0000${collection}\u0000${id}`;
  return {
    ...workspace,
    userExists: (environment, id) => remembered(user(environment, id), () => workspace.userExists(environment, id)),
    upsertUser(environment, id, fields, properties, now) {
      workspace.upsertUser(environment, id, fields, properties, now);
      exists.set(user(environment, id), true);
    },
    createOrMergeUser(environment, id, fields, properties, now) {
      const key = user(environment, id);
      // Known to exist: the plain upsert, one statement.
      if (exists.get(key) === true) {
        workspace.upsertUser(environment, id, fields, properties, now);
        return false;
      }
      exists.set(key, true);
      return workspace.createOrMergeUser(environment, id, fields, properties, now);
    },
    deleteUser(environment, id) {
      exists.set(user(environment, id), false);
      return workspace.deleteUser(environment, id);
    },
    tenantExists: (environment, id) => remembered(tenant(environment, id), () => workspace.tenantExists(environment, id)),
    upsertTenant(environment, id, name, settings, properties, now) {
      workspace.upsertTenant(environment, id, name, settings, properties, now);
      exists.set(tenant(environment, id), true);
    },
    deleteTenant(environment, id) {
      exists.set(tenant(environment, id), false);
      return workspace.deleteTenant(environment, id);
    },
    objectExists: (environment, collection, id) =>
      remembered(object(environment, collection, id), () => workspace.objectExists(environment, collection, id)),
    upsertObject(environment, collection, id, name, properties, now) {
      workspace.upsertObject(environment, collection, id, name, properties, now);
      exists.set(object(environment, collection, id), true);
    },
    deleteObject(environment, collection, id) {
      exists.set(object(environment, collection, id), false);
      return workspace.deleteObject(environment, collection, id);
    },
    workflow(environment, key) {
      const k = `${environment}\u0000${key}`;
      let shape = workflows.get(k);
      if (shape === undefined) workflows.set(k, (shape = workspace.workflow(environment, key)));
      return shape;
    },
  };
}
