import type { SecretInfo } from '../../../../shared/domain/source';
import type { VerificationResult } from '../../../../shared/domain/verification';
import { VerificationBadge } from './VerificationBadge';

const SUMMARY = {
  verified: 'The signature matched a configured secret.',
  failed: 'The signature did not check out.',
  unverified: 'This source does not verify requests.',
} as const;

/** The verification outcome and, when it failed, the diagnosis with its hints. */
export function VerificationPanel({ result, secrets }: { result: VerificationResult; secrets: readonly SecretInfo[] }) {
  const matched = result.matchedSecretId ? secrets.find((s) => s.id === result.matchedSecretId) : undefined;
  const d = result.diagnosis;
  return (
    <section className="detail__section verification" data-testid="verification-result" data-status={result.status}>
      <h3>Verification</h3>
      <p className="verification__line">
        <VerificationBadge status={result.status} />
        <span>{SUMMARY[result.status]}</span>
      </p>
      <p className="muted">
        Scheme <code>{result.scheme}</code>
        {result.matchedSecretId && (
          <>
            {' '}· matched secret <code>{matched ? `${matched.label} (${matched.preview})` : result.matchedSecretId}</code>
          </>
        )}
      </p>
      {d && (
        <div className="diagnosis" data-testid="diagnosis">
          <p className="diagnosis__message">
            <strong>{d.message}</strong>
          </p>
          {(d.header || d.skewSeconds !== undefined) && (
            <p className="muted">
              {d.header && (
                <>
                  Header <code>{d.header}</code>{' '}
                </>
              )}
              {d.skewSeconds !== undefined && <>Clock difference {Math.round(d.skewSeconds)} s</>}
            </p>
          )}
          {d.hints.length > 0 && (
            <ul className="diagnosis__hints">
              {d.hints.map((h) => (
                <li key={h.code} data-testid="diagnosis-hint">
                  {h.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
