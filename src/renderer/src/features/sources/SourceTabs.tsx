import { useRef, type KeyboardEvent } from 'react';
import { useApp } from '../../app/store-context';
import type { SourceTab } from './source-page.slice';

const TABS: ReadonlyArray<{ tab: SourceTab; label: string }> = [
  { tab: 'mappings', label: 'Mappings' },
  { tab: 'fields', label: 'Fields' },
  { tab: 'fixtures', label: 'Fixtures' },
  { tab: 'logs', label: 'Logs' },
  { tab: 'forwarding', label: 'Forwarding' },
  { tab: 'settings', label: 'Settings' },
];

/** WAI-ARIA tabs: ←/→/Home/End move between tabs (and open them), Tab goes into the panel. */
export function SourceTabs() {
  const current = useApp((s) => s.sourceTab);
  const setTab = useApp((s) => s.setSourceTab);
  const settingsDirty = useApp((s) => s.settingsDirty);
  const refs = useRef<Array<HTMLButtonElement | null>>([]);

  const go = (index: number) => {
    const target = TABS[(index + TABS.length) % TABS.length];
    if (!target || target.tab === current) return;
    if (current === 'settings' && settingsDirty && !window.confirm('Discard unsaved settings changes?')) return;
    setTab(target.tab);
    refs.current[TABS.indexOf(target)]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const at = TABS.findIndex((t) => t.tab === current);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    go(to);
  };

  return (
    <div className="tabs" role="tablist" aria-label="Source" onKeyDown={onKeyDown}>
      {TABS.map((t, i) => (
        <button
          key={t.tab}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`source-tab-${t.tab}`}
          className="tabs__tab"
          aria-selected={t.tab === current}
          aria-controls={`source-panel-${t.tab}`}
          tabIndex={t.tab === current ? 0 : -1}
          data-testid={`source-tab-${t.tab}`}
          onClick={() => go(i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
