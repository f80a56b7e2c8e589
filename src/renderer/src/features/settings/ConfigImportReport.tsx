import { describeWorkspaceConflict } from '../../../../shared/domain/workspace-conflict';
import { useApp } from '../../app/store-context';
import type { ConfigImportReport as Report } from './config.slice';

/** What an import did: created, skipped (why), warnings, and scripts to approve with a way there. */
export function ConfigImportReport({ report, onDone }: { report: Report; onDone(): void }) {
  const open = useApp((s) => s.openSourceSettings);
  const environments = useApp((s) => s.environments);
  const envName = (key: string) => environments.find((e) => e.key === key)?.name ?? key;

  return (
    <div className="config-report" role="status" data-testid="config-import-report">
      <h3 className="config__subtitle">Import finished</h3>
      <p data-testid="config-report-summary">
        {report.created.length} {report.created.length === 1 ? 'source' : 'sources'} created, {report.replaced.length} replaced, {report.skipped.length} skipped
        {report.warnings.length > 0 ? `, ${report.warnings.length} ${report.warnings.length === 1 ? 'warning' : 'warnings'}` : ''}; {report.counts.mappings} mappings, {report.counts.workflows} workflows,{' '}
        {report.counts.destinations} destinations, {report.counts.fixtures} fixtures, {report.counts.events} events.
      </p>
      {report.workspace && report.workspace.length > 0 && (
        <ul className="config-report__list" data-testid="config-report-workspace">
          {report.workspace.map((w) => (
            <li key={w.environment}>
              <span className="tag tag--ok">workspace</span> {envName(w.environment)}: {w.created.users} users, {w.created.objects} objects, {w.created.tenants} tenants,{' '}
              {w.created.subscriptions} subscriptions and {w.created.audienceMembers} audience members added; {w.replaced} replaced, {w.skipped} kept as they were here
              {w.conflicts.length > 0 && (
                <ul data-testid="config-report-workspace-conflicts">
                  {w.conflicts.map((c) => (
                    <li key={c.kind}>{describeWorkspaceConflict(c)}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {report.created.length > 0 && (
        <ul className="config-report__list" data-testid="config-report-created">
          {report.created.map((c) => (
            <li key={c.id}>
              <span className="tag tag--ok">created</span> <code>{c.key}</code>
            </li>
          ))}
        </ul>
      )}
      {report.replaced.length > 0 && (
        <ul className="config-report__list" data-testid="config-report-replaced">
          {report.replaced.map((c) => (
            <li key={c.id}>
              <span className="tag tag--warn">replaced</span> <code>{c.key}</code>
            </li>
          ))}
        </ul>
      )}
      {report.skipped.length > 0 && (
        <ul className="config-report__list" data-testid="config-report-skipped">
          {report.skipped.map((s) => (
            <li key={s.key}>
              <span className="tag">skipped</span> <code>{s.key}</code> — {s.reason}
            </li>
          ))}
        </ul>
      )}
      {report.warnings.length > 0 && (
        <ul className="config-report__list config-report__warnings" data-testid="config-report-warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {report.awaitingApproval.length > 0 && (
        <div className="notice notice--warn config-report__approval" data-testid="config-report-awaiting">
          <p className="notice__title">Scripts awaiting approval</p>
          <p>These preprocess scripts came from the file and do not run until you read and approve them:</p>
          <ul>
            {report.awaitingApproval.map((a) => (
              <li key={`${a.sourceId}:${a.environment}`}>
                <button type="button" className="link" data-testid={`config-approve-link-${a.key}-${a.environment}`} onClick={() => open(a.sourceId, a.environment)}>
                  {a.key} in {envName(a.environment)} → Settings
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="actions">
        <button type="button" className="btn" data-testid="config-report-done" onClick={onDone}>
          Import another file
        </button>
      </div>
    </div>
  );
}
