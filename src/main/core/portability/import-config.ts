import type { Bundle } from '../../../shared/domain/bundle';
import type { BundleImportReport } from '../../../shared/domain/bundle-preview';
import type { CoreContext } from '../context';
import { applyConfiguration } from '../bundles/import-bundle';

/**
 * Applies the configuration part of a bundle (or a version-1 configuration file read as one):
 * missing environments and workflows are created, sources get fresh endpoint tokens, scripts
 * arrive unapproved, invalid mappings are reported and left out; a taken source key is skipped or
 * renamed. Destinations, fixtures and the log slice, if any, stay out (bundles.import takes them).
 */
export function importConfig(ctx: CoreContext, file: Bundle, onConflict: 'skip' | 'rename', passphrase?: string): BundleImportReport {
  return applyConfiguration(ctx, { ...file, destinations: [], fixtures: [], events: [] }, { onConflict, passphrase }).report;
}
