import type { KeyboardEvent, SyntheticEvent } from 'react';
import type { ParamSpec } from '../../../../shared/domain/action';
import { useApp } from '../../app/store-context';
import { ExprErrorPointer } from './ExprErrorPointer';
import { KeyPicker } from './KeyPicker';
import { paramsFor } from './mapping-draft';
import { ParamScope } from './ParamScope';
import { UnknownWorkflow } from './UnknownWorkflow';
import { asTextSource, isKeyKind, textSuggestion } from './key-options';
import { SHAPE_PATHS_ID } from '../shapes/ShapePathOptions';
import { formatValue, previewParam } from './live-resolve';

const ICON = { ok: '✓', error: '✗', warn: '!', empty: '–' } as const;

/** The id of a parameter's input, so the payload tree can give focus back after filling it. */
export const paramInputId = (name: string) => `param-${name}`;

/** Moves focus to the sample tree, where ↑↓ and Enter choose the value for the pinned parameter. */
export const focusSampleTree = (): boolean => {
  const tree = document.querySelector<HTMLElement>('[data-testid="payload-tree"]');
  tree?.focus();
  return tree !== null;
};

/** The keyboard shortcut in a parameter that starts picking its value from the sample. */
export const isPickShortcut = (e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>): boolean =>
  e.altKey && !e.ctrlKey && !e.metaKey && e.key === 'ArrowDown';

/** A refusal of this parameter's override in some environment, naming the environment. */
const overrideError = (errors: Record<string, string>, param: string): string | undefined => {
  const hit = Object.entries(errors).find(([key]) => key.startsWith('overrides.') && key.endsWith(`.${param}`));
  return hit && `In ${hit[0].split('.')[1]}: ${hit[1]}`;
};

/** One parameter: its expression, and what it resolves to on the current sample (✓/✗ live). */
export function ParamInput({ spec }: { spec: ParamSpec }) {
  const source = useApp((s) => (s.draft ? paramsFor(s.draft, s.editingEnv)[spec.name] : undefined) ?? '');
  const ctx = useApp((s) => s.sample?.ctx ?? null);
  const saveError = useApp((s) => s.draftErrors[`params.${spec.name}`] ?? overrideError(s.draftErrors, spec.name));
  const focused = useApp((s) => s.focusedParam === spec.name);
  const pickTarget = useApp((s) => s.pickTarget);
  const setParam = useApp((s) => s.setParam);
  const focusParam = useApp((s) => s.focusParam);
  const startPick = useApp((s) => s.startPick);
  const endPick = useApp((s) => s.endPick);
  const preview = previewParam(spec, source, ctx);
  const state = preview.state === 'empty' && preview.required ? 'error' : preview.state;
  const id = paramInputId(spec.name);
  const asText = textSuggestion(source);

  const caretOf = (el: HTMLInputElement) => ({ start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length });
  const track = (e: SyntheticEvent<HTMLInputElement>) => focusParam(spec.name, caretOf(e.currentTarget));
  // Editing or clicking another field is a deliberate choice of target; a pinned pick gives way.
  const claim = () => {
    if (pickTarget !== null && pickTarget !== spec.name) endPick();
  };
  const pick = (el: HTMLInputElement | null) => {
    startPick(spec.name, el ? caretOf(el) : null);
    if (!focusSampleTree()) endPick();
  };

  return (
    <div className={`param param--${state}${focused ? ' param--focused' : ''}`} data-testid={`param-row-${spec.name}`}>
      <label className="param__label" htmlFor={id}>
        {spec.label}
        {spec.required && <span className="param__required" aria-label="required">*</span>}
        <code className="param__name">{spec.name}</code>
        <ParamScope param={spec.name} />
      </label>
      <div className="param__field">
        <input
          id={id}
          className="input input--mono param__input"
          value={source}
          spellCheck={false}
          autoComplete="off"
          list={isKeyKind(spec.kind) ? undefined : SHAPE_PATHS_ID}
          placeholder={spec.help ?? (spec.kind === 'workflow_key' ? '"my-workflow"' : 'body.…')}
          aria-invalid={state === 'error' || saveError ? true : undefined}
          aria-describedby={`${id}-result`}
          aria-keyshortcuts="Alt+ArrowDown"
          data-testid={id}
          onPointerDown={claim}
          onChange={(e) => {
            claim();
            setParam(spec.name, e.target.value);
            track(e);
          }}
          onKeyDown={(e) => {
            if (!isPickShortcut(e)) return;
            e.preventDefault();
            pick(e.currentTarget);
          }}
          onFocus={track}
          onSelect={track}
        />
        {isKeyKind(spec.kind) && <KeyPicker kind={spec.kind} param={spec.name} label={spec.label} onPick={(v) => setParam(spec.name, asTextSource(v))} />}
        <button
          type="button"
          className="btn btn--small btn--ghost param__pick"
          disabled={ctx === null}
          title="Pick from sample (Alt+↓)"
          aria-label={`Pick ${spec.label} from the sample`}
          data-testid={`${id}-pick`}
          onClick={() => pick(document.getElementById(id) as HTMLInputElement | null)}
        >
          ⇲
        </button>
        <span className={`param__status param__status--${state}`} data-testid={`${id}-status`} data-state={state} aria-hidden="true">
          {ICON[state]}
        </span>
      </div>
      {spec.kind === 'workflow_key' && <UnknownWorkflow param={spec.name} />}
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
        {asText !== null && (
          <button type="button" className="link param__as-text" data-testid={`${id}-as-text`} onClick={() => setParam(spec.name, asTextSource(asText))}>
            Use “{asText}” as text?
          </button>
        )}
      </div>
    </div>
  );
}
