import { overriddenIn } from '../../../../shared/domain/mapping-overrides';
import { useApp } from '../../app/store-context';

/** Whether a parameter is the same everywhere or overridden, and a reset in an overriding environment. */
export function ParamScope({ param }: { param: string }) {
  const draft = useApp((s) => s.draft);
  const environments = useApp((s) => s.environments);
  const editingEnv = useApp((s) => s.editingEnv);
  const resetParam = useApp((s) => s.resetParam);
  if (!draft || environments.length < 2) return null;
  const where = overriddenIn(draft, param, environments.map((e) => e.key));
  const name = (key: string) => environments.find((e) => e.key === key)?.name ?? key;
  const here = editingEnv !== null && where.includes(editingEnv);
  return (
    <span className={`param__scope${where.length > 0 ? ' param__scope--overridden' : ''}`} data-testid={`param-${param}-scope`}>
      {where.length === 0 ? 'Same in all environments' : `Overridden in ${where.map(name).join(', ')}`}
      {here && (
        <button type="button" className="link param__reset" data-testid={`param-${param}-reset`} onClick={() => resetParam(param)}>
          Reset to shared value
        </button>
      )}
    </span>
  );
}
