import { useState } from 'react';
import { TunnelSettingsPatchSchema, type TunnelSettings } from '../../../../shared/domain/settings';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Toggle } from '../../components/Toggle';
import { errorText } from '../../lib/errors';

const PUBLIC_SERVER = 'https://localtunnel.me';
type Fields = { serverUrl: string; subdomain: string; connectAddress: string };

const toPatch = (f: Fields) => ({ serverUrl: f.serverUrl.trim(), subdomain: f.subdomain.trim() || null, connectAddress: f.connectAddress.trim() || null });

/** Field errors in words, from the same schema the host checks with. */
function fieldErrors(f: Fields): Partial<Record<keyof Fields, string>> {
  const parsed = TunnelSettingsPatchSchema.safeParse(toPatch(f));
  if (parsed.success) return {};
  const errors: Partial<Record<keyof Fields, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof Fields;
    errors[field] ??= field === 'serverUrl' ? 'An http:// or https:// URL.' : field === 'connectAddress' ? 'host:port, e.g. 203.0.113.7:80' : `Use ${issue.message}.`;
  }
  return errors;
}

/** Where the tunnel connects (public service or self-hosted), and how. */
export function TunnelSettingsForm({ saved }: { saved: TunnelSettings }) {
  const update = useApp((s) => s.updateSettings);
  const tunnelState = useApp((s) => s.tunnel.state);
  const restart = useApp((s) => s.startTunnel);
  const [fields, setFields] = useState<Fields>({ serverUrl: saved.serverUrl, subdomain: saved.subdomain ?? '', connectAddress: saved.connectAddress ?? '' });
  const [error, setError] = useState<string | null>(null);
  // Remembered at save time: only a tunnel already running needs a restart to use new settings.
  const [savedNote, setSavedNote] = useState<null | 'saved' | 'restart'>(null);
  const errors = fieldErrors(fields);
  const dirty = JSON.stringify(toPatch(fields)) !== JSON.stringify({ serverUrl: saved.serverUrl, subdomain: saved.subdomain, connectAddress: saved.connectAddress });
  const set = (patch: Partial<Fields>) => {
    setFields({ ...fields, ...patch });
    setSavedNote(null);
  };

  const save = async () => {
    const result = await update({ tunnel: toPatch(fields) });
    setError(errorText(result));
    setSavedNote(result.ok ? (tunnelState === 'stopped' ? 'saved' : 'restart') : null);
  };

  const field = (name: keyof Fields, label: string, help: string, placeholder: string) => (
    <div className="field">
      <label htmlFor={`tunnel-${name}`}>{label}</label>
      <input
        id={`tunnel-${name}`}
        className="input"
        value={fields[name]}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={!!errors[name]}
        data-testid={`tunnel-${name}`}
        onChange={(e) => set({ [name]: e.target.value })}
      />
      {errors[name] ? <p className="field__error">{errors[name]}</p> : <p className="field__help">{help}</p>}
    </div>
  );

  return (
    <section className="card settings-card" aria-labelledby="settings-tunnel" data-testid="settings-tunnel">
      <h2 className="card__title" id="settings-tunnel">
        Public tunnel
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(errors).length === 0) void save();
        }}
      >
        {field('serverUrl', 'Server', `A localtunnel server: the public service (${PUBLIC_SERVER}) or your own.`, PUBLIC_SERVER)}
        {field('subdomain', 'Requested subdomain', 'Ask for the same URL every time (the server may refuse a name in use). Empty for a random one.', 'my-inlet')}
        {field('connectAddress', 'Connect address', 'Only for a self-hosted server without wildcard DNS: where to connect instead of the public hostname.', 'host:port')}
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={!dirty || Object.keys(errors).length > 0} data-testid="save-tunnel-settings">
            Save
          </button>
          {fields.serverUrl !== PUBLIC_SERVER && (
            <button type="button" className="btn btn--ghost" onClick={() => set({ serverUrl: PUBLIC_SERVER, connectAddress: '' })}>
              Use the public service
            </button>
          )}
          {savedNote && (
            <span className="settings-saved" role="status" data-testid="tunnel-settings-saved">
              Saved.{' '}
              {savedNote === 'restart' && (
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setSavedNote('saved');
                    void restart();
                  }}
                >
                  Restart the tunnel to use them
                </button>
              )}
            </span>
          )}
        </div>
      </form>
      <ErrorNotice message={error} />
      <div className="settings-divider" />
      <Toggle
        label="Start the tunnel on launch"
        description="Opens the tunnel whenever Inlet starts."
        checked={saved.startOnLaunch}
        testId="tunnel-start-on-launch"
        onChange={async (startOnLaunch) => {
          const result = await update({ tunnel: { startOnLaunch } });
          setError(errorText(result));
        }}
      />
    </section>
  );
}
