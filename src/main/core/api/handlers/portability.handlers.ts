import { ApiFailure } from '../../../../shared/api/result';
import { exportConfig } from '../../portability/export-config';
import { checkImportFile, importConfig } from '../../portability/import-config';
import { importEvents } from '../../portability/import-events';
import type { CoreContext, PipelineServices } from '../../context';
import type { Handlers } from '../dispatcher';

type PortabilityHandlers = Pick<Handlers, 'config.export' | 'config.import' | 'sources.approveScript' | 'events.import'>;

export function portabilityHandlers(ctx: CoreContext, services: PipelineServices): PortabilityHandlers {
  return {
    'config.export': (options) => exportConfig(ctx, options),
    'config.import': ({ file, onConflict }) => {
      checkImportFile(file);
      const report = importConfig(ctx, file, onConflict);
      ctx.emit('config.changed', { what: 'sources' });
      ctx.emit('config.changed', { what: 'environments' });
      return report;
    },
    'sources.approveScript': ({ id, environment }) => {
      const source = ctx.sources.get(id);
      const settings = source?.settings.find((s) => s.environment === environment);
      if (!source || !settings) throw new ApiFailure('not_found', `No source "${id}" in environment "${environment}"`);
      if (!settings.preprocess) throw new ApiFailure('conflict', `${source.key} has no preprocess script in ${environment}`);
      ctx.sources.updateSettings({ ...settings, preprocess: { ...settings.preprocess, enabled: true, approved: true }, sourceId: id });
      ctx.routes.invalidate();
      ctx.emit('config.changed', { what: 'sources' });
      return ctx.sources.get(id)!;
    },
    'events.import': async (input) => ({ ids: await importEvents(ctx, services.queue, input) }),
  };
}
