import { lazy, Suspense, useEffect, useState } from 'react';
import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Toggle } from '../../components/Toggle';
import { PathField } from './PathField';
import { ScriptApprovalBanner } from './ScriptApprovalBanner';
import { ScriptTester } from './ScriptTester';
import { LoadingState } from '../../components/LoadingState';
import { draftPathsValid, sameDraft, settingsDraftOf, settingsPatchOf, type SettingsDraft } from './settings-draft';
import { errorText } from '../../lib/errors';

// CodeMirror is most of the bundle; it loads when a Settings tab first shows the script.
const ScriptEditor = lazy(() => import('./ScriptEditor').then((m) => ({ default: m.ScriptEditor })));

const SCRIPT_EXAMPLE = `// Runs before mapping. Return {verified} and any extra keys, readable as preprocess.<key>.
function main({ vars, body, rawBody, headers }) {
  return { verified: true };
}
`;

/**
 * Paths and the preprocess script, saved together with Save / Undo changes. Keyed by source and
 * environment by its parent, so switching either starts from that one's saved values.
 */
export function SettingsDraftForm({ source, settings }: { source: Source; settings: SourceEnvSettings }) {
  const patch = useApp((s) => s.patchEnvSettings);
  const setSettingsDirty = useApp((s) => s.setSettingsDirty);
  const saved = settingsDraftOf(settings);
  const [draft, setDraft] = useState<SettingsDraft>(saved);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [errorLine, setErrorLine] = useState<number | null>(null);
  const dirty = !sameDraft(draft, saved);
  const awaitingApproval = settings.preprocess !== null && !settings.preprocess.approved;

  useEffect(() => {
    setSettingsDirty(dirty);
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty, setSettingsDirty]);
  useEffect(() => () => setSettingsDirty(false), [setSettingsDirty]);

  const edit = (change: Partial<SettingsDraft>) => {
    setDraft((d) => ({ ...d, ...change }));
    setState('idle');
  };

  const save = async () => {
    setState('saving');
    const result = await patch(source.id, settings.environment, settingsPatchOf(draft, saved));
    setError(errorText(result));
    setState(result.ok ? 'saved' : 'idle');
    if (result.ok) setDraft(settingsDraftOf(result.value.settings.find((s) => s.environment === settings.environment) ?? settings));
  };

  return (
    <form
      className="settings-form"
      data-testid="settings-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <section className="card" aria-labelledby="paths-heading">
        <h2 id="paths-heading" className="card__title">Where things are in the event</h2>
        <PathField id="event-type-path" label="Event type path" value={draft.eventTypePath} onChange={(v) => edit({ eventTypePath: v })} help="Where the event type is, e.g. body.type or headers.x-github-event." />
        <div className="settings-form__pair">
          <PathField id="timestamp-path" label="Timestamp path" optional value={draft.timestampPath} onChange={(v) => edit({ timestampPath: v })} help="When the provider sent it; used for freshness." placeholder="body.created" />
          <PathField id="idempotency-key-path" label="Idempotency key path" optional value={draft.idempotencyKeyPath} onChange={(v) => edit({ idempotencyKeyPath: v })} help="A repeat within 24 h is logged as a duplicate." placeholder="body.id" />
        </div>
      </section>
      <section className="card" aria-labelledby="script-heading">
        <div className="card__head">
          <h2 id="script-heading" className="card__title">Preprocess script</h2>
          {draft.script.trim() === '' ? (
            <button type="button" className="btn btn--small" data-testid="script-example" onClick={() => edit({ script: SCRIPT_EXAMPLE })}>
              Start from an example
            </button>
          ) : (
            <Toggle label="Run this script" checked={draft.scriptEnabled && !awaitingApproval} disabled={awaitingApproval} onChange={(scriptEnabled) => edit({ scriptEnabled })} testId="script-enabled" />
          )}
        </div>
        {awaitingApproval && <ScriptApprovalBanner source={source} settings={settings} />}
        <Suspense fallback={<LoadingState label="Loading the script editor…" />}>
          <ScriptEditor label="Preprocess script" value={draft.script} errorLine={errorLine} readOnly={awaitingApproval} onChange={(script) => edit({ script })} />
        </Suspense>
        <ScriptTester source={source} environment={settings.environment} script={draft.script} onErrorLine={setErrorLine} />
      </section>
      <div className={`save-bar${dirty ? ' save-bar--dirty' : ''}`} data-testid="settings-save-bar" data-state={dirty ? 'dirty' : state}>
        <span className="save-bar__status" aria-live="polite">
          {dirty ? 'Unsaved changes' : state === 'saved' ? 'Saved ✓' : 'All changes saved'}
        </span>
        <ErrorNotice message={error} />
        <button type="button" className="btn" disabled={!dirty || state === 'saving'} data-testid="settings-undo" onClick={() => setDraft(saved)}>
          Undo changes
        </button>
        <button type="submit" className="btn btn--primary" disabled={!dirty || !draftPathsValid(draft) || state === 'saving'} data-testid="settings-save">
          {state === 'saving' ? 'Saving…' : 'Save'}
        </button>
      </div>
    </form>
  );
}
