import type { TemplateMapping } from '../../../../shared/domain/template';
import { Toggle } from '../../components/Toggle';
import { actionLabel, mappingGist } from './action-labels';
import { groupByEventType } from './gallery-filter';

interface Props {
  mappings: readonly TemplateMapping[];
  chosen: ReadonlySet<string>;
  onChange(id: string, on: boolean): void;
}

/** The template's default mappings, by event type, each switched on or off before connecting. */
export function MappingToggles({ mappings, chosen, onChange }: Props) {
  if (mappings.length === 0) {
    return <p className="muted">This template comes without mappings; add your own after connecting.</p>;
  }
  return (
    <div className="mapping-groups" data-testid="mapping-toggles">
      {groupByEventType(mappings).map((group) => (
        <fieldset key={group.eventType} className="mapping-group" data-event-type={group.eventType}>
          <legend className="mapping-group__type">
            <code>{group.eventType}</code>
          </legend>
          {group.mappings.map((m) => {
            const gist = mappingGist(m.actionType, m.params);
            return (
              <div key={m.id} className="mapping-group__item" data-testid={`mapping-${m.id}`}>
                <Toggle
                  label={m.label}
                  description={`${actionLabel(m.actionType)}${gist ? ` · ${gist}` : ''}`}
                  checked={chosen.has(m.id)}
                  testId={`mapping-toggle-${m.id}`}
                  onChange={(on) => onChange(m.id, on)}
                />
              </div>
            );
          })}
        </fieldset>
      ))}
    </div>
  );
}
