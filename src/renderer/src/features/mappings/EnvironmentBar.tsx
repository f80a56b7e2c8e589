import { useApp } from '../../app/store-context';

/**
 * Where the mapping runs and which environment's parameters are shown. Knock keeps mappings per
 * environment; here the parameters are shared, and choosing an environment edits its overrides.
 */
export function EnvironmentBar() {
  const environments = useApp((s) => s.environments);
  const activeIn = useApp((s) => s.draft?.activeIn);
  const overrides = useApp((s) => s.draft?.overrides);
  const editingEnv = useApp((s) => s.editingEnv);
  const setEditingEnv = useApp((s) => s.setEditingEnv);
  const editDraft = useApp((s) => s.editDraft);
  if (!activeIn) return null;
  const toggle = (env: string, on: boolean) => editDraft({ activeIn: on ? [...new Set([...activeIn, env])] : activeIn.filter((e) => e !== env) });
  const overridden = environments.filter((e) => Object.keys(overrides?.[e.key] ?? {}).length > 0);

  return (
    <section className="step env-bar" aria-label="Environments" data-testid="mapping-environments">
      <fieldset className="env-bar__active">
        <legend className="env-bar__legend">Active in</legend>
        {environments.map((env) => (
          <label key={env.key} className="checkbox">
            <input type="checkbox" checked={activeIn.includes(env.key)} data-testid={`mapping-draft-active-${env.key}`} onChange={(e) => toggle(env.key, e.target.checked)} />
            {env.name}
          </label>
        ))}
      </fieldset>
      <label className="env-bar__scope">
        <span className="env-bar__legend">Parameters for</span>
        <select
          className="select"
          value={editingEnv ?? ''}
          data-testid="mapping-param-env"
          onChange={(e) => setEditingEnv(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">All environments (shared)</option>
          {environments.map((env) => (
            <option key={env.key} value={env.key}>
              {env.name}
              {overrides?.[env.key] && Object.keys(overrides[env.key]!).length > 0 ? ' (overrides)' : ''}
            </option>
          ))}
        </select>
      </label>
      <p className="field__help env-bar__help" data-testid="mapping-env-summary">
        {editingEnv === null
          ? overridden.length === 0
            ? 'Same parameters in every environment. Choose one to override a parameter there.'
            : `Shared values; overridden in ${overridden.map((e) => e.name).join(', ')}.`
          : `Editing ${environments.find((e) => e.key === editingEnv)?.name ?? editingEnv}: a changed parameter overrides the shared value there only.`}
      </p>
    </section>
  );
}
