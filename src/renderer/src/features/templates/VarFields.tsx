import type { Environment } from '../../../../shared/domain/environment';
import type { Template } from '../../../../shared/domain/template';

type VarSpec = NonNullable<Template['preprocess']>['vars'][number];
type Values = Record<string, Record<string, string>>;

interface Props {
  vars: readonly VarSpec[];
  environments: readonly Environment[];
  values: Values;
  onChange(values: Values): void;
}

/** The preprocess script's variables, per environment; secret ones are typed like passwords. */
export function VarFields({ vars, environments, values, onChange }: Props) {
  const set = (env: string, name: string, value: string) => onChange({ ...values, [env]: { ...values[env], [name]: value } });
  return (
    <section className="connect__section" aria-labelledby="connect-vars">
      <h3 id="connect-vars" className="connect__heading">
        Script variables
      </h3>
      {vars.map((v) => (
        <fieldset key={v.name} className="var-fields">
          <legend>
            <code>{v.name}</code> {v.required ? <span className="muted">needed by the script</span> : <span className="muted">optional</span>}
          </legend>
          {v.help && <p className="field__help">{v.help}</p>}
          <div className="var-fields__grid">
            {environments.map((env) => (
              <label key={env.key} className="field">
                <span>{env.name}</span>
                <input
                  className="input"
                  type={v.secret ? 'password' : 'text'}
                  autoComplete="off"
                  spellCheck={false}
                  data-testid={`var-input-${v.name}-${env.key}`}
                  value={values[env.key]?.[v.name] ?? ''}
                  onChange={(e) => set(env.key, v.name, e.target.value)}
                />
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </section>
  );
}
