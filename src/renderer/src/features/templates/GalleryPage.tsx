import { EmptyState } from '../../components/EmptyState';

/** Connect a service from a template — its verification, default mappings and sample events come with it. */
export function GalleryPage() {
  return (
    <div className="page" data-testid="page-gallery">
      <EmptyState title="Integrations">Connect a service from a template — its verification, default mappings and sample events come with it.</EmptyState>
    </div>
  );
}
