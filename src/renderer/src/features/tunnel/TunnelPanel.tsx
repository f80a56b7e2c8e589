import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { ErrorNotice } from '../../components/ErrorNotice';
import { hostOf, secondsUntil } from './tunnel-text';
import { useNow } from './use-now';

/** The tunnel's details and its start/stop button, shown under the frame control. */
export function TunnelPanel({ onClose }: { onClose(): void }) {
  const tunnel = useApp((s) => s.tunnel);
  const busy = useApp((s) => s.tunnelBusy);
  const error = useApp((s) => s.tunnelError);
  const serverUrl = useApp((s) => s.settings?.tunnel.serverUrl);
  const start = useApp((s) => s.startTunnel);
  const stop = useApp((s) => s.stopTunnel);
  const setView = useApp((s) => s.setView);
  const now = useNow(tunnel.state === 'reconnecting');
  const running = tunnel.state !== 'stopped' && tunnel.state !== 'error';

  return (
    <div className="tunnel-panel" role="dialog" aria-label="Public tunnel" data-testid="tunnel-panel">
      <p className="tunnel-panel__title">Public tunnel</p>
      {tunnel.state === 'stopped' && (
        <p className="muted">Off. Starting it exposes only the receiver (<code>/in/…</code>) at a public URL{serverUrl ? <> via <code>{hostOf(serverUrl)}</code></> : null}.</p>
      )}
      {tunnel.state === 'starting' && <p className="muted">Registering with <code>{tunnel.serverUrl}</code>…</p>}
      {tunnel.state === 'up' && (
        <div className="tunnel-panel__url">
          <code className="url-row__url" data-testid="tunnel-url">
            {tunnel.url}
          </code>
          <CopyButton text={tunnel.url} testId="copy-tunnel-url" />
        </div>
      )}
      {tunnel.state === 'reconnecting' && (
        <p data-testid="tunnel-reconnecting">
          {tunnel.lastUrl ? 'Connection lost' : 'Not connected'} ({tunnel.reason}). Attempt {tunnel.attempt}, next try in{' '}
          <strong data-testid="tunnel-next-try">{secondsUntil(tunnel.nextTryAt, now)}</strong>.
          {tunnel.lastUrl && <span className="muted"> Last URL {tunnel.lastUrl}</span>}
        </p>
      )}
      {tunnel.state === 'error' && (
        <p className="field__error" data-testid="tunnel-error-reason">
          {tunnel.reason}
        </p>
      )}
      <ErrorNotice message={error} />
      <div className="actions">
        {running ? (
          <button type="button" className="btn btn--small" disabled={busy} data-testid="tunnel-stop" onClick={() => void stop()}>
            Stop tunnel
          </button>
        ) : (
          <button type="button" className="btn btn--small btn--primary" disabled={busy} data-testid="tunnel-start" onClick={() => void start()}>
            {tunnel.state === 'error' ? 'Try again' : 'Start tunnel'}
          </button>
        )}
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={() => {
            setView('settings');
            onClose();
          }}
        >
          Tunnel settings…
        </button>
      </div>
    </div>
  );
}
