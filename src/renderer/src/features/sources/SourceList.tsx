import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { SourceLogo } from './SourceLogo';
import { relativeTime } from './relative-time';

/** Sources with their logo and, for the current environment, the last event and 24-hour counts. */
export function SourceList() {
  const sources = useApp((s) => s.sources);
  const selectedId = useApp((s) => s.selectedSourceId);
  const selectSource = useApp((s) => s.selectSource);
  const currentEnv = useApp((s) => s.currentEnv);
  const stats = useApp((s) => s.sourceStats);
  const loadSourceStats = useApp((s) => s.loadSourceStats);
  const loadTemplateBrands = useApp((s) => s.loadTemplateBrands);
  const settingsDirty = useApp((s) => s.settingsDirty);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    void loadSourceStats();
    void loadTemplateBrands();
  }, [loadSourceStats, loadTemplateBrands]);
  // "5 min ago" has to age even when no event arrives.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const choose = (id: string) => {
    if (id === selectedId) return;
    if (settingsDirty && !window.confirm('Discard unsaved settings changes?')) return;
    selectSource(id);
  };

  if (sources.length === 0) return <p className="muted sidebar__hint">No sources yet.</p>;
  return (
    <ul className="source-list" data-testid="source-list">
      {sources.map((source) => {
        const settings = source.settings.find((x) => x.environment === currentEnv);
        const stat = stats.find((x) => x.sourceId === source.id && x.environment === currentEnv);
        const awaiting = source.settings.filter((x) => x.preprocess !== null && !x.preprocess.approved).map((x) => x.environment);
        return (
          <li key={source.id}>
            <button
              type="button"
              className="source-list__item"
              aria-current={source.id === selectedId ? 'true' : undefined}
              data-testid={`source-item-${source.key}`}
              onClick={() => choose(source.id)}
            >
              <SourceLogo source={source} />
              <span className="source-list__text">
                <span className="source-list__name">
                  {source.name}
                  {settings && !settings.enabled && <span className="tag">disabled</span>}
                  {awaiting.length > 0 && (
                    <span className="tag tag--warn" title={`Imported preprocess script awaiting approval in ${awaiting.join(', ')}`} data-testid="script-awaiting-badge">
                      script to approve
                    </span>
                  )}
                </span>
                <span className="source-list__meta" data-testid="source-stats">
                  {stat ? (
                    <>
                      <span title="Last event">{relativeTime(stat.lastEventAt, now)}</span>
                      <span>· {stat.recent} in 24 h</span>
                      {stat.recentFailed > 0 && <span className="source-list__failed">· {stat.recentFailed} failed</span>}
                    </>
                  ) : (
                    <span>No events yet</span>
                  )}
                </span>
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
