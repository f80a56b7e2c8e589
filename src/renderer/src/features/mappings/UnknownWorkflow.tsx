import { parseExpr } from '../../../../shared/expr';
import { effectiveParams } from '../../../../shared/domain/mapping-overrides';
import { useApp } from '../../app/store-context';
import { environmentsMissingWorkflow } from './workspace-keys';

const constantKey = (source: string | undefined): string | null => {
  if (source === undefined || source.trim() === '') return null;
  const parsed = parseExpr(source);
  return parsed.ok && parsed.ast.type === 'literal' && typeof parsed.ast.value === 'string' ? parsed.ast.value : null;
};

/**
 * Knock ties a trigger mapping to a workflow picked from the environment's list; here the key is
 * typed (or overridden per environment), so an environment the mapping runs in without that
 * workflow is flagged before saving, with a way to create it there.
 */
export function UnknownWorkflow({ param }: { param: string }) {
  const draft = useApp((s) => s.draft);
  const workflowsByEnv = useApp((s) => s.workflowsByEnv);
  const environments = useApp((s) => s.environments);
  const create = useApp((s) => s.createWorkflowForKey);
  if (!draft) return null;
  const missing = environmentsMissingWorkflow(draft.activeIn, (env) => constantKey(effectiveParams(draft, env)[param]), workflowsByEnv);
  if (missing.length === 0) return null;
  const name = (key: string) => environments.find((e) => e.key === key)?.name ?? key;
  return (
    <div className="field__warning" role="status" data-testid={`param-${param}-unknown-workflow`}>
      {missing.map(({ environment, key }) => (
        <p key={environment} className="param__missing-workflow">
          No workflow “{key}” in {name(environment)}: triggers there fail with not_found.{' '}
          <button type="button" className="link" data-testid={`param-${param}-create-workflow-${environment}`} onClick={() => void create(key, environment)}>
            Create workflow “{key}” in {name(environment)}
          </button>
        </p>
      ))}
    </div>
  );
}
