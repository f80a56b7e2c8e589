import type { ReactNode } from 'react';
import { useApp } from './store-context';
import { EnvironmentSwitcher } from '../features/environments/EnvironmentSwitcher';
import { LiveIndicator } from '../components/LiveIndicator';
import { TunnelBanner, TunnelControl } from '../features/tunnel';
import type { View } from './app.slice';
import { Palette } from './Palette';
import { ForwardingBadge } from '../features/destinations/ForwardingBadge';
import { HealthBanner } from '../features/health';

const NAV: ReadonlyArray<{ view: View; label: string }> = [
  { view: 'sources', label: 'Sources' },
  { view: 'gallery', label: 'Integrations' },
  { view: 'log', label: 'Log' },
  { view: 'workspace', label: 'Workspace' },
  { view: 'settings', label: 'Settings' },
];

/** The window chrome: name, environment switcher (always visible), navigation, live status. */
export function Frame({ children }: { children: ReactNode }) {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const live = useApp((s) => s.live);

  return (
    <div className="frame">
      <header className="topbar">
        <div className="brand" aria-label="Inlet">
          <span className="brand__mark" aria-hidden="true" />
          Inlet
        </div>
        <EnvironmentSwitcher />
        <nav className="nav" aria-label="Main">
          {NAV.map((item) => (
            <button
              key={item.view}
              type="button"
              className="nav__item"
              aria-current={view === item.view ? 'page' : undefined}
              data-testid={`nav-${item.view}`}
              onClick={() => setView(item.view)}
            >
              {item.label}
            </button>
          ))}
        </nav>
        <div className="topbar__spacer" />
        <ForwardingBadge />
        <TunnelControl />
        <LiveIndicator status={live} />
      </header>
      <HealthBanner />
      <TunnelBanner />
      <main className="frame__main">{children}</main>
      <Palette />
    </div>
  );
}
