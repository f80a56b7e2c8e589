import type { ActionType } from '../../../../shared/domain/action';

/** Knock's names for the actions, as the dashboard shows them. */
export const ACTION_LABEL: Record<ActionType, string> = {
  users_identify: 'Identify user',
  users_delete: 'Delete user',
  objects_set: 'Set object',
  objects_delete: 'Delete object',
  tenants_set: 'Set tenant',
  tenants_delete: 'Delete tenant',
  objects_subscribe: 'Subscribe user',
  objects_unsubscribe: 'Unsubscribe user',
  audiences_add_member: 'Add audience member',
  audiences_remove_member: 'Remove audience member',
  workflows_cancel: 'Cancel workflow',
  workflows_trigger: 'Trigger workflow',
};

/** The parameter that says most about a mapping, shown next to its action ("workflow invoice-paid"). */
export function mappingGist(actionType: ActionType, params: Record<string, string>): string {
  const key = params.workflow_key ?? params.workflow ?? params.key;
  if (actionType === 'workflows_trigger' || actionType === 'workflows_cancel') return key ? key.replace(/^"|"$/g, '') : '';
  const id = params.id ?? params.user_id ?? params.object_id;
  return id ? `id ← ${id}` : '';
}
