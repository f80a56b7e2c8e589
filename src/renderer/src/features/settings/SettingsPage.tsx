import { EmptyState } from '../../components/EmptyState';

/** Environments, the public tunnel, log retention and notifications. */
export function SettingsPage() {
  return (
    <div className="page" data-testid="page-settings">
      <EmptyState title="Settings">Environments, the public tunnel, log retention and notifications.</EmptyState>
    </div>
  );
}
