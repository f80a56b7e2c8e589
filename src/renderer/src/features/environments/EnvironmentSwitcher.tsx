import { useApp } from '../../app/store-context';

/** Every page shows one environment at a time; this picks which (SPEC §9: always visible). */
export function EnvironmentSwitcher() {
  const environments = useApp((s) => s.environments);
  const currentEnv = useApp((s) => s.currentEnv);
  const selectEnvironment = useApp((s) => s.selectEnvironment);

  return (
    <label className="env-switcher">
      <span className="env-switcher__label">Environment</span>
      <select
        className="select"
        data-testid="env-switcher"
        value={currentEnv ?? ''}
        disabled={environments.length === 0}
        onChange={(e) => selectEnvironment(e.target.value)}
      >
        {environments.map((env) => (
          <option key={env.key} value={env.key}>
            {env.name}
          </option>
        ))}
      </select>
    </label>
  );
}
