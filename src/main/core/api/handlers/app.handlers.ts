import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';
import { verificationPresets } from '../../verification';

type AppHandlers = Pick<Handlers, 'app.info' | 'verification.presets'>;

export function appHandlers(ctx: CoreContext): AppHandlers {
  return {
    'app.info': () => ({ version: ctx.info.version, receiverUrl: ctx.info.receiverUrl(), dataDir: ctx.info.dataDir }),
    'verification.presets': () =>
      verificationPresets.map((p) => ({
        id: p.id,
        name: p.name,
        description: p.description,
        config: p.config,
        ...(p.secretHint ? { secretHint: p.secretHint } : {}),
      })),
  };
}
