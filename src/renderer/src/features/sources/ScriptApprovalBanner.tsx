import { useState } from 'react';
import type { Source, SourceEnvSettings } from '../../../../shared/domain/source';
import { useApp } from '../../app/store-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorText } from '../../lib/errors';

/**
 * An imported script is someone else's code: it stays off and read-only until the user has read it
 * and approves it here (SPEC §4).
 */
export function ScriptApprovalBanner({ source, settings }: { source: Source; settings: SourceEnvSettings }) {
  const approve = useApp((s) => s.approveScript);
  const envName = useApp((s) => s.environments.find((e) => e.key === settings.environment)?.name ?? settings.environment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setBusy(true);
    const result = await approve({ id: source.id, environment: settings.environment });
    setBusy(false);
    setError(errorText(result));
  };

  return (
    <div className="notice notice--warn script-approval" role="alert" data-testid="script-approval">
      <div className="script-approval__text">
        <p className="notice__title">This script came from an imported file and does not run until you approve it</p>
        <p>Read it below first: once approved it runs on every event this source receives in {envName}, with its variables and the raw request.</p>
      </div>
      <button type="button" className="btn btn--primary btn--small" disabled={busy} data-testid="approve-script" onClick={() => void run()}>
        {busy ? 'Approving…' : 'Approve and enable'}
      </button>
      <ErrorNotice message={error} />
    </div>
  );
}
