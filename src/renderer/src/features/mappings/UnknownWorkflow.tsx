import { parseExpr } from '../../../../shared/expr';
import { useApp } from '../../app/store-context';

/**
 * Knock ties a trigger mapping to a workflow picked from a list; here the key is typed, so a key this
 * environment doesn't know is flagged before saving, with a way to create it.
 */
export function UnknownWorkflow({ param, source }: { param: string; source: string }) {
  const known = useApp((s) => s.workspaceKeys.workflow_key);
  const env = useApp((s) => s.currentEnv);
  const create = useApp((s) => s.createWorkflowForKey);
  const parsed = source.trim() === '' ? null : parseExpr(source);
  const key = parsed?.ok && parsed.ast.type === 'literal' && typeof parsed.ast.value === 'string' ? parsed.ast.value : null;
  if (key === null || env === null || known.includes(key)) return null;
  return (
    <p className="field__warning" role="status" data-testid={`param-${param}-unknown-workflow`}>
      No workflow “{key}” in this environment yet: triggers will fail with not_found.{' '}
      <button type="button" className="link-button" data-testid={`param-${param}-create-workflow`} onClick={() => void create(key)}>
        Create workflow “{key}”
      </button>
    </p>
  );
}
