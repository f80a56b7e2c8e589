import type { Source } from '../../../../shared/domain/source';
import { ACTIONS } from '../../../../shared/domain/action';
import { useApp } from '../../app/store-context';
import { MappingDriftNotice } from '../shapes/MappingDriftNotice';
import { isDraftDirty } from './mappings.slice';

/** Mappings by event type, with their per-environment switches; the open one is highlighted. */
export function MappingList({ source }: { source: Source }) {
  const mappings = useApp((s) => s.mappings);
  const draft = useApp((s) => s.draft);
  const dirty = useApp((s) => isDraftDirty(s));
  const environments = useApp((s) => s.environments);
  const selectMapping = useApp((s) => s.selectMapping);
  const newMapping = useApp((s) => s.newMapping);
  const setActive = useApp((s) => s.setMappingActive);
  const status = useApp((s) => s.mappingsStatus);

  const leave = () => !dirty || window.confirm('Discard the changes to this mapping?');

  return (
    <aside className="mappings__list" aria-label={`Mappings of ${source.name}`}>
      <header className="column-head">
        <h2 className="column-head__title">Mappings</h2>
        <button type="button" className="btn btn--small btn--primary" data-testid="add-mapping" onClick={() => leave() && newMapping()}>
          + Add
        </button>
      </header>
      <ul className="mapping-list" data-testid="mapping-list">
        {draft && draft.id === undefined && (
          <li className="mapping-list__item mapping-list__item--current" data-testid="mapping-item" data-new="true">
            <span className="mapping-list__type">{draft.eventType || 'New mapping'}</span>
            <span className="mapping-list__action">{ACTIONS[draft.actionType].label} · unsaved</span>
          </li>
        )}
        {mappings.map((m) => (
          <li key={m.id} className={`mapping-list__item${draft?.id === m.id ? ' mapping-list__item--current' : ''}`} data-testid="mapping-item" data-mapping-id={m.id}>
            <button
              type="button"
              className="mapping-list__open"
              aria-current={draft?.id === m.id ? 'true' : undefined}
              onClick={() => draft?.id !== m.id && leave() && selectMapping(m.id)}
            >
              <span className="mapping-list__type">{m.eventType}</span>
              <span className="mapping-list__action">
                {ACTIONS[m.actionType].label}
                {draft?.id === m.id && dirty && <span className="dot" title="Unsaved changes" aria-label="unsaved changes" />}
              </span>
            </button>
            <span className="env-chips" role="group" aria-label="Active in">
              {environments.map((env) => {
                const on = m.activeIn.includes(env.key);
                const overridden = Object.keys(m.overrides?.[env.key] ?? {}).length > 0;
                return (
                  <button
                    key={env.key}
                    type="button"
                    className={`env-chip${overridden ? ' env-chip--overridden' : ''}`}
                    aria-pressed={on}
                    title={`${on ? 'Active' : 'Inactive'} in ${env.name}${overridden ? ', with parameters of its own' : ''}; click to turn ${on ? 'off' : 'on'}`}
                    data-testid={`mapping-active-${env.key}`}
                    data-overridden={overridden || undefined}
                    onClick={() => void setActive(m.id, env.key, !on)}
                  >
                    {env.name}
                    {overridden && <span aria-label=", parameters overridden"> *</span>}
                  </button>
                );
              })}
            </span>
            <MappingDriftNotice mappingId={m.id} updatedAt={m.updatedAt} />
          </li>
        ))}
      </ul>
      {status === 'idle' && mappings.length === 0 && !draft && <p className="muted mapping-list__hint">No mappings yet: events are logged but nothing runs.</p>}
    </aside>
  );
}
