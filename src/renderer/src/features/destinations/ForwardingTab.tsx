import { useEffect, useMemo, useState } from 'react';
import type { Source } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { DestinationForm } from './DestinationForm';
import { DestinationItem } from './DestinationItem';
import { ResponseSettingsForm } from './ResponseSettingsForm';
import './destinations.css';

/** The source's forwarding in the current environment: its destinations, and what the receiver answers. */
export function ForwardingTab({ source }: { source: Source }) {
  const env = useApp((s) => s.currentEnv);
  const envName = useApp((s) => s.environments.find((e) => e.key === s.currentEnv)?.name ?? s.currentEnv);
  const all = useApp((s) => s.destinations);
  const error = useApp((s) => s.destinationsError);
  const load = useApp((s) => s.loadDestinations);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const mine = useMemo(() => all.filter((d) => d.sourceId === source.id && d.environment === env), [all, source.id, env]);
  const hasSettings = source.settings.some((s) => s.environment === env);

  useEffect(() => void load(), [load, source.id, env]);
  if (env === null) return null;
  if (!hasSettings) return <p className="muted settings-tab">This source has no settings for the environment “{envName}”.</p>;

  return (
    <div className="settings-tab forwarding-tab" data-testid="forwarding-tab">
      <section className="card" aria-labelledby="destinations-heading">
        <h2 id="destinations-heading" className="card__title">
          Destinations in {envName}
        </h2>
        <p className="field__help">
          Every accepted event of {source.name} is sent on to each destination, after the sender got its answer. Nothing is lost while your app is
          down: events wait (held) and go when it answers again.
        </p>
        <ErrorNotice message={error} onRetry={() => void load()} />
        {mine.length > 0 && (
          <ul className="destination-list" aria-label="Destinations">
            {mine.map((d) =>
              editing === d.id ? (
                <li key={d.id} className="destination destination--editing">
                  <DestinationForm source={source} environment={env} destination={d} onDone={() => setEditing(null)} />
                </li>
              ) : (
                <DestinationItem key={d.id} destination={d} onEdit={() => setEditing(d.id)} />
              ),
            )}
          </ul>
        )}
        {adding ? (
          <DestinationForm source={source} environment={env} onDone={() => setAdding(false)} />
        ) : (
          <div className="actions">
            <button type="button" className="btn btn--primary" data-testid="add-destination" onClick={() => setAdding(true)}>
              Add destination
            </button>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="responses-heading">
        <h2 id="responses-heading" className="card__title">
          What the receiver answers in {envName}
        </h2>
        <ResponseSettingsForm key={`${source.id}:${env}`} sourceId={source.id} environment={env} />
      </section>
    </div>
  );
}
