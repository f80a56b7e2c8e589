import { useApp } from '../../app/store-context';

export function SourceList() {
  const sources = useApp((s) => s.sources);
  const selectedId = useApp((s) => s.selectedSourceId);
  const selectSource = useApp((s) => s.selectSource);
  const currentEnv = useApp((s) => s.currentEnv);

  if (sources.length === 0) return <p className="muted sidebar__hint">No sources yet.</p>;
  return (
    <ul className="source-list" data-testid="source-list">
      {sources.map((source) => {
        const settings = source.settings.find((x) => x.environment === currentEnv);
        return (
          <li key={source.id}>
            <button
              type="button"
              className="source-list__item"
              aria-current={source.id === selectedId ? 'true' : undefined}
              data-testid={`source-item-${source.key}`}
              onClick={() => selectSource(source.id)}
            >
              <span className="source-list__name">{source.name}</span>
              <span className="source-list__meta">
                <code>{source.key}</code>
                {settings && !settings.enabled && <span className="tag">disabled</span>}
                {settings && settings.verification.scheme !== 'none' && <span className="tag tag--ok">verifies</span>}
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
