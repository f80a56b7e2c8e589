import type { VerificationStatus } from '../../../../shared/domain/verification';

const TEXT: Record<VerificationStatus, string> = { verified: 'verified', failed: 'failed', unverified: 'unverified' };

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  return (
    <span className={`badge badge--${status}`} data-testid="verification-badge" data-status={status}>
      {status === 'verified' ? '✓ ' : status === 'failed' ? '✗ ' : ''}
      {TEXT[status]}
    </span>
  );
}
