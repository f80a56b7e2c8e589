import type { SyntheticEvent } from 'react';
import type { ParamSpec } from '../../../../shared/domain/action';
import { useApp } from '../../app/store-context';
import { ExprErrorPointer } from './ExprErrorPointer';
import { formatValue, previewParam } from './live-resolve';

const ICON = { ok: '✓', error: '✗', warn: '!', empty: '–' } as const;

/** The id of a parameter's input, so the payload tree can give focus back after filling it. */
export const paramInputId = (name: string) => `param-${name}`;

/** One parameter: its expression, and what it resolves to on the current sample (✓/✗ live). */
export function ParamInput({ spec }: { spec: ParamSpec }) {
  const source = useApp((s) => s.draft?.params[spec.name] ?? '');
  const ctx = useApp((s) => s.sample?.ctx ?? null);
  const saveError = useApp((s) => s.draftErrors[`params.${spec.name}`]);
  const focused = useApp((s) => s.focusedParam === spec.name);
  const setParam = useApp((s) => s.setParam);
  const focusParam = useApp((s) => s.focusParam);
  const preview = previewParam(spec, source, ctx);
  const state = preview.state === 'empty' && preview.required ? 'error' : preview.state;
  const id = paramInputId(spec.name);

  const track = (e: SyntheticEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    focusParam(spec.name, { start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length });
  };

  return (
    <div className={`param param--${state}${focused ? ' param--focused' : ''}`} data-testid={`param-row-${spec.name}`}>
      <label className="param__label" htmlFor={id}>
        {spec.label}
        {spec.required && <span className="param__required" aria-label="required">*</span>}
        <code className="param__name">{spec.name}</code>
      </label>
      <div className="param__field">
        <input
          id={id}
          className="input input--mono param__input"
          value={source}
          spellCheck={false}
          autoComplete="off"
          placeholder={spec.help ?? (spec.kind === 'workflow_key' ? '"my-workflow"' : 'body.…')}
          aria-invalid={state === 'error' || saveError ? true : undefined}
          aria-describedby={`${id}-result`}
          data-testid={id}
          onChange={(e) => {
            setParam(spec.name, e.target.value);
            track(e);
          }}
          onFocus={track}
          onSelect={track}
        />
        <span className={`param__status param__status--${state}`} data-testid={`${id}-status`} data-state={state} aria-hidden="true">
          {ICON[state]}
        </span>
      </div>
      <div id={`${id}-result`} className="param__result" data-testid={`${id}-result`}>
        {saveError ? (
          <span className="field__error">{saveError}</span>
        ) : preview.state === 'ok' ? (
          <>
            <span className="visually-hidden">Resolves to </span>
            <code className="param__value" data-testid={`${id}-value`}>{formatValue(preview.value)}</code>
            {preview.note && <span className="muted"> · {preview.note}</span>}
          </>
        ) : preview.state === 'error' && preview.offset !== undefined ? (
          <ExprErrorPointer source={source} offset={preview.offset} message={preview.message} />
        ) : preview.state === 'empty' ? (
          preview.message && <span className="param__msg">{preview.message}</span>
        ) : (
          <span className="param__msg">{preview.message}</span>
        )}
      </div>
    </div>
  );
}
