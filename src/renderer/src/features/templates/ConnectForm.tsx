import { useMemo, useState, type FormEvent } from 'react';
import type { Template } from '../../../../shared/domain/template';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeApiError } from '../../lib/errors';
import type { Connected } from './ConnectDialog';
import { keyProblem, suggestKey } from './gallery-filter';
import { MappingToggles } from './MappingToggles';
import { SecretField, type SecretCheckState } from './SecretField';
import { SourceKeyField } from './SourceKeyField';
import { VarFields } from './VarFields';

interface Props {
  template: Template;
  onConnected(connected: Connected): void;
  onCancel(): void;
}

/** Everything connecting asks for: which default mappings, the key, a secret per environment, script variables. */
export function ConnectForm({ template, onConnected, onCancel }: Props) {
  const environments = useApp((s) => s.environments);
  const takenKeys = useApp((s) => s.sources.map((x) => x.key).join('\n'));
  const connectTemplate = useApp((s) => s.connectTemplate);
  const taken = useMemo(() => (takenKeys === '' ? [] : takenKeys.split('\n')), [takenKeys]);

  const [chosen, setChosen] = useState(() => new Set(template.defaultMappings.filter((m) => m.enabledByDefault).map((m) => m.id)));
  const [key, setKey] = useState(() => suggestKey(template.id, taken));
  const [secrets, setSecrets] = useState<Record<string, string>>({});
  const [checks, setChecks] = useState<Record<string, SecretCheckState>>({});
  const [vars, setVars] = useState<Record<string, Record<string, string>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problem = keyProblem(key, taken);
  const secretBlocked = Object.values(checks).some((c) => c.state === 'problem' || c.state === 'checking');
  // The secret var is filled by the secret fields; the others are the script's own settings.
  const extraVars = (template.preprocess?.vars ?? []).filter((v) => v.name !== template.secretVar?.name);
  const needsSecret = template.secretRequired || template.secretVar !== null || template.verification.scheme !== 'none';

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || secretBlocked || busy) return;
    setBusy(true);
    setError(null);
    const given = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v.trim() !== '').map(([env, v]) => [env, v.trim()]));
    const mappingIds = template.defaultMappings.filter((m) => chosen.has(m.id)).map((m) => m.id);
    const secretVars = extraVars.filter((v) => v.secret).map((v) => v.name);
    const result = await connectTemplate({ templateId: template.id, key, mappingIds, secrets: given, vars, secretVars });
    setBusy(false);
    if (!result.ok) return setError(describeApiError(result.error));
    const mappedEventTypes = template.defaultMappings.filter((m) => chosen.has(m.id)).map((m) => m.eventType);
    onConnected({ ...result.value, mappedEventTypes });
  };

  return (
    <form className="modal__form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="modal__body connect">
        <section className="connect__intro">
          <p>{template.description}</p>
          {template.docs.length > 0 && (
            <ul className="connect__docs" aria-label="Documentation">
              {template.docs.map((d) => (
                <li key={d.url}>
                  <a href={d.url} target="_blank" rel="noreferrer noopener">
                    {d.label} ↗
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="connect__section" aria-labelledby="connect-mappings">
          <h3 id="connect-mappings" className="connect__heading">
            Default mappings <span className="muted">{chosen.size} of {template.defaultMappings.length} on</span>
          </h3>
          <MappingToggles mappings={template.defaultMappings} chosen={chosen} onChange={toggle} />
        </section>

        <section className="connect__section" aria-labelledby="connect-source">
          <h3 id="connect-source" className="connect__heading">
            Source
          </h3>
          <SourceKeyField value={key} problem={problem} onChange={setKey} />
        </section>

        {needsSecret && (
          <section className="connect__section" aria-labelledby="connect-secrets">
            <h3 id="connect-secrets" className="connect__heading">
              Signing secret
            </h3>
            <p className="field__help connect__hint">{template.secretHint ?? `The secret ${template.name} signs its webhooks with.`} One per environment.</p>
            {environments.map((env) => (
              <SecretField
                key={env.key}
                templateId={template.id}
                environment={env}
                value={secrets[env.key] ?? ''}
                required={template.secretRequired}
                hint={template.secretHint}
                onChange={(v) => setSecrets({ ...secrets, [env.key]: v })}
                onCheck={(c) => setChecks((prev) => ({ ...prev, [env.key]: c }))}
              />
            ))}
          </section>
        )}

        {extraVars.length > 0 && <VarFields vars={extraVars} environments={environments} values={vars} onChange={setVars} />}
        <ErrorNotice message={error} />
      </div>
      <footer className="modal__footer">
        <span className="muted modal__footer-note">{template.workflows.length > 0 && `Also creates ${template.workflows.length} workflow${template.workflows.length === 1 ? '' : 's'} in every environment.`}</span>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="btn btn--primary" disabled={problem !== null || secretBlocked || busy} data-testid="connect-submit">
          {busy ? 'Connecting…' : `Connect ${template.name}`}
        </button>
      </footer>
    </form>
  );
}
