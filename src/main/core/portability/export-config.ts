import type { Bundle } from '../../../shared/domain/bundle';
import type { CoreContext } from '../context';
import { exportBundle } from '../bundles/export-bundle';

/**
 * The configuration part of a bundle alone (what "Export configuration" wrote before bundles):
 * environments, sources with settings and mappings, and workflows. Secret values only sealed
 * with a passphrase.
 */
export function exportConfig(ctx: CoreContext, options: { sourceIds?: string[] | undefined; passphrase?: string | undefined }): Bundle {
  return exportBundle(ctx, { sourceIds: options.sourceIds, passphrase: options.passphrase, mappings: true, workflows: true, destinations: false, fixtures: false });
}
