import type { CoreContext, PipelineServices } from '../../context';
import { createCaptureImports } from '../../captures/import-jobs';
import { previewCaptures } from '../../captures/preview';
import type { Handlers } from '../dispatcher';

type CaptureHandlers = Pick<Handlers, 'captures.preview' | 'captures.import' | 'captures.append' | 'captures.cancel' | 'captures.status'>;

export function captureHandlers(ctx: CoreContext, services: PipelineServices): CaptureHandlers {
  const imports = createCaptureImports(ctx, services.queue);
  return {
    'captures.preview': (input) => previewCaptures(ctx, input),
    'captures.import': async (input) => imports.start(input),
    'captures.append': async ({ jobId, text, end }) => ({ accepted: await imports.append(jobId, text, end) }),
    'captures.cancel': async ({ jobId }) => ({ cancelled: imports.cancel(jobId) }),
    'captures.status': async ({ jobId }) => imports.status(jobId),
  };
}
