import type { CoreContext } from '../../context';
import type { Handlers } from '../dispatcher';

type AppHandlers = Pick<Handlers, 'app.info'>;

export function appHandlers(ctx: CoreContext): AppHandlers {
  return {
    'app.info': () => ({ version: ctx.info.version, receiverUrl: ctx.info.receiverUrl(), dataDir: ctx.info.dataDir }),
  };
}
