import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ResponseSetting } from '../../../../shared/domain/destination';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeApiError } from '../../lib/errors';
import { responseDraftOf, responseErrorsFromIssues, responseInput, type AnswerDraft, type ResponseDraft, type ResponseErrors } from './response-draft';

const MODES: ReadonlyArray<[ResponseSetting['mode'], string, string]> = [
  ['default', 'Inlet’s own answer', '200 {"ok":true,…} once the event is logged (401 when verification is enforced and fails).'],
  ['fixed', 'A fixed answer', 'The status, body and headers you set, for every event.'],
  ['passthrough', 'Your app’s answer (passthrough)', 'Waits for the first destination and answers with its reply — for Slack commands, TwiML, auth hooks. The event is logged first.'],
];

function AnswerFields({ label, value, onChange, error, testId }: { label: string; value: AnswerDraft; onChange(a: AnswerDraft): void; error?: string; testId: string }) {
  const id = useId();
  return (
    <fieldset className="response-form__answer" data-testid={testId}>
      <legend>{label}</legend>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <input id={`${id}-status`} className="input response-form__status" inputMode="numeric" value={value.status} aria-invalid={error ? true : undefined} data-testid={`${testId}-status`} onChange={(e) => onChange({ ...value, status: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-headers`}>Headers</label>
        <textarea id={`${id}-headers`} className="input" rows={2} value={value.headers} placeholder="content-type: application/json" onChange={(e) => onChange({ ...value, headers: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Body</label>
        <textarea id={`${id}-body`} className="input code-input" rows={3} value={value.body} data-testid={`${testId}-body`} onChange={(e) => onChange({ ...value, body: e.target.value })} />
      </div>
      {error && <p className="field__error" role="alert">{error}</p>}
    </fieldset>
  );
}

/** What the receiver answers the sender for this source and environment. */
export function ResponseSettingsForm({ sourceId, environment }: { sourceId: string; environment: string }) {
  const load = useApp((s) => s.loadResponseSetting);
  const save = useApp((s) => s.saveResponseSetting);
  const hasDestination = useApp((s) => s.destinations.some((d) => d.sourceId === sourceId && d.environment === environment && d.enabled));
  const [draft, setDraft] = useState<ResponseDraft | null>(null);
  const [errors, setErrors] = useState<ResponseErrors>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const id = useId();
  const set = (patch: Partial<ResponseDraft>) => {
    setDraft((d) => (d ? { ...d, ...patch } : d));
    setState('idle');
  };

  useEffect(() => {
    void load(sourceId, environment).then((r) => (r.ok ? setDraft(responseDraftOf(r.value)) : setErrors({ _: describeApiError(r.error) })));
  }, [load, sourceId, environment]);

  if (!draft) return <ErrorNotice message={errors._ ?? null} />;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = responseInput(draft);
    if (checked.errors) return setErrors(checked.errors);
    setErrors({});
    setState('saving');
    const result = await save(sourceId, environment, checked.setting);
    if (result.ok) {
      setDraft(responseDraftOf(result.value));
      setState('saved');
    } else {
      setState('idle');
      setErrors(responseErrorsFromIssues(result.error.issues ?? [], describeApiError(result.error)));
    }
  };
  const number = (key: 'delayMs' | 'failurePercent' | 'passthroughSeconds', error: keyof ResponseErrors, label: string, help: string): ReactNode => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input id={`${id}-${key}`} className="input" inputMode="decimal" value={draft[key]} aria-invalid={errors[error] ? true : undefined} aria-describedby={`${id}-${key}-help`} data-testid={`response-${key}`} onChange={(e) => set({ [key]: e.target.value })} />
      <p id={`${id}-${key}-help`} className={errors[error] ? 'field__error' : 'field__help'}>
        {errors[error] ?? help}
      </p>
    </div>
  );

  return (
    <form className="response-form" aria-label="Receiver answer" data-testid="response-form" onSubmit={(e) => void submit(e)}>
      <fieldset className="response-form__modes">
        <legend className="visually-hidden">Answer with</legend>
        {MODES.map(([mode, label, help]) => (
          <label key={mode} className="radio">
            <input type="radio" name={`${id}-mode`} checked={draft.mode === mode} data-testid={`response-mode-${mode}`} onChange={() => set({ mode })} />
            <span>
              <strong>{label}</strong> <span className="field__help">{help}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {draft.mode === 'fixed' && <AnswerFields label="The answer" testId="response-answer" value={draft.answer} error={errors.answer} onChange={(answer) => set({ answer })} />}
      {draft.mode === 'passthrough' && (
        <>
          {!hasDestination && (
            <p className="notice notice--warn" role="note" data-testid="passthrough-no-destination">
              No destination is enabled here: every request gets the fallback below until you add one.
            </p>
          )}
          {number('passthroughSeconds', 'passthroughTimeout', 'Wait for the app up to (seconds)', 'The sender’s own timeout: Slack waits 3 s, Twilio 15 s.')}
          <AnswerFields label="Fallback when the app fails or is too slow" testId="response-fallback" value={draft.fallback} error={errors.fallback} onChange={(fallback) => set({ fallback })} />
        </>
      )}
      <div className="destination-form__row">
        {number('delayMs', 'delay', 'Added delay (ms)', 'Before answering: reproduces a provider’s timeout and retries.')}
        {number('failurePercent', 'failureRate', 'Random failures (%)', 'Answered 503 at random, to exercise the provider’s retries.')}
      </div>
      <ErrorNotice message={errors._ ?? null} />
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={state === 'saving'} data-testid="save-response">
          {state === 'saving' ? 'Saving…' : 'Save answer'}
        </button>
        {state === 'saved' && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
