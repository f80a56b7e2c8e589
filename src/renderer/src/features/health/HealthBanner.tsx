import { useEffect } from 'react';
import { useApp } from '../../app/store-context';
import { CopyButton } from '../../components/CopyButton';
import { shownDamage, shownUnchecked, waysOutCommands } from './health.slice';
import './health.css';

/**
 * The database was found damaged after the app opened (a large file is checked in the background):
 * Inlet keeps running, so the user must learn it here, with the ways out to copy.
 */
export function HealthBanner() {
  const damage = useApp(shownDamage);
  const unchecked = useApp(shownUnchecked);
  const loadHealth = useApp((s) => s.loadHealth);
  const dismiss = useApp((s) => s.dismissHealth);
  useEffect(() => void loadHealth(), [loadHealth]);
  if (unchecked) return <UncheckedNote summary={unchecked.summary} onDismiss={dismiss} />;
  if (!damage) return null;

  const commands = waysOutCommands(damage.file).join('\n');
  return (
    <section className="health-banner" role="alert" aria-labelledby="health-banner-title" data-testid="database-damaged">
      <div className="health-banner__text">
        <p className="health-banner__title" id="health-banner-title">
          {damage.summary}
        </p>
        <details className="health-banner__problems">
          <summary>What SQLite found ({damage.problems.length})</summary>
          <ul>
            {damage.problems.map((problem, i) => (
              <li key={i}>
                <code className="break">{problem}</code>
              </li>
            ))}
          </ul>
        </details>
        <p>Stop Inlet, then start it again from a terminal with one of these:</p>
        <div className="health-banner__copy">
          <pre className="health-banner__code" tabIndex={0} aria-label="Commands" data-testid="database-damaged-commands">
            {commands}
          </pre>
          <CopyButton text={commands} label="Copy commands" testId="copy-damaged-commands" />
        </div>
        <div className="health-banner__copy">
          <pre className="health-banner__code" tabIndex={0} aria-label="The ways out" data-testid="database-damaged-ways-out">
            {damage.waysOut}
          </pre>
          <CopyButton text={damage.waysOut} label="Copy" testId="copy-damaged-ways-out" />
        </div>
      </div>
      <button type="button" className="btn btn--small" data-testid="dismiss-database-damaged" onClick={dismiss}>
        Dismiss
      </button>
    </section>
  );
}

/**
 * The check in the background could not run (the file could not be read, the thread failed):
 * nothing is known to be wrong, so a note, not an alert.
 */
function UncheckedNote({ summary, onDismiss }: { summary: string; onDismiss: () => void }) {
  return (
    <section className="health-banner health-banner--note" role="status" aria-labelledby="health-note-title" data-testid="database-unchecked">
      <div className="health-banner__text">
        <p className="health-banner__title" id="health-note-title">
          {summary}
        </p>
        <p>
          Inlet keeps running. Nothing is known to be wrong: a damaged page would show when an event on it is read, and the
          check runs again at the next start.
        </p>
      </div>
      <button type="button" className="btn btn--small" data-testid="dismiss-database-unchecked" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
