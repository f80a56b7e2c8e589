import { useEffect, useState } from 'react';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Toggle } from '../../components/Toggle';
import { downloadText } from '../../lib/download';
import { errorText } from '../../lib/errors';
import { bundleFileName } from './config-file';
import type { WorkspaceCounts } from './config.slice';

type Part = 'mappings' | 'workflows' | 'destinations' | 'fixtures';
const PARTS: ReadonlyArray<[Part, string]> = [['mappings', 'Mappings'], ['workflows', 'Workflows'], ['destinations', 'Destinations'], ['fixtures', 'Fixtures']];

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
/** `2 users, 3 objects, 1 tenant, 4 subscriptions, 2 audience members`, or nothing while counting. */
const describeWorkspace = (c: WorkspaceCounts | null) =>
  c ? ` (${[count(c.users, 'user'), count(c.objects, 'object'), count(c.tenants, 'tenant'), count(c.subscriptions, 'subscription'), count(c.audienceMembers, 'audience member')].join(', ')})` : '';

/** Export a bundle: chosen sources and parts, a slice of the log, redaction, and secrets only sealed with a passphrase. */
export function ConfigExportForm() {
  const sources = useApp((s) => s.sources);
  const exportBundle = useApp((s) => s.exportBundle);
  const countWorkspace = useApp((s) => s.countWorkspace);
  const environments = useApp((s) => s.environments);
  const [workspace, setWorkspace] = useState(false);
  const [counts, setCounts] = useState<WorkspaceCounts | null>(null);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [parts, setParts] = useState<Record<Part, boolean>>({ mappings: true, workflows: true, destinations: true, fixtures: true });
  const [events, setEvents] = useState(0);
  const [redact, setRedact] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const nothingChosen = !all && chosen.size === 0;
  useEffect(() => {
    let live = true;
    void countWorkspace().then((c) => live && setCounts(c));
    return () => {
      live = false;
    };
  }, [countWorkspace, environments]);

  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const run = async () => {
    setBusy(true);
    setDone(null);
    const result = await exportBundle({
      ...parts,
      ...(all ? {} : { sourceIds: [...chosen] }),
      ...(events > 0 ? { events: { max: events, filter: {} } } : {}),
      ...(passphrase ? { passphrase } : {}),
      ...(redact ? { redaction: { detectors: {}, rules: [] } } : {}),
      workspace,
    });
    setBusy(false);
    setError(errorText(result));
    if (!result.ok) return;
    downloadText(bundleFileName(new Date()), `${JSON.stringify(result.value.bundle, null, 2)}\n`);
    const { bundle, redactions } = result.value;
    const users = bundle.workspace?.reduce((n, w) => n + w.users.length, 0);
    setDone(`Saved ${bundle.sources.length} source(s), ${bundle.fixtures.length} fixture(s), ${bundle.destinations.length} destination(s), ${bundle.events.length} event(s)${users === undefined ? '' : `, the workspace (${users} user(s))`}${redact ? `; ${redactions.count} value(s) redacted` : ''}${bundle.sealed ? '; secrets sealed' : ''}.`);
  };

  return (
    <div className="config-export" data-testid="config-export">
      <h3 className="config__subtitle">Export a bundle</h3>
      <div className="segmented" role="group" aria-label="Which sources">
        <button type="button" className="segmented__item" aria-pressed={all} data-testid="config-export-all" onClick={() => setAll(true)}>
          All sources
        </button>
        <button type="button" className="segmented__item" aria-pressed={!all} data-testid="config-export-chosen" onClick={() => setAll(false)}>
          Chosen sources
        </button>
      </div>
      {!all && (
        <fieldset className="config-export__sources">
          <legend className="visually-hidden">Sources to export</legend>
          {sources.length === 0 && <p className="muted">No sources yet.</p>}
          {sources.map((s) => (
            <label key={s.id} className="config-export__source">
              <input type="checkbox" checked={chosen.has(s.id)} data-testid={`config-export-source-${s.key}`} onChange={(e) => toggle(s.id, e.target.checked)} /> {s.name} <code className="muted">{s.key}</code>
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className="config-export__sources">
        <legend>With</legend>
        {PARTS.map(([part, label]) => (
          <label key={part} className="config-export__source">
            <input type="checkbox" checked={parts[part]} data-testid={`config-export-part-${part}`} onChange={(e) => setParts({ ...parts, [part]: e.target.checked })} /> {label}
          </label>
        ))}
        <label className="config-export__source">
          The newest{' '}
          <input type="number" className="input input--narrow" min={0} max={50000} value={events} aria-label="Events to include" data-testid="config-export-events" onChange={(e) => setEvents(Math.max(0, Math.min(50000, Number(e.target.value) || 0)))} />{' '}
          events of those sources
        </label>
        <label className="config-export__source">
          <input type="checkbox" checked={workspace} data-testid="config-export-workspace" onChange={(e) => {
              setWorkspace(e.target.checked);
              if (e.target.checked) void countWorkspace().then(setCounts);
            }} /> Include the workspace{describeWorkspace(counts)}
        </label>
      </fieldset>
      <Toggle label="Redact fixtures, events and the workspace" description="Emails, phone and card numbers, tokens, API keys, JWTs and IPs become placeholders, the same value the same placeholder everywhere in the file." checked={redact} testId="config-export-redact" onChange={setRedact} />
      <label className="field">
        <span className="field__label">Passphrase for secrets (optional)</span>
        <input type="password" className="input" autoComplete="new-password" value={passphrase} data-testid="config-export-passphrase" onChange={(e) => setPassphrase(e.target.value)} />
        <span className="field__help">With a passphrase (8 characters or more), signing secrets and secret variables travel encrypted (scrypt + AES-256-GCM); without one they stay here.</span>
      </label>
      <div className="actions">
        <button type="button" className="btn btn--primary" disabled={busy || nothingChosen || (passphrase !== '' && passphrase.length < 8)} data-testid="config-export-run" onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export bundle'}
        </button>
        <span className="muted config__hint">Saves inlet-bundle-&lt;date&gt;.json</span>
      </div>
      {done && <p role="status" className="muted" data-testid="config-export-done">{done}</p>}
      <ErrorNotice message={error} />
    </div>
  );
}
