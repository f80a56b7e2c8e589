import { exportConfig } from '../../portability/export-config';
import { checkImportFile, importConfig } from '../../portability/import-config';
import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type ConfigHandlers = Pick<Handlers, 'config.export' | 'config.import'>;

export function configHandlers(ctx: CoreContext): ConfigHandlers {
  return {
    'config.export': (options) => exportConfig(ctx, options),
    'config.import': ({ file, onConflict }) => {
      checkImportFile(file);
      return importConfig(ctx, file, onConflict);
    },
  };
}
