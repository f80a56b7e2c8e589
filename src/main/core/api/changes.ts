import type { ConfigChange } from '../../../shared/api/events';
import type { CoreContext } from '../context';

/**
 * What follows a change the contract declares: the caches built from that configuration are
 * dropped (routes from sources and environments, the per-source mappings) and every UI is told.
 */
export function applyChanges(ctx: Pick<CoreContext, 'routes' | 'mappings' | 'emit'>, changes: readonly ConfigChange[]): void {
  if (changes.includes('sources') || changes.includes('environments')) ctx.routes.invalidate();
  if (changes.includes('mappings')) ctx.mappings.invalidate();
  for (const what of changes) ctx.emit('config.changed', { what });
}
