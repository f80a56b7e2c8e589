import { ACTIONS, type ActionType } from '../../../../shared/domain/action';

/** Knock's names for the actions, as the dashboard shows them. */
export const actionLabel = (type: ActionType): string => ACTIONS[type].label;

/** The parameter that says most about a mapping, shown next to its action ("workflow invoice-paid"). */
export function mappingGist(actionType: ActionType, params: Record<string, string>): string {
  const key = params.workflow_key ?? params.workflow ?? params.key;
  if (actionType === 'workflows_trigger' || actionType === 'workflows_cancel') return key ? key.replace(/^"|"$/g, '') : '';
  const id = params.id ?? params.user_id ?? params.object_id;
  return id ? `id ← ${id}` : '';
}
