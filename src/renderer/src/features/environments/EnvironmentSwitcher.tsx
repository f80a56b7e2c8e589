import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { EnvDot } from './EnvDot';
import { envTone, isProductionEnv } from './env-color';
import './environments.css';

/** Every page shows one environment at a time; this picks which (SPEC §9: always visible). */
export function EnvironmentSwitcher() {
  const environments = useApp((s) => s.environments);
  const currentEnv = useApp((s) => s.currentEnv);
  const selectEnvironment = useApp((s) => s.selectEnvironment);
  const production = currentEnv !== null && isProductionEnv(currentEnv);

  // The frame's top edge shows the production tint; the attribute lets its stylesheet do so.
  useEffect(() => {
    const root = document.documentElement;
    if (production) root.dataset.envProduction = '';
    else delete root.dataset.envProduction;
    return () => void delete root.dataset.envProduction;
  }, [production]);

  const classes = ['env-switcher', currentEnv && 'env-switcher--tinted', currentEnv && `env-tone--${envTone(currentEnv)}`, production && 'env-switcher--production'];
  return (
    <label className={classes.filter(Boolean).join(' ')} data-testid="env-switcher-frame" data-production={production}>
      <span className="env-switcher__label">Environment</span>
      {currentEnv && <EnvDot env={currentEnv} />}
      <select
        className="select"
        data-testid="env-switcher"
        value={currentEnv ?? ''}
        disabled={environments.length === 0}
        title={production ? 'Production: changes here act on production data' : undefined}
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
