import { EmptyState } from '../../components/EmptyState';

/** Users, tenants, objects, subscriptions, audiences and workflow runs of the current environment. */
export function WorkspacePage() {
  return (
    <div className="page" data-testid="page-workspace">
      <EmptyState title="Workspace">Users, tenants, objects, subscriptions, audiences and workflow runs of the current environment.</EmptyState>
    </div>
  );
}
