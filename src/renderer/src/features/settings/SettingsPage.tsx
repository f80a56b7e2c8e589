import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LoadingState } from '../../components/LoadingState';
import { Toggle } from '../../components/Toggle';
import { EnvironmentsSettings } from '../environments/EnvironmentsSettings';
import { ConfigurationSettings } from './ConfigurationSettings';
import { RetentionSettings } from './RetentionSettings';
import { TunnelSettingsForm } from './TunnelSettingsForm';
import './settings.css';

/** Environments, the public tunnel, log retention, configuration files and notifications. */
export function SettingsPage() {
  const settings = useApp((s) => s.settings);
  const status = useApp((s) => s.settingsStatus);
  const error = useApp((s) => s.settingsError);
  const load = useApp((s) => s.loadSettings);
  const update = useApp((s) => s.updateSettings);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page" data-testid="page-settings">
      <div className="content settings">
        <header className="settings__header">
          <h1 className="settings__title">Settings</h1>
        </header>
        <EnvironmentsSettings />
        <ErrorNotice message={error} onRetry={() => void load()} />
        {!settings && status === 'loading' && <LoadingState label="Loading settings…" />}
        {settings && (
          <>
            <TunnelSettingsForm saved={settings.tunnel} />
            <RetentionSettings saved={settings.retention} />
            <ConfigurationSettings />
            <section className="card settings-card" aria-labelledby="settings-notifications" data-testid="settings-notifications">
              <h2 className="card__title" id="settings-notifications">
                Notifications
              </h2>
              <Toggle
                label="Notify on failures"
                description="A desktop notification when an event fails verification or an action fails."
                checked={settings.notifications.enabled}
                testId="notifications-enabled"
                onChange={(enabled) => update({ notifications: { enabled } })}
              />
            </section>
          </>
        )}
      </div>
    </div>
  );
}
