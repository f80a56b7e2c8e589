import { envTone } from './env-color';
import './environments.css';

/** The environment's colour as a dot, next to its name wherever it is shown. */
export function EnvDot({ env }: { env: string }) {
  return <span className={`env-dot env-tone--${envTone(env)}`} data-testid={`env-dot-${env}`} data-tone={envTone(env)} aria-hidden="true" />;
}
