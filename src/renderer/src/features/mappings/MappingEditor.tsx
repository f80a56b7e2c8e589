import { ACTION_ORDER, ACTIONS, type ActionType } from '../../../../shared/domain/action';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ConditionEditor } from './ConditionEditor';
import { EnvironmentBar } from './EnvironmentBar';
import { EventTypeField } from './EventTypeField';
import { isDraftDirty } from './mappings.slice';
import { ParamInput } from './ParamInput';
import { ShapePathOptions } from '../shapes/ShapePathOptions';
import { RehearsePanel } from './RehearsePanel';

/** "When receiving" → "Take this action" → "With the following data", then save. */
export function MappingEditor({ source }: { source: Source }) {
  const draft = useApp((s) => s.draft);
  const errors = useApp((s) => s.draftErrors);
  const saving = useApp((s) => s.draftSaving);
  const dirty = useApp((s) => isDraftDirty(s));
  const editDraft = useApp((s) => s.editDraft);
  const saveDraft = useApp((s) => s.saveDraft);
  const discardDraft = useApp((s) => s.discardDraft);
  const duplicateMapping = useApp((s) => s.duplicateMapping);
  const deleteMapping = useApp((s) => s.deleteMapping);
  const saveWarning = useApp((s) => s.saveWarning);
  const dismissSaveWarning = useApp((s) => s.dismissSaveWarning);
  if (!draft) return null;
  const action = ACTIONS[draft.actionType];

  const changeAction = (type: ActionType) => {
    // Parameters the new action shares (id, name, recipients…) keep their expressions.
    const names = new Set(ACTIONS[type].params.map((p) => p.name));
    const keep = (params: Record<string, string>) => Object.fromEntries(Object.entries(params).filter(([k]) => names.has(k)));
    const overrides = Object.fromEntries(Object.entries(draft.overrides ?? {}).map(([env, own]) => [env, keep(own)]));
    editDraft({ actionType: type, params: keep(draft.params), overrides });
  };

  return (
    <form
      className="mapping-editor"
      data-testid="mapping-editor"
      data-dirty={dirty}
      onSubmit={(e) => {
        e.preventDefault();
        void saveDraft();
      }}
    >
      <header className="mapping-editor__head">
        <div>
          <h2 className="mapping-editor__title">{draft.id ? 'Edit mapping' : 'New mapping'}</h2>
          <p className="muted mapping-editor__state" aria-live="polite" data-testid="mapping-save-state">
            {saving ? 'Saving…' : dirty ? 'Unsaved changes' : 'Saved'}
          </p>
        </div>
        <div className="mapping-editor__buttons">
          {draft.id && (
            <>
              <button type="button" className="btn btn--small btn--ghost" data-testid="duplicate-mapping" onClick={() => draft.id && duplicateMapping(draft.id)}>
                Duplicate
              </button>
              <ConfirmButton label="Delete" question="Delete this mapping?" confirmLabel="Delete" danger testId="delete-mapping" onConfirm={async () => {
                  if (draft.id) await deleteMapping(draft.id);
                }} />
            </>
          )}
          <button type="button" className="btn btn--small" disabled={!dirty || saving} data-testid="discard-mapping" onClick={discardDraft}>
            {draft.id ? 'Undo' : 'Cancel'}
          </button>
          <button type="submit" className="btn btn--small btn--primary" disabled={!dirty || saving} data-testid="save-mapping">
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </header>
      {saveWarning && (
        <div className="notice notice--warn save-warning" role="alert" data-testid="save-warning">
          <p>
            <strong>All {saveWarning.total} recent events fail this mapping.</strong>
            {saveWarning.reasons.length > 0 && <> {saveWarning.reasons.join('; ')}.</>} Save it anyway?
          </p>
          <div className="save-warning__buttons">
            <button type="button" className="btn btn--small" data-testid="save-warning-keep-editing" onClick={dismissSaveWarning}>
              Keep editing
            </button>
            <button type="button" className="btn btn--small btn--primary" data-testid="save-anyway" onClick={() => void saveDraft({ force: true })}>
              Save anyway
            </button>
          </div>
        </div>
      )}
      {errors._ && (
        <p className="notice notice--error" role="alert" data-testid="mapping-error">
          {errors._}
        </p>
      )}

      <EnvironmentBar />

      <section className="step">
        <h3 className="step__title">
          <span className="step__n">1</span> When receiving
        </h3>
        <EventTypeField sourceName={source.name} />
      </section>

      <section className="step">
        <h3 className="step__title">
          <span className="step__n">2</span> Take this action
        </h3>
        <select
          className="select step__select"
          aria-label="Action"
          value={draft.actionType}
          data-testid="action-type"
          onChange={(e) => changeAction(e.target.value as ActionType)}
        >
          {ACTION_ORDER.map((t) => (
            <option key={t} value={t}>
              {ACTIONS[t].label}
            </option>
          ))}
        </select>
        <p className="field__help">{action.description}</p>
        {errors.actionType && <p className="field__error">{errors.actionType}</p>}
      </section>

      <section className="step">
        <h3 className="step__title">
          <span className="step__n">3</span> With the following data
        </h3>
        <p className="field__help step__hint">Focus a field, then click a value in the sample on the right; or press Alt+↓ (or ⇲) to pick with ↑↓ and Enter there.</p>
        <ShapePathOptions sourceId={source.id} eventType={draft.eventType} />
        <div className="params" data-testid="params">
          {action.params.map((spec) => (
            <ParamInput key={`${draft.actionType}:${spec.name}`} spec={spec} />
          ))}
        </div>
      </section>

      <section className="step">
        <h3 className="step__title">
          <span className="step__n">4</span> Only when <span className="muted step__optional">optional</span>
        </h3>
        <ConditionEditor />
      </section>

      <RehearsePanel />
    </form>
  );
}
